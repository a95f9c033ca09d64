/** What both cockpits share: the period and merchant filter, loading their data, and number formats. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';

export type Overview = components['schemas']['CockpitOverviewOut'];
export type Service = components['schemas']['CockpitServiceOut'];
export type Indicator = components['schemas']['CockpitIndicatorOut'];

export const OVERVIEW_VIEW = 'dashboards:overview:view';
export const OVERVIEW_EXPORT = 'dashboards:overview:export';
export const SERVICE_VIEW = 'dashboards:service:view';
export const SCREEN_REFRESH_MS = 30_000;

export interface Filters {
  start?: string;
  end?: string;
  merchant_id?: number;
}

type Path = '/api/v1/admin/cockpits/overview' | '/api/v1/admin/cockpits/service';

/** Loads a cockpit for the filters; again every ``refreshMs`` if given (the previous figures stay on screen meanwhile). */
export function useCockpit<T>(path: Path, filters: Filters, refreshMs?: number) {
  const { api } = useMe();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  const latest = useRef(0);
  const load = useCallback(() => {
    const ticket = ++latest.current;
    setLoading(true);
    unwrap(api.client.GET(path, { params: { query: filters } }))
      .then((body) => {
        if (ticket !== latest.current) return;
        setData(body as T);
        setError(null);
        setLoadedAt(new Date());
      })
      .catch((e) => ticket === latest.current && setError(errorMessage(e)))
      .finally(() => ticket === latest.current && setLoading(false));
  }, [api, path, filters]);
  useEffect(() => {
    load();
    if (!refreshMs) return undefined;
    const timer = window.setInterval(load, refreshMs);
    return () => window.clearInterval(timer);
  }, [load, refreshMs]);
  return { data, error, loading, loadedAt, reload: load };
}

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

export const formatCount = (value: number) => integer.format(value);

/** 「12.3 万」 above ten thousand, else the plain number. */
export function formatLarge(value: number): string {
  if (Math.abs(value) >= 100_000_000) return `${decimal.format(value / 100_000_000)} 亿`;
  if (Math.abs(value) >= 10_000) return `${decimal.format(value / 10_000)} 万`;
  return integer.format(value);
}

export function formatValue(indicator: Pick<Indicator, 'value' | 'unit'>): string {
  if (indicator.value === null || indicator.value === undefined) return '—';
  return indicator.unit === '%' ? `${decimal.format(indicator.value)}%` : `${decimal.format(indicator.value)} ${indicator.unit}`;
}

/** 「较上期 ↑ 2.5 个百分点」; direction colours: better green, worse red, neither grey. */
export function formatChange(indicator: Pick<Indicator, 'change' | 'unit' | 'higher_is_better' | 'previous'>): { text: string; tone: 'up' | 'down' | 'flat' | 'none' } {
  if (indicator.change === null || indicator.change === undefined) {
    return { text: indicator.previous === null ? '上期无数据' : '本期无数据', tone: 'none' };
  }
  if (indicator.change === 0) return { text: '与上期持平', tone: 'flat' };
  const arrow = indicator.change > 0 ? '↑' : '↓';
  const unit = indicator.unit === '%' ? ' 个百分点' : ` ${indicator.unit}`;
  const better = indicator.higher_is_better === null ? null : (indicator.change > 0) === indicator.higher_is_better;
  return { text: `较上期 ${arrow} ${decimal.format(Math.abs(indicator.change))}${unit}`, tone: better === null ? 'flat' : better ? 'up' : 'down' };
}

export const TONE_COLOR = { up: '#16a34a', down: '#dc2626', flat: '#6b7185', none: '#9ca3af' } as const;

/** 「数据更新于 12-05 21:40」 */
export function refreshedText(at: string | null | undefined, live: boolean): string {
  if (live) return '按所选商户实时统计';
  if (!at) return '汇总数据尚未生成（每 10 分钟更新）';
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `汇总数据更新于 ${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}（每 10 分钟更新）`;
}
