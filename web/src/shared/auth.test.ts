import { describe, expect, it, vi } from 'vitest';
import { createRefresher, createTokenStore, RefreshRejected, type TokenPairLike } from './auth';
import { MemoryStorage } from './testing/fixtures';

function setup(prefix = '') {
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  return { local, session, store: createTokenStore(prefix, { local, session }) };
}

const pair = (n: number): TokenPairLike => ({ access: `a${n}`, refresh: `r${n}` });

describe('token store', () => {
  it('keeps a remembered pair in localStorage under plain keys', () => {
    const { local, session, store } = setup();
    store.save(pair(1), true);
    expect(local.getItem('access')).toBe('a1');
    expect(local.getItem('refresh')).toBe('r1');
    expect(session.length).toBe(0);
    expect(store.get()).toEqual({ access: 'a1', refresh: 'r1', remember: true });
  });

  it('keeps a tab-only pair in sessionStorage', () => {
    const { local, session, store } = setup();
    store.save(pair(1), false);
    expect(session.getItem('access')).toBe('a1');
    expect(local.length).toBe(0);
    expect(store.get()?.remember).toBe(false);
  });

  it('writes a rotated pair where the old one lived and drops the old refresh token', () => {
    const { local, session, store } = setup();
    store.save(pair(1), true);
    store.save(pair(2));
    expect(local.getItem('refresh')).toBe('r2');
    expect(session.length).toBe(0);
  });

  it('moves the pair when "remember" changes, never leaving a copy behind', () => {
    const { local, session, store } = setup();
    store.save(pair(1), true);
    store.save(pair(2), false);
    expect(local.length).toBe(0);
    expect(session.getItem('access')).toBe('a2');
  });

  it('survives a new browser context that restores only localStorage', () => {
    const { local, store } = setup();
    store.save(pair(7), true);
    const restored = createTokenStore('', { local, session: new MemoryStorage() });
    expect(restored.get()).toEqual({ access: 'a7', refresh: 'r7', remember: true });
  });

  it('keeps surfaces apart by prefix and clears both storages', () => {
    const { local, session } = setup();
    const merchant = createTokenStore('', { local, session });
    const admin = createTokenStore('admin.', { local, session });
    merchant.save(pair(1), true);
    admin.save(pair(2), false);
    expect(merchant.get()?.access).toBe('a1');
    expect(admin.get()?.access).toBe('a2');
    admin.clear();
    expect(admin.get()).toBeNull();
    expect(merchant.get()?.access).toBe('a1');
  });

  it('does not throw when storage is unavailable', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => { throw new Error('denied'); } } as unknown as Storage;
    const store = createTokenStore('', { local: broken, session: undefined });
    expect(() => store.save(pair(1), true)).not.toThrow();
    expect(store.get()).toBeNull();
  });
});

describe('single-flight refresh', () => {
  it('shares one refresh among concurrent callers and stores the rotated pair', async () => {
    const { store } = setup();
    store.save(pair(1), true);
    let release!: (p: TokenPairLike) => void;
    const exchange = vi.fn(() => new Promise<TokenPairLike>((resolve) => (release = resolve)));
    const fresh = createRefresher(store, exchange);
    const calls = [fresh('a1'), fresh('a1'), fresh('a1')];
    release(pair(2));
    expect(await Promise.all(calls)).toEqual(['a2', 'a2', 'a2']);
    expect(exchange).toHaveBeenCalledTimes(1);
    expect(exchange).toHaveBeenCalledWith('r1');
    expect(store.get()).toEqual({ access: 'a2', refresh: 'r2', remember: true });
  });

  it('does not refresh again for a request that was sent with an already replaced token', async () => {
    const { store } = setup();
    store.save(pair(2), false);
    const exchange = vi.fn(async () => pair(3));
    const fresh = createRefresher(store, exchange);
    expect(await fresh('a1')).toBe('a2');
    expect(exchange).not.toHaveBeenCalled();
  });

  it('refreshes again later, after the first flight landed', async () => {
    const { store } = setup();
    store.save(pair(1), false);
    let n = 1;
    const fresh = createRefresher(store, async () => pair(++n));
    expect(await fresh('a1')).toBe('a2');
    expect(await fresh('a2')).toBe('a3');
  });

  it('clears the tokens and answers null when the server refuses the refresh token', async () => {
    const { store } = setup();
    store.save(pair(1), true);
    const fresh = createRefresher(store, async () => {
      throw new RefreshRejected('REFRESH_TOKEN_REUSED');
    });
    expect(await Promise.all([fresh('a1'), fresh('a1')])).toEqual([null, null]);
    expect(store.get()).toBeNull();
  });

  it('answers null without a network call when there is no refresh token', async () => {
    const { store } = setup();
    const exchange = vi.fn(async () => pair(2));
    expect(await createRefresher(store, exchange)(null)).toBeNull();
    expect(exchange).not.toHaveBeenCalled();
  });

  it('keeps the tokens when the refresh could not reach the server', async () => {
    const { store } = setup();
    store.save(pair(1), true);
    const fresh = createRefresher(store, async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(fresh('a1')).rejects.toThrow('Failed to fetch');
    expect(store.get()?.refresh).toBe('r1');
  });

  it('runs the refresh inside the cross-tab lock and re-reads the store there', async () => {
    const { store } = setup();
    store.save(pair(1), true);
    const exchange = vi.fn(async () => pair(9));
    // Another tab rotated the pair while this one waited for the lock.
    const lock = async <T,>(fn: () => Promise<T>) => {
      store.save(pair(5));
      return fn();
    };
    expect(await createRefresher(store, exchange, lock)('a1')).toBe('a5');
    expect(exchange).not.toHaveBeenCalled();
  });
});
