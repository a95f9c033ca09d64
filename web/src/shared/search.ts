/**
 * Global search on every surface: the server answers (`GET /api/v1/search`, `/api/v1/admin/search`);
 * this module splits titles into highlighted parts, flattens groups for the lists, and keeps the
 * recent searches of this browser.
 */
import type { paths } from './api/schema';

type JsonOf<T> = T extends { content: { 'application/json': infer J } } ? J : never;
export type SearchResult = JsonOf<paths['/api/v1/search']['get']['responses'][200]>;
export type SearchGroup = SearchResult['groups'][number];
export type SearchHit = SearchGroup['hits'][number];

export interface TextPart {
  text: string;
  hit: boolean;
}

/** `text` cut at the server's highlight spans ([start, end) character offsets). */
export function splitSpans(text: string, spans: readonly (readonly number[])[]): TextPart[] {
  const chars = Array.from(text);
  const parts: TextPart[] = [];
  let at = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const from = Math.max(start, at);
    const to = Math.min(end, chars.length);
    if (to <= from) continue;
    if (from > at) parts.push({ text: chars.slice(at, from).join(''), hit: false });
    parts.push({ text: chars.slice(from, to).join(''), hit: true });
    at = to;
  }
  if (at < chars.length) parts.push({ text: chars.slice(at).join(''), hit: false });
  return parts;
}

export interface SearchEntry {
  key: string;
  hit: SearchHit;
  parent: SearchHit | null;
  group: SearchGroup;
}

/** Every openable entry in display order: a module, then the items under it; then records. */
export function flattenGroups(groups: readonly SearchGroup[]): SearchEntry[] {
  const entries: SearchEntry[] = [];
  groups.forEach((group) => {
    group.hits.forEach((hit, i) => {
      const key = `${group.key}:${i}`;
      entries.push({ key, hit, parent: null, group });
      hit.children.forEach((child, j) => entries.push({ key: `${key}:${j}`, hit: child, parent: hit, group }));
    });
  });
  return entries;
}

const RECENT_LIMIT = 8;

function storageKey(surface: string): string {
  return `jmt.search.recent.${surface}`;
}

export function recentSearches(surface: string, storage: Pick<Storage, 'getItem'> = localStorage): string[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(storageKey(surface)) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

/** Put `query` first (once), keep the newest eight. */
export function rememberSearch(
  surface: string,
  query: string,
  storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
): string[] {
  const text = query.trim();
  if (!text) return recentSearches(surface, storage);
  const next = [text, ...recentSearches(surface, storage).filter((q) => q !== text)].slice(0, RECENT_LIMIT);
  storage.setItem(storageKey(surface), JSON.stringify(next));
  return next;
}

export function clearRecentSearches(surface: string, storage: Pick<Storage, 'removeItem'> = localStorage): void {
  storage.removeItem(storageKey(surface));
}

/** Highlight colours (yellow background, orange text), the same on every surface. */
export const HIGHLIGHT_STYLE = { background: '#fff3b0', color: '#d46b08', padding: 0, borderRadius: 2 } as const;
