/**
 * 营业时间 and 维护公告: what the merchant surfaces (and the back office) show on top of every page.
 * The server decides open / closed (Asia/Shanghai); this file only words it. Kit-free: the PC banner
 * (antd) and the H5 bar (antd-mobile) both use it.
 */
import { useEffect, useState } from 'react';
import type { Api } from '../api/client';
import type { paths } from '../api/schema';
import { formatDate } from '../datetime';

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
export type Notices = JsonOf<paths['/api/v1/system/notices']['get']['responses'][200]>;
export type Announcement = Notices['announcements'][number];
export type NoticeSurface = 'merchant' | 'admin';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const ZONE = 'Asia/Shanghai';
export const NOTICES_REFRESH_MS = 60_000;

/** Year, month, day, weekday, hour, minute of a moment in Beijing time, whatever the browser's zone. */
function beijing(date: Date) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const y = get('year');
  const m = get('month');
  const d = get('day');
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return { y, m, d, weekday, hh: get('hour'), mm: get('minute'), dayNumber: Date.UTC(y, m - 1, d) / 86_400_000 };
}

/** 「今天 13:30」「明天 08:30」「9月21日（周一）08:30」, in Beijing time. */
export function formatOpening(iso: string, now: Date = new Date()): string {
  const at = beijing(new Date(iso));
  const today = beijing(now);
  const time = `${String(at.hh).padStart(2, '0')}:${String(at.mm).padStart(2, '0')}`;
  const days = at.dayNumber - today.dayNumber;
  if (days === 0) return `今天 ${time}`;
  if (days === 1) return `明天 ${time}`;
  const year = at.y !== today.y ? `${at.y}年` : '';
  return `${year}${at.m}月${at.d}日（${WEEKDAYS[at.weekday]}）${time}`;
}

/** The sentence of the closed notice: the configured text plus when we open again and how to reach us. */
export function closedText(notices: Notices, now: Date = new Date()): string {
  const parts = [notices.closed_notice.replace(/[。.]$/, '')];
  if (notices.next_open_at) parts.push(`下次营业：${formatOpening(notices.next_open_at, now)}`);
  parts.push(`营业时间：${notices.hours_text}（北京时间）`);
  return `${parts.join('；')}。`;
}

/** The closed notice in one short line: 「非营业时间 · 下次营业：明天 08:30」 (the full sentence on hover). */
export function closedLine(notices: Notices, now: Date = new Date()): string {
  const next = notices.next_open_at ? ` · 下次营业：${formatOpening(notices.next_open_at, now)}` : '';
  return `${notices.closed_notice.replace(/[。.]$/, '')}${next}`;
}

const DISMISSED_KEY = 'jmt.hoursNoticeDismissed';

function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Closing the notice hides it for the rest of the (Beijing) day, on this browser. */
export function hoursNoticeDismissed(now: Date = new Date(), storage: Storage | null = browserStorage()): boolean {
  return storage?.getItem(DISMISSED_KEY) === formatDate(now);
}

export function dismissHoursNotice(now: Date = new Date(), storage: Storage | null = browserStorage()): void {
  storage?.setItem(DISMISSED_KEY, formatDate(now));
}

export function announcementText(a: Announcement): string {
  return `${a.title}：${a.content}`;
}

async function fetchNotices(api: Api, surface: NoticeSurface): Promise<Notices | null> {
  try {
    const { data } = await api.client.GET('/api/v1/system/notices', { params: { query: { surface } } });
    return data ?? null;
  } catch {
    return null; // a notice is a courtesy: never block the page
  }
}

/** The start-up load of each surface's notices (see `prefetchNotices`), with its answer once it is in. */
const early = new Map<NoticeSurface, { answer: Promise<Notices | null>; notices: Notices | null }>();

/**
 * Start loading a surface's notices at start-up, beside `/me` and the page's code, so that the layout has them when
 * it is first drawn: a notice bar that arrived after the page would push everything below it down.
 */
export function prefetchNotices(api: Api, surface: NoticeSurface): void {
  if (early.has(surface)) return;
  const entry: { answer: Promise<Notices | null>; notices: Notices | null } = { answer: fetchNotices(api, surface), notices: null };
  void entry.answer.then((notices) => {
    entry.notices = notices;
  });
  early.set(surface, entry);
}

/** The notices of a surface, refreshed every minute; null until loaded or when the server cannot be reached. */
export function useNotices(api: Api, surface: NoticeSurface): Notices | null {
  const [notices, setNotices] = useState<Notices | null>(() => early.get(surface)?.notices ?? null);
  useEffect(() => {
    let alive = true;
    const keep = (data: Notices | null) => {
      if (alive && data) setNotices(data); // keep the last one when a refresh fails
    };
    const first = early.get(surface);
    void (first ? first.answer : fetchNotices(api, surface)).then(keep);
    const timer = window.setInterval(() => void fetchNotices(api, surface).then(keep), NOTICES_REFRESH_MS);
    return () => {
      alive = false;
      window.clearInterval(timer);
    };
  }, [api, surface]);
  return notices;
}
