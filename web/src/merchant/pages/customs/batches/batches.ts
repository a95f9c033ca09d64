/** Shapes and small rules of the 批次 (C1) pages. */
import type { components } from '@/shared/api/schema';

export type BatchBoard = components['schemas']['BatchBoardOut'];
export type BatchOut = components['schemas']['BatchOut'];
export type BatchDetail = components['schemas']['BatchDetailOut'];
export type BatchDefaults = components['schemas']['BatchDefaultsOut'];
export type Overview = components['schemas']['BatchOverviewOut'];
export type Readiness = components['schemas']['ReadinessOut'];
export type DocGroup = components['schemas']['DocGroupOut'];

export const VIEW_PERMISSION = 'customs:batches:view';
export const EDIT_PERMISSION = 'customs:batches:edit';
export const SIMPLIFIED_WARNING = '简化申报（A）的出口货物不能办理出口退税';

export const BATCH_STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  declared: 'processing',
  partly_released: 'cyan',
  released: 'success',
  cleared: 'green',
};

/** The fields of the 新建批次 form, in the order they are shown, grouped. */
export const PREFILLED_FIELDS: { name: string; label: string }[] = [
  { name: 'ebc_code', label: '电商企业代码' },
  { name: 'ebc_name', label: '电商企业名称' },
  { name: 'ebp_code', label: '电商平台代码' },
  { name: 'ebp_name', label: '电商平台名称' },
  { name: 'agent_code', label: '申报企业代码' },
  { name: 'agent_name', label: '申报企业名称' },
  { name: 'cop_code', label: '传输企业代码' },
  { name: 'cop_name', label: '传输企业名称' },
  { name: 'dxp_id', label: 'DXP ID' },
];

/** Why the submit button is disabled, or null when it may be pressed. */
export function submitBlocker(opts: { canEdit: boolean; readiness: Readiness; orders: number; status: string }): string | null {
  if (!opts.canEdit) return '只读成员不能提交批次';
  if (!opts.readiness.ready) return opts.readiness.message || '点点通接口未就绪';
  if (opts.orders === 0) return '批次中还没有电子订单：请先在「电子订单报送」导入订单';
  return null;
}

/** The segments of a progress bar: approved / in progress / attention, as percentages of the total. */
export function segments(group: Pick<DocGroup, 'total' | 'approved' | 'in_progress' | 'attention' | 'pending'>) {
  if (group.total === 0) return { approved: 0, inProgress: 0, attention: 0, pending: 0 };
  const pct = (n: number) => Math.round((100 * n) / group.total);
  return { approved: pct(group.approved), inProgress: pct(group.in_progress), attention: pct(group.attention), pending: pct(group.pending) };
}
