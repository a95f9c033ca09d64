/** Which form field a server refusal of a training form belongs on. */
import { ApiFailure, fieldErrors } from '@/shared/errors';

/** The refusal's field errors for an antd form: the upload endpoints' `file` lands on the form's own
 * upload field (`cover`, `video_file`); form-wide errors (`_`) and non-API failures give none. */
export function trainingFieldErrors(error: unknown, fileField: string): { name: string; errors: string[] }[] {
  if (!(error instanceof ApiFailure)) return [];
  return fieldErrors(error)
    .filter((f) => f.name !== '_')
    .map((f) => (f.name === 'file' ? { ...f, name: fileField } : f));
}
