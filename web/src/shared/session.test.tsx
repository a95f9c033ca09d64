// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createApi } from './api/client';
import { createTokenStore } from './auth';
import { prefetchMe, SessionProvider, useSession } from './session';
import { makeMe, makePair, MemoryStorage } from './testing/fixtures';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function setup(answer: () => Response) {
  const store = createTokenStore('', { local: new MemoryStorage(), session: new MemoryStorage() });
  const fetch = vi.fn(async (_req: Request) => answer());
  const api = createApi({ store, onAuthLost: vi.fn(), baseUrl: 'http://test', fetch, crossTabLock: false });
  return { api, store, fetch };
}

function Who() {
  const { status, me } = useSession();
  return <p>{status === 'ready' ? me?.user.name : status}</p>;
}

describe('prefetchMe', () => {
  it('asks for /me before the first render, and the session takes that answer instead of asking again', async () => {
    const { api, store, fetch } = setup(() => json(200, makeMe()));
    store.save(makePair(1), true);
    prefetchMe(api);
    render(
      <SessionProvider api={api}>
        <Who />
      </SessionProvider>,
    );
    expect(await screen.findByText('张三')).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('asks for nothing signed out', async () => {
    const { api, fetch } = setup(() => json(200, makeMe()));
    prefetchMe(api);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a failed early answer leaves the session in its error state, and the next load asks again', async () => {
    let fail = true;
    const { api, store, fetch } = setup(() => (fail ? json(500, { code: 'INTERNAL_ERROR', message: '服务暂时不可用', details: {} }) : json(200, makeMe())));
    store.save(makePair(1), true);
    prefetchMe(api);
    let reload: () => Promise<unknown> = async () => undefined;
    function Grab() {
      reload = useSession().reload;
      return null;
    }
    render(
      <SessionProvider api={api}>
        <Who />
        <Grab />
      </SessionProvider>,
    );
    expect(await screen.findByText('error')).toBeTruthy();
    fail = false;
    await reload();
    await waitFor(() => expect(screen.getByText('张三')).toBeTruthy());
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
