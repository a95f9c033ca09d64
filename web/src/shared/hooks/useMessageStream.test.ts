import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../api/client';
import { createTokenStore } from '../auth';
import { formatMessageTime } from '../messages';
import { makePair, MemoryStorage } from '../testing/fixtures';
import { MessageStream, type StreamEvent } from './useMessageStream';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const counts = (total: number) => ({ total, status: total, todo: 0, announcement: 0 });

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  onopen: ((ev: Event) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  closed = false;
  private handlers: Record<string, ((event: MessageEvent) => void)[]> = {};
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    (this.handlers[type] ??= []).push(listener);
  }
  close() {
    this.closed = true;
  }
  open() {
    this.onopen?.(new Event('open'));
  }
  send(type: string, data: unknown) {
    (this.handlers[type] ?? []).forEach((h) => h(new MessageEvent(type, { data: JSON.stringify(data) })));
  }
  fail() {
    this.onerror?.(new Event('error'));
  }
}

function setup(unread: () => number) {
  const store = createTokenStore('', { local: new MemoryStorage(), session: new MemoryStorage() });
  store.save(makePair(1), true);
  let tickets = 0;
  const fetch = vi.fn(async (req: Request) => {
    const path = new URL(req.url).pathname;
    if (path === '/api/v1/notifications/stream-ticket') {
      tickets += 1;
      return json({ ticket: `t${tickets}`, expires_in: 60, url: `/api/v1/notifications/stream?ticket=t${tickets}` });
    }
    if (path === '/api/v1/notifications/messages/unread-count') return json(counts(unread()));
    return json({ code: 'NOT_FOUND', message: '未找到', details: {} }, 404);
  });
  const api = createApi({ store, onAuthLost: vi.fn(), baseUrl: 'http://test', fetch, crossTabLock: false });
  const stream = new MessageStream(api, { eventSource: FakeEventSource as never, pollMs: 1000 });
  const events: StreamEvent[] = [];
  stream.listen((e) => events.push(e));
  return { stream, fetch, events };
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await vi.advanceTimersByTimeAsync(0);
};

describe('MessageStream', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeEventSource.instances = [];
  });
  afterEach(() => vi.useRealTimers());

  it('opens one stream with a ticket and delivers new messages and counts', async () => {
    const { stream, events } = setup(() => 0);
    stream.acquire('12');
    stream.acquire('12'); // the badge and the page share it
    await flush();
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.instances[0];
    expect(source.url).toBe('/api/v1/notifications/stream?ticket=t1');
    source.open();
    source.send('message', { message: { id: 41, kind: 'status', title: '已驳回' }, unread: counts(3) });
    expect(stream.counts.total).toBe(3);
    expect(events).toEqual([{ type: 'message', message: { id: 41, kind: 'status', title: '已驳回' } }]);
  });

  it('reconnects with a fresh ticket after the last id when the server ends the stream', async () => {
    const { stream } = setup(() => 0);
    stream.acquire('12');
    await flush();
    const first = FakeEventSource.instances[0];
    first.open();
    first.send('message', { message: { id: 7 }, unread: counts(1) });
    first.send('end', { reason: 'reconnect' });
    await vi.advanceTimersByTimeAsync(400);
    await flush();
    expect(first.closed).toBe(true);
    expect(FakeEventSource.instances[1].url).toBe('/api/v1/notifications/stream?ticket=t2&after=7');
  });

  it('polls the unread count while the stream is down and asks pages to reload when it grows', async () => {
    let unread = 0;
    const { stream, events, fetch } = setup(() => unread);
    stream.acquire('12');
    await flush();
    FakeEventSource.instances[0].fail();
    expect(stream.status).toBe('polling');
    unread = 2;
    await vi.advanceTimersByTimeAsync(1000); // one poll, and the first backoff (1 s) is over
    await flush();
    expect(stream.counts.total).toBe(2);
    expect(events).toContainEqual({ type: 'refresh' });
    expect(FakeEventSource.instances).toHaveLength(2); // a new ticket, a new stream
    FakeEventSource.instances[1].open();
    expect(stream.status).toBe('open');
    const polls = () => fetch.mock.calls.filter(([r]) => (r as Request).url.endsWith('/unread-count')).length;
    const before = polls();
    await vi.advanceTimersByTimeAsync(5000);
    expect(polls()).toBe(before); // polling stopped once the stream is back
  });

  it('falls back to polling when the server says it cannot hold a stream', async () => {
    let unread = 0;
    const { stream, events } = setup(() => unread);
    stream.acquire('12');
    await flush();
    const source = FakeEventSource.instances[0];
    source.open();
    source.send('end', { reason: 'polling' });
    expect(source.closed).toBe(true);
    expect(stream.status).toBe('polling');
    unread = 1;
    await vi.advanceTimersByTimeAsync(1000);
    await flush();
    expect(stream.counts.total).toBe(1);
    expect(events).toContainEqual({ type: 'refresh' });
    expect(FakeEventSource.instances).toHaveLength(1); // no reconnect loop
  });

  it('closes the stream when the last user leaves and restarts for another merchant', async () => {
    const { stream } = setup(() => 0);
    stream.acquire('12');
    await flush();
    stream.release();
    expect(FakeEventSource.instances[0].closed).toBe(true);
    stream.acquire('13');
    await flush();
    expect(FakeEventSource.instances).toHaveLength(2);
  });
});

describe('formatMessageTime', () => {
  const now = new Date(2026, 2, 2, 15, 0, 0);
  it('reads like a person would say it', () => {
    expect(formatMessageTime(new Date(2026, 2, 2, 14, 59, 30).toISOString(), now)).toBe('刚刚');
    expect(formatMessageTime(new Date(2026, 2, 2, 14, 55).toISOString(), now)).toBe('5 分钟前');
    expect(formatMessageTime(new Date(2026, 2, 2, 9, 5).toISOString(), now)).toBe('09:05');
    expect(formatMessageTime(new Date(2026, 0, 9, 9, 5).toISOString(), now)).toBe('01-09 09:05');
    expect(formatMessageTime(new Date(2025, 11, 30, 9, 5).toISOString(), now)).toBe('2025-12-30 09:05');
  });
});
