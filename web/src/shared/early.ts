/**
 * Requests a page needs for its first paint, sent at start-up beside `/me` and the page's code instead of after
 * both (each would otherwise add its own round trip on a slow phone network). A page takes its answer once; when
 * the early request failed (an expired token, the network) the page sends its own.
 */
const pending = new Map<string, Promise<unknown>>();

export function startEarly<T>(key: string, request: () => Promise<T>): void {
  if (pending.has(key)) return;
  const answer = request();
  answer.catch(() => undefined); // taken, or never needed: no unhandled rejection either way
  pending.set(key, answer);
}

/** The early answer for `key` (once), falling back to `request` when there was none or it failed. */
export function takeEarly<T>(key: string, request: () => Promise<T>): Promise<T> {
  const answer = pending.get(key) as Promise<T> | undefined;
  pending.delete(key);
  return answer ? answer.catch(request) : request();
}
