import { describe, expect, it, vi } from 'vitest';
import { createTokenStore } from '../auth';
import { unwrap } from '../errors';
import { makeMe, makePair, MemoryStorage } from '../testing/fixtures';
import { createApi } from './client';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function setup(server: (req: Request, body: string) => Response | Promise<Response>) {
  const local = new MemoryStorage();
  const store = createTokenStore('', { local, session: new MemoryStorage() });
  const seen: { url: string; auth: string | null; body: string }[] = [];
  const fetch = vi.fn(async (req: Request) => {
    const body = req.method === 'GET' ? '' : await req.text();
    seen.push({ url: new URL(req.url).pathname, auth: req.headers.get('Authorization'), body });
    return server(req, body);
  });
  const onAuthLost = vi.fn();
  const api = createApi({ store, onAuthLost, baseUrl: 'http://test', fetch, crossTabLock: false });
  return { api, store, seen, fetch, onAuthLost, local };
}

describe('auth middleware', () => {
  it('sends the access token as a Bearer header', async () => {
    const { api, store, seen } = setup(() => json(200, makeMe()));
    store.save(makePair(1), true);
    await unwrap(api.client.GET('/api/v1/me'));
    expect(seen[0]).toMatchObject({ url: '/api/v1/me', auth: 'Bearer access-1' });
  });

  it('refreshes once for concurrent 401s, then retries each call with the new token', async () => {
    let refreshes = 0;
    const { api, store, seen } = setup(async (req, body) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/auth/refresh') {
        refreshes++;
        expect(JSON.parse(body)).toEqual({ refresh: 'refresh-1' });
        await new Promise((r) => setTimeout(r, 5));
        return json(200, makePair(2));
      }
      if (req.headers.get('Authorization') !== 'Bearer access-2') return json(401, { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录', details: {} });
      return path === '/api/v1/me' ? json(200, makeMe()) : json(200, { feed: [], todos: [], balance: null });
    });
    store.save(makePair(1), true);
    const [me, home, me2] = await Promise.all([
      unwrap(api.client.GET('/api/v1/me')),
      unwrap(api.client.GET('/api/v1/home')),
      unwrap(api.client.GET('/api/v1/me')),
    ]);
    expect(me.user.name).toBe('张三');
    expect(home.feed).toEqual([]);
    expect(me2.merchant?.id).toBe(10);
    expect(refreshes).toBe(1);
    expect(store.get()).toEqual({ access: 'access-2', refresh: 'refresh-2', remember: true });
    expect(seen.filter((s) => s.auth === 'Bearer access-2')).toHaveLength(3);
  });

  it('retries a POST with its body intact', async () => {
    const { api, store, seen } = setup((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/auth/refresh') return json(200, makePair(2));
      if (req.headers.get('Authorization') !== 'Bearer access-2') return json(401, { code: 'TOKEN_EXPIRED', message: '', details: {} });
      return json(200, makeMe());
    });
    store.save(makePair(1), false);
    await unwrap(api.client.POST('/api/v1/me/switch-merchant', { body: { merchant_id: 11 } }));
    const retried = seen.filter((s) => s.url === '/api/v1/me/switch-merchant');
    expect(retried).toHaveLength(2);
    expect(JSON.parse(retried[1].body)).toEqual({ merchant_id: 11 });
  });

  it('clears the tokens and leaves the surface when the refresh token is refused', async () => {
    const { api, store, onAuthLost } = setup((req) =>
      new URL(req.url).pathname === '/api/v1/auth/refresh'
        ? json(401, { code: 'REFRESH_TOKEN_REUSED', message: '检测到登录凭证被重复使用', details: {} })
        : json(401, { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录', details: {} }),
    );
    store.save(makePair(1), true);
    await expect(unwrap(api.client.GET('/api/v1/me'))).rejects.toMatchObject({ status: 401 });
    expect(store.get()).toBeNull();
    expect(onAuthLost).toHaveBeenCalledTimes(1);
  });

  it('never refreshes for the auth endpoints themselves (a wrong password is not an expired session)', async () => {
    const { api, fetch, onAuthLost } = setup(() => json(401, { code: 'LOGIN_FAILED', message: '账号或密码错误，还可尝试 4 次', details: { remaining_attempts: 4 } }));
    await expect(unwrap(api.client.POST('/api/v1/auth/password/login', { body: { username: 'a', password: 'b' } }))).rejects.toMatchObject({
      code: 'LOGIN_FAILED',
      details: { remaining_attempts: 4 },
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(onAuthLost).not.toHaveBeenCalled();
  });

  it('keeps the session when the refresh endpoint cannot be reached', async () => {
    const { api, store, onAuthLost } = setup((req) => {
      if (new URL(req.url).pathname === '/api/v1/auth/refresh') throw new TypeError('Failed to fetch');
      return json(401, { code: 'TOKEN_EXPIRED', message: '', details: {} });
    });
    store.save(makePair(1), true);
    await expect(unwrap(api.client.GET('/api/v1/me'))).rejects.toMatchObject({ status: 401 });
    expect(store.get()?.refresh).toBe('refresh-1');
    expect(onAuthLost).not.toHaveBeenCalled();
  });
});
