/** Saving an authorised file download (the bearer token goes with the API call, not a plain link). */
import { toFailure } from '@/shared/errors';
import { fileNameFrom } from './importGrid';

interface BlobResult {
  data?: Blob;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call made with `parseAs: 'blob'` and saves the file; throws an ApiFailure. */
export async function saveDownload(call: Promise<BlobResult>, fallbackName: string): Promise<string> {
  let result: BlobResult;
  try {
    result = await call;
  } catch (error) {
    throw toFailure(error, 0);
  }
  if (!result.response.ok || !result.data) throw toFailure(result.error, result.response.status);
  const name = fileNameFrom(result.response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(result.data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}
