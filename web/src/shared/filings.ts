/** 跨境申报: the generated types every filing page reads, and the little they share (colours, downloads). */
import type { components } from './api/schema';
import { toFailure } from './errors';
import type { Api } from './api/client';

export type FilingTypeOut = components['schemas']['FilingTypeOut'];
export type FilingOut = components['schemas']['FilingOut'];
export type FilingTypePageOut = components['schemas']['FilingTypePageOut'];
export type FilingGuideOut = components['schemas']['FilingGuideOut'];
export type FilingGuideStepOut = components['schemas']['FilingGuideStepOut'];
export type FilingFieldSpecOut = components['schemas']['FilingFieldSpecOut'];
export type AdminFilingOut = components['schemas']['AdminFilingOut'];
export type FilingTemplateOut = components['schemas']['FilingTemplateOut'];

/** What a template downloads as, for the button: forms are Excel sheets, letters Word documents. */
export const TEMPLATE_FORMAT_LABELS: Record<FilingTemplateOut['format'], string> = { xlsx: 'Excel', docx: 'Word' };
export type FilingValues = Record<string, unknown>;

/** Tag colours of the filing states (the same keys in every filing graph). */
export const FILING_STATE_COLORS: Record<string, string> = {
  filling: 'default',
  returned: 'warning',
  declined: 'error',
  reviewing: 'processing',
  handling: 'purple',
  completed: 'success',
};

/** Tag colours of the guided path's step statuses. */
export const GUIDE_STATUS_COLORS: Record<FilingGuideStepOut['status'], string> = {
  done: 'success',
  action: 'warning',
  waiting: 'processing',
  todo: 'default',
  blocked: 'default',
};

/** A field's value as text for 信息回看 ("—" when empty). Documents are shown by the caller. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return String(value);
}

/** Field errors of a 422 (`details.fields`), as antd `setFields` entries. */
export function fieldErrors(details: Record<string, unknown>): { name: string; errors: string[] }[] {
  const fields = (details.fields ?? {}) as Record<string, string>;
  return Object.entries(fields).map(([name, message]) => ({ name, errors: [String(message)] }));
}

/**
 * Download a pre-filled material template (xlsx or docx) through the authorised client (the bearer
 * token rides on the request, so a bare link would not do) and hand it to the browser; PC and H5 alike.
 */
export async function downloadTemplate(api: Api, typeKey: string, template: FilingTemplateOut): Promise<void> {
  const result = await api.client.GET('/api/v1/filings/types/{type_key}/templates/{template_key}', {
    params: { path: { type_key: typeKey, template_key: template.key } },
    parseAs: 'blob',
  });
  if (!result.response.ok || !result.data) throw toFailure(result.error, result.response.status);
  const url = URL.createObjectURL(result.data as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${template.title}.${template.format}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
