import { describe, expect, it } from 'vitest';
import { countLeaves, leafCodes, type PermissionNode } from './rbac';

const button = (code: string): PermissionNode => ({ key: code, title: code, level: 'button', code, writes: !code.endsWith(':view'), surface: null, children: [] });
const tree: PermissionNode[] = [
  {
    key: 'module:system',
    title: '系统管理',
    level: 'menu',
    code: null,
    writes: false,
    surface: 'admin',
    children: [
      { key: 'page:system:roles', title: '角色权限', level: 'page', code: null, writes: false, surface: null, children: [button('system:roles:view'), button('system:roles:edit')] },
    ],
  },
];

describe('permission tree helpers', () => {
  it('keeps only button codes of the checked keys', () => {
    expect(leafCodes(['module:system', 'page:system:roles', 'system:roles:edit', 'system:roles:view'], tree)).toEqual([
      'system:roles:edit',
      'system:roles:view',
    ]);
  });

  it('counts the buttons', () => {
    expect(countLeaves(tree)).toBe(2);
  });
});
