/** Shapes and helpers of 系统参数 (testable without a browser). */
import type { paths } from '@/shared/api/schema';

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
export type ParametersData = JsonOf<paths['/api/v1/admin/system/parameters']['get']['responses'][200]>;
export type ParameterValues = ParametersData['values'];
export type GroupKey = keyof ParameterValues;
export type GroupMeta = ParametersData['groups'][number];

export const PARAMETER_CODES = { view: 'system:parameters:view', edit: 'system:parameters:edit' } as const;

export const WEEKDAY_OPTIONS = [
  { label: '周一', value: 1 },
  { label: '周二', value: 2 },
  { label: '周三', value: 3 },
  { label: '周四', value: 4 },
  { label: '周五', value: 5 },
  { label: '周六', value: 6 },
  { label: '周日', value: 7 },
];

export const MESSAGE_KINDS: { key: string; label: string }[] = [
  { key: 'registration_result', label: '工商注册审核结果' },
  { key: 'filing_result', label: '申报受理结果' },
  { key: 'customs_status', label: '报关状态变更' },
  { key: 'refund_status', label: '退税进度' },
  { key: 'fx_arrival', label: '外币到账' },
  { key: 'announcement', label: '系统公告' },
];

export const FX_CURRENCY_OPTIONS = [
  { value: 'USD', label: '美元 USD' },
  { value: 'EUR', label: '欧元 EUR' },
  { value: 'GBP', label: '英镑 GBP' },
  { value: 'JPY', label: '日元 JPY' },
  { value: 'HKD', label: '港币 HKD' },
  { value: 'AUD', label: '澳元 AUD' },
  { value: 'CAD', label: '加元 CAD' },
  { value: 'SGD', label: '新加坡元 SGD' },
  { value: 'CHF', label: '瑞士法郎 CHF' },
  { value: 'NZD', label: '新西兰元 NZD' },
];

/** `ranges.0.end` → `['ranges', 0, 'end']`, the name path antd forms use. */
export function fieldPath(key: string): (string | number)[] {
  return key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const LIST_NAMES: Record<string, string> = {
  ranges: '营业时段',
  items: '公告',
};

/** A readable place for an error the form cannot put under one field: 「营业时段第 1 项」. */
export function errorPlace(key: string, labels: Record<string, string>): string {
  const path = fieldPath(key);
  const head = String(path[0]);
  const name = labels[head] ?? LIST_NAMES[head] ?? head;
  if (path.length >= 2 && typeof path[1] === 'number') return `${LIST_NAMES[head] ?? name}第 ${path[1] + 1} 项`;
  return name;
}

/** Server errors (`details.fields`) as antd `setFields` entries plus one line each for the summary. */
export function formErrors(fields: Record<string, unknown>, labels: Record<string, string>): {
  fields: { name: (string | number)[]; errors: string[] }[];
  lines: string[];
} {
  const entries = Object.entries(fields).map(([key, value]) => ({ key, message: String(value) }));
  return {
    fields: entries.map(({ key, message }) => ({ name: fieldPath(key), errors: [message] })),
    lines: entries.map(({ key, message }) => `${errorPlace(key, labels)}：${message}`),
  };
}
