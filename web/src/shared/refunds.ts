/** 出口退税: types from the generated client and the small helpers the three surfaces share. */
import type { components } from './api/schema';

export type ClaimOut = components['schemas']['ClaimOut'];
export type ClaimRowOut = components['schemas']['ClaimRowOut'];
export type DeclarationOptionOut = components['schemas']['DeclarationOptionOut'];
export type ReadinessLineOut = components['schemas']['ReadinessLineOut'];
export type StatusFileOut = components['schemas']['StatusFileOut'];
export type ClaimState = ClaimRowOut['state'];
export type FileRole = components['schemas']['ClaimFileOut']['role'];

export const STATE_LABELS: Record<ClaimState, string> = {
  draft: '填写申报',
  submitted: '申报',
  reviewing: '审核',
  rejected: '审核不通过',
  refunding: '退库',
  received: '到账',
};

export const STATE_COLORS: Record<ClaimState, string> = {
  draft: 'default',
  submitted: 'processing',
  reviewing: 'blue',
  rejected: 'error',
  refunding: 'purple',
  received: 'success',
};

export const FILE_ROLES: { role: FileRole; label: string; hint: string }[] = [
  { role: 'customs_declaration', label: '报关单', hint: '汇总申报生成的出口报关单（PDF）' },
  { role: 'purchase_invoice', label: '进项发票', hint: '采购货物的增值税专用发票（PDF）' },
  { role: 'sales_invoice', label: '销售发票', hint: '出口销售发票 / COMMERCIAL INVOICE（PDF）' },
];

export const BOARD = ['申报', '审核', '退库', '到账'] as const;

/** The index of the claim's node on the four-node board, and whether that node failed (审核不通过). */
export function boardPosition(state: ClaimState): { current: number; error: boolean; done: boolean } {
  const index = { draft: 0, submitted: 0, reviewing: 1, rejected: 1, refunding: 2, received: 3 }[state];
  return { current: index, error: state === 'rejected', done: state === 'received' };
}

export function money(value: { amount: string; currency: string } | null | undefined): string {
  if (!value) return '—';
  const [whole, cents = '00'] = value.amount.split('.');
  return `${value.currency} ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

export function deadlineText(deadline: ClaimRowOut['deadline']): { text: string; danger: boolean; warn: boolean } {
  if (!deadline) return { text: '—', danger: false, warn: false };
  if (deadline.overdue) return { text: `${deadline.date} 已逾期 ${-deadline.days_left} 天`, danger: true, warn: false };
  return { text: `${deadline.date}（剩 ${deadline.days_left} 天）`, danger: false, warn: deadline.days_left <= 30 };
}
