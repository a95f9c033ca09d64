/** The merchant's current 工商注册 application and its pre-fill values, reloaded when a message arrives. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMessageEvents } from '@/shared/hooks/useMessageStream';
import type { ApplicationOut, PrefillOut } from '@/shared/registration';
import { useMe } from '@/shared/session';

export interface RegistrationState {
  loading: boolean;
  failure: string | null;
  application: ApplicationOut | null;
  status: 'not_started' | 'in_progress' | 'approved';
  /** The board's nodes, for a merchant approved without an application. */
  board: { key: string; label: string }[];
  prefill: PrefillOut | null;
  reload: () => Promise<void>;
  setApplication: (app: ApplicationOut) => void;
}

export function useRegistration({ withPrefill = false }: { withPrefill?: boolean } = {}): RegistrationState {
  const { api, reload: reloadMe } = useMe();
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [application, setApplication] = useState<ApplicationOut | null>(null);
  const [status, setStatus] = useState<RegistrationState['status']>('not_started');
  const [prefill, setPrefill] = useState<PrefillOut | null>(null);
  const [board, setBoard] = useState<RegistrationState['board']>([]);
  const lastState = useRef<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const [current, values] = await Promise.all([
        unwrap(api.client.GET('/api/v1/registration/current')),
        withPrefill ? unwrap(api.client.GET('/api/v1/registration/prefill')) : Promise.resolve(null),
      ]);
      setApplication(current.application ?? null);
      setStatus(current.registration_status);
      setBoard(current.board);
      if (values) setPrefill(values);
      setFailure(null);
      const state = current.application?.state ?? null;
      // Approval opens the gated modules: reload /me so the menu and the home tiles follow.
      if (state === 'approved' && lastState.current !== null && lastState.current !== 'approved') void reloadMe();
      lastState.current = state;
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, withPrefill, reloadMe]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useMessageEvents(api, () => {
    void reload();
  });

  return { loading, failure, application, status, board, prefill, reload, setApplication };
}
