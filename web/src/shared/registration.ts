/**
 * 工商注册 shapes and small pure helpers shared by the merchant PC pages, the mobile board and the
 * back-office review page.
 */
import type { components } from './api/schema';
import type { Api } from './api/client';
import { toFailure } from './errors';
import { formatDateTime } from '@/shared/datetime';

export type ApplicationOut = components['schemas']['ApplicationOut'];
export type AdminApplicationOut = components['schemas']['AdminApplicationOut'];
export type ProgressOut = components['schemas']['ProgressOut'];
export type PrefillOut = components['schemas']['PrefillOut'];
export type DocumentOut = components['schemas']['DocumentOut'];
export type DocumentKind = DocumentOut['kind'];
export type ApplicationKind = ApplicationOut['kind'];
export type StepValues = Record<string, unknown>;

export const KIND_LABELS: Record<ApplicationKind, string> = {
  new_individual: '个体户新办',
  new_company: '企业新办',
  existing: '已注册企业信息补充',
};

export const STATE_COLORS: Record<string, string> = {
  draft: 'default',
  rejected: 'error',
  review: 'processing',
  onsite: 'warning',
  approved: 'success',
};

export const CONTACT_ADMIN = '如需修改请联系捷晶管理员';

/** The step values of an application, the saved ones over the pre-filled ones. */
export function mergedStep(saved: StepValues | undefined, prefilled: StepValues | undefined): StepValues {
  const out: StepValues = { ...(prefilled ?? {}) };
  for (const [key, value] of Object.entries(saved ?? {})) {
    if (value !== '' && value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      out[key] = value;
    } else if (!(key in out)) {
      out[key] = value;
    }
  }
  return out;
}

/** Server messages keyed "step.field" → antd Form fields of that step (`[{name, errors}]`). */
export function stepFieldErrors(fields: Record<string, unknown>, step: string): { name: string; errors: string[] }[] {
  return Object.entries(fields)
    .filter(([key]) => key.startsWith(`${step}.`))
    .map(([key, message]) => ({ name: key.slice(step.length + 1), errors: [String(message)] }));
}

/** "3 天" / "5 小时" / "20 分钟" for an expected duration in seconds. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  if (seconds >= 86_400) return `约 ${Math.round(seconds / 86_400)} 天`;
  if (seconds >= 3600) return `约 ${Math.round(seconds / 3600)} 小时`;
  return `约 ${Math.max(1, Math.round(seconds / 60))} 分钟`;
}

export function formatTime(value: string | null | undefined): string {
  return formatDateTime(value);
}

/** A document's file as a blob, through the authorised download endpoint of the surface (the back office's
 * 注册与入驻 or 申报受理 reviewers read the merchant's files through their own queue's endpoint). */
export async function fetchDocumentBlob(api: Api, documentId: number, admin: boolean | 'filings' = false): Promise<Blob> {
  const result = admin === 'filings'
    ? await api.client.GET('/api/v1/admin/filings/documents/{document_id}/download', {
        params: { path: { document_id: documentId } },
        parseAs: 'blob',
      })
    : admin
    ? await api.client.GET('/api/v1/admin/registration/documents/{document_id}/download', {
        params: { path: { document_id: documentId } },
        parseAs: 'blob',
      })
    : await api.client.GET('/api/v1/documents/{document_id}/download', {
        params: { path: { document_id: documentId } },
        parseAs: 'blob',
      });
  if (!result.response.ok || !result.data) throw toFailure(result.error, result.response.status);
  return result.data as Blob;
}
