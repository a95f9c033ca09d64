/** The latest downloads of this account, reloaded every two seconds while one is queued or generating. */
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../api/client';
import { POLL_MS, type Download } from '../downloads';
import { errorMessage, unwrap } from '../errors';

export const RECENT = 50;

export function useDownloads(api: Api): { items: Download[] | null; total: number; error: string | null; reload: () => Promise<void> } {
  const [items, setItems] = useState<Download[] | null>(null);
  const [total, setTotal] = useState(0);
  const [running, setRunning] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const page = await unwrap(api.client.GET('/api/v1/downloads', { params: { query: { page: 1, page_size: RECENT } } }));
      setItems(page.items);
      setTotal(page.total);
      setRunning(page.running);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (running === 0) return undefined;
    const timer = window.setTimeout(() => void reload(), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [running, items, reload]);

  return { items, total, error, reload };
}
