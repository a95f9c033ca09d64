/** Shapes and helpers of 日志管理 (kept apart from the components so Vitest can test them). */
import type { paths } from '@/shared/api/schema';
import { toFailure } from '@/shared/errors';
import { formatDateTime } from '@/shared/datetime';

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
export type LogPage = JsonOf<paths['/api/v1/admin/audit/operation-logs']['get']['responses'][200]>;
export type LogRow = LogPage['items'][number];
export type LogDetail = JsonOf<paths['/api/v1/admin/audit/operation-logs/{log_id}']['get']['responses'][200]>;
export type ChangeRow = LogDetail['changes'][number];
export type ArchivePage = JsonOf<paths['/api/v1/admin/audit/archives']['get']['responses'][200]>;
export type Archive = ArchivePage['items'][number];
export type LogQuery = NonNullable<paths['/api/v1/admin/audit/operation-logs']['get']['parameters']['query']>;

export const LOG_CODES = { view: 'system:logs:view' } as const;

/** The filter form's values (ProTable search) → the API's query. */
export function toLogQuery(params: Record<string, unknown>): Omit<LogQuery, 'page' | 'page_size'> {
  const query: Omit<LogQuery, 'page' | 'page_size'> = {};
  const text = typeof params.actor === 'string' ? params.actor.trim() : '';
  if (text) query.actor = text;
  if (typeof params.module === 'string' && params.module) query.module = params.module;
  if (typeof params.action === 'string' && params.action) query.action = params.action;
  const range = params.created_at;
  if (Array.isArray(range) && range.length === 2) {
    if (range[0]) query.created_from = String(range[0]);
    if (range[1]) query.created_to = String(range[1]);
  }
  return query;
}

/** 2026-03-01 09:30:00 in Beijing time. */
export function formatTime(value: string | null | undefined, seconds = true): string {
  return formatDateTime(value, seconds);
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

/** The file name of a download from its Content-Disposition (RFC 5987 `filename*` first). */
export function dispositionFilename(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1].trim() : fallback;
}

/** Save a Blob under a name (an anchor with `download`; the browser shows its usual download). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Await a `parseAs: 'blob'` call and save the file, or throw the server's refusal as an ApiFailure. */
export async function downloadTo(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<string> {
  let result: { data?: unknown; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (e) {
    throw toFailure(e, 0);
  }
  if (!result.response.ok || !(result.data instanceof Blob)) throw toFailure(result.error, result.response.status);
  const name = dispositionFilename(result.response.headers.get('Content-Disposition'), fallbackName);
  saveBlob(result.data, name);
  return name;
}
