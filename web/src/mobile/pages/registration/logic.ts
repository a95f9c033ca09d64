/**
 * Pure helpers of the mobile 工商注册 pages (R1 wizard, R2 guided upload): what OCR values go into
 * which form field, server field errors → form fields, where the wizard opens and how it moves.
 */
import { stepFieldErrors } from '@/shared/registration';

export const OCR_IMAGE_TYPES = new Set(['image/png', 'image/jpeg']);
export const IMAGE_ACCEPT = 'image/jpeg,image/png';

/** A picked file the phone may upload (the vault reads only JPG/PNG photos on this page). */
export function refusedFile(
  file: Pick<File, 'type' | 'size' | 'name'>,
  { pdf = false, maxBytes = 10 * 1024 * 1024 }: { pdf?: boolean; maxBytes?: number } = {},
): string | null {
  const ok = OCR_IMAGE_TYPES.has(file.type) || (pdf && file.type === 'application/pdf');
  if (!ok) return `「${file.name}」不是 JPG 或 PNG ${pdf ? '图片或 PDF 文件' : '图片'}，请拍照或选择照片上传`;
  if (file.size === 0) return `「${file.name}」是空文件，请重新选择`;
  if (file.size > maxBytes) return `「${file.name}」超过 ${maxBytes / 1024 / 1024} MB，请压缩后再上传`;
  return null;
}

/** OCR `{key, value}` pairs → form values, through a map of OCR key → form field; empty values dropped. */
export function ocrToValues(fields: { key: string; value: string }[], map: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of fields) {
    const target = map[item.key];
    if (target && item.value && item.value.trim()) out[target] = item.value.trim();
  }
  return out;
}

/**
 * Server messages keyed "step.field" → `[{name, errors}]` for the step's form. Keys without a step
 * prefix (e.g. from /confirm-ocr, keyed by profile field) are kept as they are when nothing matched.
 */
export function formErrors(fields: Record<string, unknown>, step: string): { name: string; errors: string[] }[] {
  const scoped = stepFieldErrors(fields, step);
  if (scoped.length) return scoped;
  return Object.entries(fields)
    .filter(([key]) => !key.includes('.'))
    .map(([name, message]) => ({ name, errors: [String(message)] }));
}

/** The first step (index) named in server errors, in the wizard's step order; -1 when none. */
export function firstErrorStep(fields: Record<string, unknown>, steps: { key: string }[]): number {
  const keys = Object.keys(fields);
  return steps.findIndex((step) => keys.some((key) => key.startsWith(`${step.key}.`)));
}

/**
 * Where the wizard opens: the saved step (the server's next step to fill), clamped to the screens
 * there are — `steps.length` is the 确认提交 screen.
 */
export function resumeAt(savedStep: number | null | undefined, stepCount: number): number {
  const n = Number(savedStep ?? 0);
  if (!Number.isFinite(n) || n < 0) return 0;
  return Math.min(Math.floor(n), stepCount);
}

/** The buttons of one wizard screen (index 0…stepCount, the last is the summary). */
export function navOf(current: number, stepCount: number): { back: boolean; confirm: boolean; next: string } {
  const confirm = current >= stepCount;
  return { back: current > 0, confirm, next: confirm ? '确认提交' : '保存并下一步' };
}

/** Lines for 「以下信息还需补充」 from a REGISTRATION_INCOMPLETE refusal. */
export function problemLines(
  fields: Record<string, unknown>,
  stepTitles: Record<string, string>,
  labels: Record<string, string>,
): string[] {
  return Object.entries(fields).map(([key, text]) => {
    const [step, field] = key.includes('.') ? key.split('.', 2) : ['', key];
    const where = [stepTitles[step] ?? '', labels[field] ?? field].filter(Boolean).join('·');
    return `${where}：${String(text)}`;
  });
}

/** A step counts as done when it was saved with at least one of its required values. */
export function stepDone(saved: Record<string, unknown> | undefined, required: string[]): boolean {
  if (!saved) return false;
  return required.some((name) => {
    const v = saved[name];
    return v !== undefined && v !== null && v !== '';
  });
}
