/**
 * The signed-in session shared by a surface's pages: the API client, the `/me` payload and the
 * actions that change it (sign in, switch merchant, sign out).
 */
import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Api } from './api/client';
import type { Me, TokenPair } from './api/types';
import { access, type Access } from './access';
import { ApiFailure, unwrap } from './errors';

export type SessionStatus = 'loading' | 'anonymous' | 'ready' | 'error';

export interface Session {
  api: Api;
  status: SessionStatus;
  me: Me | null;
  access: Access;
  error: ApiFailure | null;
  reload: () => Promise<Me | null>;
  /** Store a fresh token pair and load `/me`. */
  signIn: (pair: TokenPair, remember: boolean) => Promise<Me | null>;
  signOut: () => Promise<void>;
  switchMerchant: (merchantId: number) => Promise<Me>;
}

const SessionContext = createContext<Session | null>(null);

/** `/me` requested at start-up (see `prefetchMe`), waiting for the session's first load to take it. */
const earlyMe = new WeakMap<Api, Promise<Me>>();

/**
 * Signed in, ask for `/me` as the surface's code starts, before React first renders: the page's code and the
 * person's session then load side by side instead of one after the other. The session's first load takes it.
 */
export function prefetchMe(api: Api): void {
  if (!api.store.get() || earlyMe.has(api)) return;
  const answer = unwrap(api.client.GET('/api/v1/me'));
  answer.catch(() => undefined); // a failure is handled where the answer is taken
  earlyMe.set(api, answer);
}

function takeEarlyMe(api: Api): Promise<Me> | undefined {
  const answer = earlyMe.get(api);
  earlyMe.delete(api);
  return answer;
}

export function SessionProvider({ api, children }: { api: Api; children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<SessionStatus>(() => (api.store.get() ? 'loading' : 'anonymous'));
  const [error, setError] = useState<ApiFailure | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async (): Promise<Me | null> => {
    const mine = ++generation.current;
    if (!api.store.get()) {
      setMe(null);
      setStatus('anonymous');
      return null;
    }
    try {
      const data = await (takeEarlyMe(api) ?? unwrap(api.client.GET('/api/v1/me')));
      if (mine === generation.current) {
        // The signed-in layout and page are drawn in slices, between which the browser answers taps and
        // clicks, rather than in one long task (the layout under a spinner keeps showing until it is ready).
        startTransition(() => {
          setMe(data);
          setError(null);
          setStatus('ready');
        });
      }
      return data;
    } catch (e) {
      const failure = e instanceof ApiFailure ? e : new ApiFailure({ code: 'NETWORK_ERROR', status: 0 });
      if (mine === generation.current) {
        setMe(null);
        setError(failure);
        setStatus(failure.status === 401 ? 'anonymous' : 'error');
      }
      return null;
    }
  }, [api]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const signIn = useCallback(
    async (pair: TokenPair, remember: boolean) => {
      api.store.save(pair, remember);
      setStatus('loading');
      return reload();
    },
    [api, reload],
  );

  const signOut = useCallback(async () => {
    const refresh = api.store.get()?.refresh;
    if (refresh) {
      try {
        await api.client.POST('/api/v1/auth/logout', { body: { refresh } });
      } catch {
        /* signing out locally is what matters */
      }
    }
    api.store.clear();
    generation.current++;
    setMe(null);
    setStatus('anonymous');
  }, [api]);

  const switchMerchant = useCallback(
    async (merchantId: number) => {
      const data = await unwrap(api.client.POST('/api/v1/me/switch-merchant', { body: { merchant_id: merchantId } }));
      generation.current++;
      setMe(data);
      setStatus('ready');
      return data;
    },
    [api],
  );

  const value = useMemo<Session>(
    () => ({ api, status, me, access: access(me), error, reload, signIn, signOut, switchMerchant }),
    [api, status, me, error, reload, signIn, signOut, switchMerchant],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside <SessionProvider>');
  return session;
}

/** The session of a page behind the sign-in guard: `me` is there. */
export function useMe(): Session & { me: Me } {
  const session = useSession();
  if (!session.me) throw new Error('useMe() before /me loaded');
  return session as Session & { me: Me };
}

/** `?redirect=` target after sign-in, limited to same-surface paths. */
export function safeRedirect(raw: string | null, fallback = '/'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/login')) return fallback;
  return raw;
}
