/**
 * 用户切换 (G6) on the client: the back office hands the switched session to the merchant app in the
 * URL fragment (never sent to the server, so never in a server log), the merchant app takes it into
 * this tab's storage and removes it from the address bar at once.
 *
 * The back office keeps its own session (keys `admin.*`); switching back ends the switched session
 * on the server and returns to `/admin/` in the same tab.
 */
import type { TokenPairLike, TokenStore } from './auth';

export const HANDOFF_KEY = 'impersonate';
export const ADMIN_HOME = '/admin/';

function encode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((b) => {
    binary += String.fromCharCode(b);
  });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decode(value: string): string {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The merchant-app URL that opens the switched session (`base`: '' for PC, '/m' for H5). */
export function handoffUrl(pair: TokenPairLike, base = ''): string {
  return `${base}/#${HANDOFF_KEY}=${encode(JSON.stringify({ access: pair.access, refresh: pair.refresh }))}`;
}

/** Reads a handoff fragment, if any: the pair, or null (absent or malformed). */
export function parseHandoff(hash: string): TokenPairLike | null {
  const prefix = `#${HANDOFF_KEY}=`;
  if (!hash.startsWith(prefix)) return null;
  try {
    const value = JSON.parse(decode(hash.slice(prefix.length))) as Partial<TokenPairLike>;
    if (typeof value.access === 'string' && typeof value.refresh === 'string' && value.access && value.refresh) {
      return { access: value.access, refresh: value.refresh };
    }
  } catch {
    /* not ours */
  }
  return null;
}

/**
 * Takes a handed-off switched session into `store` (this tab only) and strips the fragment from the
 * address bar and the history entry. Returns true when it did.
 */
export function acceptHandoff(store: TokenStore, location: Location = window.location, history: History = window.history): boolean {
  const pair = parseHandoff(location.hash);
  if (!pair) return false;
  store.save(pair, false);
  history.replaceState(history.state, '', location.pathname + location.search);
  return true;
}
