/**
 * The generated API client (openapi-fetch over `schema.d.ts`) with the auth middleware:
 * `Authorization: Bearer <access>` on every call; on a 401 one shared refresh, then the call is
 * retried once; when the refresh is refused the tokens are cleared and `onAuthLost` runs (the
 * surface sends the person to its login page).
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { browserLock, createRefresher, RefreshRejected, type TokenPairLike, type TokenStore } from '../auth';

export type ApiClient = ReturnType<typeof createClient<paths>>;

export interface ApiOptions {
  store: TokenStore;
  onAuthLost: () => void;
  baseUrl?: string;
  fetch?: (request: Request) => Promise<Response>;
  /** Share refreshes across tabs (Web Locks); off in unit tests. */
  crossTabLock?: boolean;
}

export interface Api {
  client: ApiClient;
  store: TokenStore;
  /** A valid access token after a refresh, or null when the session is over. */
  fresh: (staleAccess: string | null) => Promise<string | null>;
}

const AUTH_PREFIX = '/api/v1/auth/';

function isAuthCall(url: string): boolean {
  try {
    return new URL(url, 'http://local').pathname.startsWith(AUTH_PREFIX);
  } catch {
    return url.includes(AUTH_PREFIX);
  }
}

export function createApi(options: ApiOptions): Api {
  const { store, onAuthLost } = options;
  const baseUrl = options.baseUrl ?? '';
  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));

  const exchange = async (refresh: string): Promise<TokenPairLike> => {
    const response = await send(
      new Request(`${baseUrl}/api/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refresh }),
      }),
    );
    if (response.ok) return (await response.json()) as TokenPairLike;
    if (response.status >= 400 && response.status < 500) {
      let code = 'REFRESH_TOKEN_INVALID';
      try {
        code = ((await response.json()) as { code?: string }).code ?? code;
      } catch {
        /* no JSON body */
      }
      throw new RefreshRejected(code);
    }
    throw new Error(`refresh failed with HTTP ${response.status}`);
  };

  const fresh = createRefresher(store, exchange, options.crossTabLock === false ? undefined : browserLock(`jmt-refresh-${store.prefix}`));

  // What each call was sent with, so that a 401 can be retried with a body that is still unread.
  const sent = new Map<string, { retry: Request; access: string | null }>();

  const auth: Middleware = {
    onRequest({ request, id }) {
      const access = store.get()?.access || null;
      if (access) request.headers.set('Authorization', `Bearer ${access}`);
      if (!isAuthCall(request.url)) sent.set(id, { retry: request.clone(), access });
      return request;
    },
    async onResponse({ response, id }) {
      const call = sent.get(id);
      sent.delete(id);
      if (response.status !== 401 || !call) return undefined;
      let access: string | null;
      try {
        access = await fresh(call.access);
      } catch {
        return response; // the refresh could not be reached: keep the session, report the 401
      }
      if (!access) {
        onAuthLost();
        return response;
      }
      call.retry.headers.set('Authorization', `Bearer ${access}`);
      const retried = await send(call.retry);
      if (retried.status === 401) {
        store.clear();
        onAuthLost();
      }
      return retried;
    },
    onError({ id }) {
      sent.delete(id);
    },
  };

  const client = createClient<paths>({ baseUrl, fetch: send });
  client.use(auth);
  return { client, store, fresh };
}
