/** Whether the person's business messages also reach their WeChat, and how to follow the service account. */
import { useCallback, useEffect, useState } from 'react';
import type { components } from '@/shared/api/schema';
import type { Api } from '@/shared/api/client';
import { unwrap } from '@/shared/errors';

export type PushStatus = components['schemas']['PushStatusOut'];

export function usePushStatus(api: Api): { status: PushStatus | null; reload: () => Promise<void> } {
  const [status, setStatus] = useState<PushStatus | null>(null);
  const reload = useCallback(async () => {
    try {
      setStatus(await unwrap(api.client.GET('/api/v1/notifications/push-status')));
    } catch {
      setStatus(null); // the card simply does not show: the rest of the page works without it
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { status, reload };
}
