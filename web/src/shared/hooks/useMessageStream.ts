/**
 * One live connection to the message center per signed-in session, shared by the bell / tab
 * badge and the message-center page.
 *
 * The stream: `POST /notifications/stream-ticket` (bearer token, refreshed if needed) → an
 * `EventSource` on the returned url (+ `after=<last id>` so a reconnect misses nothing). Events:
 * `message` (a new message and the unread counts), `unread` (counts changed), `end` (the server
 * closes after a while: reconnect with a fresh ticket; reason `polling`: this server cannot hold a
 * stream, poll instead). When the stream fails, the unread count is
 * polled every few seconds until it comes back (backoff up to 30 s), and the pages are told to
 * reload when the count moves, so a new message still shows within seconds.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Api } from '../api/client';
import { unwrap } from '../errors';
import { ZERO_COUNTS, type MessageItem, type UnreadCounts } from '../messages';

export type StreamEvent = { type: 'message'; message: MessageItem } | { type: 'refresh' };
export type StreamStatus = 'idle' | 'connecting' | 'open' | 'polling';
type Listener = (event: StreamEvent) => void;

interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
  onopen: ((this: EventSource, ev: Event) => unknown) | null;
  onerror: ((this: EventSource, ev: Event) => unknown) | null;
}

export interface StreamOptions {
  /** `EventSource` (a fake in tests); undefined: poll only. */
  eventSource?: new (url: string) => EventSourceLike;
  pollMs?: number;
  maxBackoffMs?: number;
}

const sameCounts = (a: UnreadCounts, b: UnreadCounts) =>
  a.total === b.total && a.status === b.status && a.todo === b.todo && a.announcement === b.announcement;

export class MessageStream {
  counts: UnreadCounts = ZERO_COUNTS;
  status: StreamStatus = 'idle';
  private readonly watchers = new Set<() => void>();
  private readonly listeners = new Set<Listener>();
  private users = 0;
  private scope: string | null = null;
  private source: EventSourceLike | null = null;
  private lastId = 0;
  private failures = 0;
  private generation = 0;
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly pollMs: number;
  private readonly maxBackoffMs: number;

  constructor(
    private readonly api: Api,
    private readonly options: StreamOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 4000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
  }

  /** Start (or keep) the connection for the session `scope` (e.g. the merchant acted for). */
  acquire(scope: string): void {
    this.users += 1;
    if (this.scope !== scope) {
      this.scope = scope;
      this.lastId = 0;
      this.restart();
    } else if (this.users === 1) {
      this.restart();
    }
  }

  release(): void {
    this.users = Math.max(0, this.users - 1);
    if (this.users === 0) this.stop();
  }

  subscribe = (watcher: () => void): (() => void) => {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  };

  getCounts = (): UnreadCounts => this.counts;

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A page saw messages up to `id` (a reconnect resumes after it). */
  seen(id: number): void {
    if (id > this.lastId) this.lastId = id;
  }

  /** Ask the server for the counts now (after marking messages read). */
  async refreshCounts(): Promise<UnreadCounts> {
    try {
      this.setCounts(await unwrap(this.api.client.GET('/api/v1/notifications/messages/unread-count')));
    } catch {
      /* keep the last counts; the stream or the next poll corrects them */
    }
    return this.counts;
  }

  setCounts(counts: UnreadCounts): void {
    if (sameCounts(counts, this.counts)) return;
    this.counts = counts;
    this.watchers.forEach((w) => w());
  }

  private emit(event: StreamEvent): void {
    this.listeners.forEach((l) => l(event));
  }

  private restart(): void {
    this.stop();
    if (this.users === 0) return;
    void this.refreshCounts();
    void this.connect(this.generation);
  }

  private stop(): void {
    this.generation += 1;
    this.source?.close();
    this.source = null;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.stopPolling();
    this.status = 'idle';
  }

  private async connect(generation: number): Promise<void> {
    const EventSourceClass = this.options.eventSource;
    if (!EventSourceClass) {
      this.startPolling();
      return;
    }
    this.status = 'connecting';
    let url: string;
    try {
      const ticket = await unwrap(this.api.client.POST('/api/v1/notifications/stream-ticket'));
      url = this.lastId > 0 ? `${ticket.url}&after=${this.lastId}` : ticket.url;
    } catch {
      if (generation === this.generation) this.failed();
      return;
    }
    if (generation !== this.generation) return;
    const source = new EventSourceClass(url);
    this.source = source;
    source.onopen = () => {
      if (generation !== this.generation) return;
      this.failures = 0;
      this.status = 'open';
      if (this.pollTimer) {
        this.stopPolling();
        this.emit({ type: 'refresh' }); // catch up on what polling may have missed
      }
    };
    source.addEventListener('unread', (event) => {
      if (generation === this.generation) this.setCounts(JSON.parse(event.data) as UnreadCounts);
    });
    source.addEventListener('message', (event) => {
      if (generation !== this.generation) return;
      const data = JSON.parse(event.data) as { message: MessageItem; unread: UnreadCounts };
      this.seen(data.message.id);
      this.setCounts(data.unread);
      this.emit({ type: 'message', message: data.message });
    });
    source.addEventListener('end', (event) => {
      if (generation !== this.generation) return;
      source.close();
      const { reason } = JSON.parse(event.data || '{}') as { reason?: string };
      if (reason === 'polling') {
        // The server cannot hold a stream open (a WSGI deployment): poll, and look again later.
        this.startPolling();
        this.reconnectTimer = setTimeout(() => void this.connect(generation), this.maxBackoffMs);
        return;
      }
      this.reconnectTimer = setTimeout(() => void this.connect(generation), 300);
    });
    source.onerror = () => {
      if (generation !== this.generation) return;
      source.close(); // the browser would retry with the same (expired) ticket: reconnect ourselves
      this.failed();
    };
  }

  private failed(): void {
    this.failures += 1;
    this.startPolling();
    const delay = Math.min(this.maxBackoffMs, 1000 * 2 ** Math.min(this.failures - 1, 5));
    const generation = this.generation;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connect(generation), delay);
  }

  private startPolling(): void {
    this.status = 'polling';
    if (this.pollTimer) return;
    this.pollTimer = setInterval(() => {
      const before = this.counts.total;
      void this.refreshCounts().then((counts) => {
        if (counts.total > before) this.emit({ type: 'refresh' });
      });
    }, this.pollMs);
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }
}

const streams = new WeakMap<Api, MessageStream>();

/** The stream of a surface's session (one per API client). */
export function messageStream(api: Api, options?: StreamOptions): MessageStream {
  let stream = streams.get(api);
  if (!stream) {
    const eventSource = typeof window !== 'undefined' && 'EventSource' in window ? window.EventSource : undefined;
    stream = new MessageStream(api, options ?? { eventSource });
    streams.set(api, stream);
  }
  return stream;
}

/** Live unread counts; keeps the connection open while a component uses it. */
export function useUnreadCounts(api: Api, scope: string | number | null | undefined): UnreadCounts & { stream: MessageStream } {
  const stream = messageStream(api);
  const key = String(scope ?? 'none');
  useEffect(() => {
    stream.acquire(key);
    return () => stream.release();
  }, [stream, key]);
  const counts = useSyncExternalStore(stream.subscribe, stream.getCounts, stream.getCounts);
  return { ...counts, stream };
}

/** Calls `listener` for each new message (or a request to reload) while the component is mounted. */
export function useMessageEvents(api: Api, listener: Listener): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => messageStream(api).listen((event) => latest.current(event)), [api]);
}
