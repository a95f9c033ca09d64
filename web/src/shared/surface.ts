/** Creating a surface's API client: which tokens it uses and where it sends a signed-out person. */
import { createApi, type Api } from './api/client';
import { createTokenStore } from './auth';
import { acceptHandoff } from './impersonation';

export interface SurfaceConfig {
  /** Router basename: '' for the merchant PC, '/m', '/admin'. */
  base: string;
  /** Token key prefix: merchant PC and H5 share one session; the back office has its own. */
  tokenPrefix: string;
}

export function loginUrl(base: string, from?: string): string {
  const login = `${base}/login`;
  if (!from) return login;
  const inside = from.startsWith(base) ? from.slice(base.length) || '/' : from;
  return inside === '/' || inside.startsWith('/login') ? login : `${login}?redirect=${encodeURIComponent(inside)}`;
}

export function createSurfaceApi({ base, tokenPrefix }: SurfaceConfig): Api {
  const store = createTokenStore(tokenPrefix);
  // A back-office user switched to a merchant user: the merchant surfaces take the handed-off session.
  if (base !== '/admin' && typeof window !== 'undefined') acceptHandoff(store);
  return createApi({
    store,
    onAuthLost: () => {
      const here = window.location.pathname + window.location.search;
      if (!window.location.pathname.startsWith(`${base}/login`)) window.location.assign(loginUrl(base, here));
    },
  });
}
