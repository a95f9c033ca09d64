/** The merchant's current 工商注册 application and its pre-fill values on the phone, reloaded when a message arrives. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMessageEvents } from '@/shared/hooks/useMessageStream';
import type { ApplicationOut, PrefillOut } from '@/shared/registration';
import { useMe } from '@/shared/session';

export function useMobileRegistration() {
  const { api, reload: reloadMe } = useMe();
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [application, setApplication] = useState<ApplicationOut | null>(null);
  const [status, setStatus] = useState<'not_started' | 'in_progress' | 'approved'>('not_started');
  const [prefill, setPrefill] = useState<PrefillOut | null>(null);
  const lastState = useRef<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const [current, values] = await Promise.all([
        unwrap(api.client.GET('/api/v1/registration/current')),
        unwrap(api.client.GET('/api/v1/registration/prefill')),
      ]);
      setApplication(current.application ?? null);
      setStatus(current.registration_status);
      setPrefill(values);
      setFailure(null);
      const state = current.application?.state ?? null;
      if (state === 'approved' && lastState.current !== null && lastState.current !== 'approved') void reloadMe();
      lastState.current = state;
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, reloadMe]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Only the review's outcome changes the page under the person's feet; a draft being typed is not reloaded.
  useMessageEvents(api, () => {
    if (lastState.current && lastState.current !== 'draft' && lastState.current !== 'rejected') void reload();
  });

  return { loading, failure, application, status, prefill, reload, setApplication };
}
