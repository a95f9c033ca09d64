/** Shapes and helpers of 系统监控. */
import type { paths } from '@/shared/api/schema';

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
export type Monitor = JsonOf<paths['/api/v1/admin/system/monitor']['get']['responses'][200]>;
export type RequestMinute = Monitor['requests']['series'][number];

export const MONITOR_CODE = 'system:monitor:view';
export const REFRESH_MS = 5_000;

/** 「3 天 4 小时」「2 小时 5 分」「45 秒」. */
export function formatDuration(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return `${d} 天 ${h} 小时`;
  if (h > 0) return `${h} 小时 ${m} 分`;
  if (m > 0) return `${m} 分 ${seconds % 60} 秒`;
  return `${seconds} 秒`;
}

/** 「每天 03:00」「每小时」「每 10 分钟」. */
export function formatEvery(seconds: number, at: string | null): string {
  if (seconds === 86_400) return at ? `每天 ${at}` : '每天';
  if (seconds % 3600 === 0) return seconds === 3600 ? '每小时' : `每 ${seconds / 3600} 小时`;
  if (seconds % 60 === 0) return `每 ${seconds / 60} 分钟`;
  return `每 ${seconds} 秒`;
}

/** Green below 70 %, amber to 90 %, red above. */
export function usageColor(percent: number): string {
  if (percent >= 90) return '#dc2626';
  if (percent >= 70) return '#f59e0b';
  return '#16a34a';
}
