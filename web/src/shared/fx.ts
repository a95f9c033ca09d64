/** 收结汇 helpers shared by the PC, H5 and back-office pages: money and rate formatting, state labels. */
import type { components } from './api/schema';

export type Money = components['schemas']['MoneyOut'];
export type Account = components['schemas']['FxAccountOut'];
export type Settlement = components['schemas']['SettlementOut'];
export type Entry = components['schemas']['EntryOut'];
export type BoardRow = components['schemas']['BoardRowOut'];
export type Trend = components['schemas']['TrendOut'];
export type Alert = components['schemas']['AlertOut'];
export type RequestContext = components['schemas']['RequestContextOut'];

const SYMBOLS: Record<string, string> = { USD: '$', CNY: '¥' };

/** `{amount: "1234.5", currency: "USD"}` → `$1,234.50`. */
export function money(value: Money | null | undefined, signed = false): string {
  if (!value) return '—';
  const n = Number(value.amount);
  const text = Math.abs(n).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const sign = n < 0 ? '-' : signed && n > 0 ? '+' : '';
  return `${sign}${SYMBOLS[value.currency] ?? `${value.currency} `}${text}`;
}

export function usd(amount: string | number | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  return money({ amount: String(amount), currency: 'USD' });
}

export const STATE_COLORS: Record<string, string> = { pending: 'processing', completed: 'success', rejected: 'error' };

export const ENTRY_COLORS: Record<string, string> = {
  balance_update: 'blue',
  freeze: 'orange',
  unfreeze: 'default',
  settlement: 'green',
};

export const RANGES = [
  { value: '7d', label: '7 天' },
  { value: '30d', label: '30 天' },
  { value: '1y', label: '1 年' },
] as const;
export type RangeKey = (typeof RANGES)[number]['value'];

/** The board's change as `+0.0123（+0.17%）` and whether it rose. */
export function change(row: BoardRow): { text: string; up: boolean | null } {
  const latest = row.latest;
  if (!latest?.change) return { text: '—', up: null };
  const n = Number(latest.change);
  const sign = n > 0 ? '+' : '';
  return { text: `${sign}${latest.change}（${sign}${latest.change_percent}%）`, up: n === 0 ? null : n > 0 };
}

export function dateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today in Beijing as YYYY-MM-DD (the settlement date's default). */
export function todayBeijing(): string {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
