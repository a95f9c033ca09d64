/**
 * The token store and the single-flight refresh.
 *
 * "记住我 7 天" keeps the pair in localStorage (a new browser with the same storage stays signed
 * in); otherwise sessionStorage (gone when the tab closes). Refreshes rotate the refresh token,
 * so the new pair is written back where the old one lived and the old refresh token is dropped.
 */

export interface StoredTokens {
  access: string;
  refresh: string;
  remember: boolean;
}

export interface TokenPairLike {
  access: string;
  refresh: string;
}

export interface TokenStore {
  /** The key prefix; `''` for the merchant surfaces (PC and H5 share one session), `admin.` for the back office. */
  readonly prefix: string;
  get(): StoredTokens | null;
  /** `remember` undefined: keep the pair where it already is (a rotation). */
  save(pair: TokenPairLike, remember?: boolean): void;
  clear(): void;
}

export interface StoragePair {
  local: Storage | undefined;
  session: Storage | undefined;
}

function browserStorages(): StoragePair {
  const pick = (name: 'localStorage' | 'sessionStorage'): Storage | undefined => {
    try {
      return typeof window === 'undefined' ? undefined : window[name];
    } catch {
      return undefined; // storage disabled (privacy settings)
    }
  };
  return { local: pick('localStorage'), session: pick('sessionStorage') };
}

function read(storage: Storage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: Storage | undefined, key: string, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    /* quota or disabled storage: the session simply will not persist */
  }
}

export function createTokenStore(prefix: string, storages: StoragePair = browserStorages()): TokenStore {
  const keys = { access: `${prefix}access`, refresh: `${prefix}refresh` };

  function load(storage: Storage | undefined, remember: boolean): StoredTokens | null {
    const access = read(storage, keys.access);
    const refresh = read(storage, keys.refresh);
    if (!access && !refresh) return null;
    return { access: access ?? '', refresh: refresh ?? '', remember };
  }

  function wipe(storage: Storage | undefined): void {
    write(storage, keys.access, null);
    write(storage, keys.refresh, null);
  }

  return {
    prefix,
    get() {
      // A tab-only session wins over a remembered one: it is the more recent sign-in in this tab.
      return load(storages.session, false) ?? load(storages.local, true);
    },
    save(pair, remember) {
      const keep = remember ?? this.get()?.remember ?? false;
      const target = keep ? storages.local : storages.session;
      wipe(keep ? storages.session : storages.local);
      write(target, keys.access, pair.access);
      write(target, keys.refresh, pair.refresh);
    },
    clear() {
      wipe(storages.session);
      wipe(storages.local);
    },
  };
}

/** The server refused the refresh token (invalid, expired, reused): the session is over. */
export class RefreshRejected extends Error {
  constructor(readonly code: string = 'REFRESH_TOKEN_INVALID') {
    super(code);
    this.name = 'RefreshRejected';
  }
}

export type Exchange = (refresh: string) => Promise<TokenPairLike>;
/** Runs `fn` while holding a lock shared by every tab of the origin (when the browser has one). */
export type Lock = <T>(fn: () => Promise<T>) => Promise<T>;

export function browserLock(name: string): Lock {
  return <T,>(fn: () => Promise<T>): Promise<T> => {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? (locks.request(name, fn) as Promise<T>) : fn();
  };
}

/**
 * Returns `fresh(staleAccess)`: a valid access token to retry with, or `null` when the session is
 * over (tokens cleared). Concurrent callers share one refresh request; a caller whose token was
 * already replaced (by another request or another tab) gets the new one without a new refresh.
 * A network failure rejects, leaving the tokens alone.
 */
export function createRefresher(store: TokenStore, exchange: Exchange, lock?: Lock) {
  let inflight: Promise<string | null> | null = null;

  const run = async (staleAccess: string | null): Promise<string | null> => {
    const now = store.get();
    if (now?.access && now.access !== staleAccess) return now.access;
    if (!now?.refresh) {
      store.clear();
      return null;
    }
    try {
      const pair = await exchange(now.refresh);
      store.save(pair);
      return pair.access;
    } catch (error) {
      if (error instanceof RefreshRejected) {
        store.clear();
        return null;
      }
      throw error;
    }
  };

  return function fresh(staleAccess: string | null): Promise<string | null> {
    const current = store.get();
    if (current?.access && current.access !== staleAccess) return Promise.resolve(current.access);
    if (!inflight) {
      const task = lock ? lock(() => run(staleAccess)) : run(staleAccess);
      inflight = task.finally(() => {
        inflight = null;
      });
    }
    return inflight;
  };
}
