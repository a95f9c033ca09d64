/** Shapes and small helpers of the back-office RBAC pages (accounts, roles, user switching). */
import type { paths } from '@/shared/api/schema';
import { formatDateTime } from '@/shared/datetime';

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

export type Account = JsonOf<paths['/api/v1/admin/rbac/accounts/{user_id}']['get']['responses'][200]>;
export type Role = JsonOf<paths['/api/v1/admin/rbac/roles/{role_id}']['get']['responses'][200]>;
export type LoginLog = JsonOf<paths['/api/v1/admin/rbac/login-logs']['get']['responses'][200]>['items'][number];
export type PermissionTree = JsonOf<paths['/api/v1/admin/rbac/permission-tree']['get']['responses'][200]>;
export type PermissionNode = PermissionTree['tree'][number];
export type MerchantUser = JsonOf<paths['/api/v1/admin/rbac/merchant-users']['get']['responses'][200]>['items'][number];
export type Impersonation = JsonOf<paths['/api/v1/admin/rbac/impersonations']['get']['responses'][200]>['items'][number];
export type ImpersonationDetail = JsonOf<paths['/api/v1/admin/rbac/impersonations/{impersonation_id}']['get']['responses'][200]>;
export type DataScope = Role['data_scope'];

export const CODES = {
  accountsView: 'system:accounts:view',
  accountsEdit: 'system:accounts:edit',
  accountsStatus: 'system:accounts:status',
  accountsPassword: 'system:accounts:password',
  rolesView: 'system:roles:view',
  rolesEdit: 'system:roles:edit',
  rolesDelete: 'system:roles:delete',
  impersonationView: 'system:impersonation:view',
  impersonationEdit: 'system:impersonation:edit',
} as const;

export const SCOPE_COLORS: Record<DataScope, string> = {
  own_merchant: 'default',
  all_read: 'blue',
  all_write: 'volcano',
};

export function formatTime(value: string | null | undefined): string {
  return formatDateTime(value);
}

/** The button codes (leaves) among checked tree keys: menu and page keys are only for display. */
export function leafCodes(keys: readonly string[], tree: readonly PermissionNode[]): string[] {
  const leaves = new Set<string>();
  const walk = (nodes: readonly PermissionNode[]) => {
    for (const node of nodes) {
      if (node.code) leaves.add(node.code);
      walk(node.children as PermissionNode[]);
    }
  };
  walk(tree);
  return keys.filter((key) => leaves.has(key)).sort();
}

/** How many button codes a tree holds. */
export function countLeaves(tree: readonly PermissionNode[]): number {
  return tree.reduce((n, node) => n + (node.code ? 1 : 0) + countLeaves(node.children as PermissionNode[]), 0);
}
