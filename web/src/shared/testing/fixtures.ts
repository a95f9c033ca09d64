/** Test data shaped like the server's `/me` and token pairs. */
import type { CatalogItem, CatalogModule, Me, TokenPair } from '../api/types';

export class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.has(key) ? this.data.get(key)! : null;
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    this.data.set(key, String(value));
  }
}

const REASON = '完成工商注册并核准通过后开放';

function item(module: string, key: string, feature: string, title: string, route: string, enabled = true): CatalogItem {
  return {
    key,
    feature,
    title,
    route,
    description: `${title}说明`,
    permission: `${module}:${key}:view`,
    available: true,
    enabled,
    disabled_reason: enabled ? '' : REASON,
  };
}

function module(key: string, title: string, route: string, gated: boolean, approved: boolean, items: [string, string, string, string][]): CatalogModule {
  const enabled = !gated || approved;
  return {
    key,
    title,
    icon: 'appstore',
    description: `${title}模块`,
    route,
    gated,
    available: true,
    enabled,
    disabled_reason: enabled ? '' : REASON,
    items: items.map(([k, f, t, r]) => item(key, k, f, t, r, enabled)),
  };
}

export function merchantCatalog(approved: boolean): CatalogModule[] {
  return [
    module('registration', '工商注册', '/registration', false, approved, [
      ['apply', 'R1', '工商注册办理', '/registration/apply'],
      ['supplement', 'R2', '已注册企业信息补充', '/registration/supplement'],
      ['progress', 'R3', '注册进度看板', '/registration/progress'],
    ]),
    module('logistics', '跨境物流', '/logistics', true, approved, [
      ['carriers', 'L1', '物流服务商选择', '/logistics/carriers'],
      ['shipments', 'L2', '一站式发货', '/logistics/shipments'],
    ]),
    module('customs', '出口报关', '/customs', true, approved, [
      ['batches', 'C1', '出口订单批次报送', '/customs/batches'],
      ['orders', 'C2', '电子订单报送', '/customs/orders'],
    ]),
    module('training', '培训服务', '/training', false, approved, [
      ['assistant', 'E1', '智能客服', '/training/assistant'],
      ['courses', 'E2', '在线学习中心', '/training/courses'],
    ]),
    module('showroom', '交易平台', '/showroom', true, approved, [
      ['hall', 'S1', '商品展厅', '/showroom'],
      ['products', 'S3', '商品详情', '/showroom/products'],
    ]),
  ];
}

export function adminCatalog(): CatalogModule[] {
  return [
    module('merchants', '商户管理', '/merchants', false, true, [
      ['list', 'A1', '商户信息管理', '/merchants'],
      ['onboarding', 'RA', '注册与入驻管理', '/merchants/onboarding'],
    ]),
  ];
}

export function makeMe(overrides: Partial<Me> & { approved?: boolean; permissions?: string[] } = {}): Me {
  const { approved = false, ...rest } = overrides;
  const catalog = merchantCatalog(approved);
  return {
    user: { id: 1, name: '张三', display_name: '张三', phone_masked: '138****8000', is_staff: false, must_change_password: false, wechat_bound: false },
    merchant: { id: 10, name: '东海晶品', display_name: '东海晶品', registration_status: approved ? 'approved' : 'not_started', registration_approved: approved },
    memberships: [{ merchant_id: 10, merchant_name: '东海晶品', role: 'merchant_admin', role_label: '管理员', current: true }],
    roles: ['merchant_admin'],
    permissions: catalog.flatMap((m) => m.items.map((i) => i.permission)),
    impersonator: null,
    catalog,
    admin_catalog: [],
    ...rest,
  } as Me;
}

export function makePair(n: number): TokenPair {
  return {
    access: `access-${n}`,
    refresh: `refresh-${n}`,
    expires_in: 900,
    refresh_expires_at: '2030-01-01T00:00:00+08:00',
    user: { id: 1, name: '张三', display_name: '张三', phone_masked: '138****8000', is_staff: false, must_change_password: false, wechat_bound: false },
    is_new_user: false,
  } as TokenPair;
}
