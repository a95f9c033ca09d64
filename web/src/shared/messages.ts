/**
 * The message center's shapes (read from the generated client) and what every surface shows of them:
 * category labels, colours and times.
 */
import type { paths } from './api/schema';
import { formatDateTime } from './datetime';

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

export type MessagePage = JsonOf<paths['/api/v1/notifications/messages']['get']['responses'][200]>;
export type MessageItem = MessagePage['items'][number];
export type MessageKind = MessageItem['kind'];
export type UnreadCounts = JsonOf<paths['/api/v1/notifications/messages/unread-count']['get']['responses'][200]>;
export type StreamTicket = JsonOf<paths['/api/v1/notifications/stream-ticket']['post']['responses'][200]>;

export type Category = 'all' | MessageKind;

export const CATEGORIES: readonly { key: Category; label: string; short: string }[] = [
  { key: 'all', label: '全部', short: '全部' },
  { key: 'status', label: '业务状态变更', short: '业务状态' },
  { key: 'todo', label: '待办提醒', short: '待办' },
  { key: 'announcement', label: '系统公告', short: '公告' },
];

export const KIND_COLORS: Record<MessageKind, { color: string; bg: string; tag: string }> = {
  status: { color: '#4338ca', bg: '#eef2ff', tag: 'geekblue' },
  todo: { color: '#d97706', bg: '#fff7e6', tag: 'orange' },
  announcement: { color: '#7c3aed', bg: '#f5f3ff', tag: 'purple' },
};

export const ZERO_COUNTS: UnreadCounts = { total: 0, status: 0, todo: 0, announcement: 0 };

export function unreadOf(counts: UnreadCounts, category: Category): number {
  return category === 'all' ? counts.total : counts[category];
}

export function badgeText(count: number): string {
  return count > 99 ? '99+' : String(count);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 「刚刚」「5 分钟前」「14:32」「03-02 09:15」「2025-12-30 09:15」. */
export function formatMessageTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const seconds = Math.floor((now.getTime() - at.getTime()) / 1000);
  if (seconds >= 0 && seconds < 60) return '刚刚';
  if (seconds >= 0 && seconds < 3600) return `${Math.floor(seconds / 60)} 分钟前`;
  const hm = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay = at.toDateString() === now.toDateString();
  if (sameDay) return hm;
  if (at.getFullYear() === now.getFullYear()) return `${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${hm}`;
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${hm}`;
}

export function fullTime(iso: string): string {
  return formatDateTime(iso);
}
