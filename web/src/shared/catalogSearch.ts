/**
 * Client-side search over the service catalog (until the server's search lands).
 * A module hit brings all its items; an item hit brings the item under its module.
 */
import type { CatalogItem, CatalogModule } from './api/types';

export interface CatalogHit {
  module: CatalogModule;
  moduleHit: boolean;
  items: CatalogItem[];
}

function matches(query: string, ...fields: (string | null | undefined)[]): boolean {
  return fields.some((f) => Boolean(f) && f!.toLowerCase().includes(query));
}

export function searchCatalog(modules: readonly CatalogModule[], raw: string): CatalogHit[] {
  const query = raw.trim().toLowerCase();
  if (!query) return [];
  const hits: CatalogHit[] = [];
  for (const module of modules) {
    const moduleHit = matches(query, module.title, module.description, module.key);
    const items = moduleHit
      ? module.items
      : module.items.filter((item) => matches(query, item.title, item.description, item.feature));
    if (moduleHit || items.length) hits.push({ module, moduleHit, items });
  }
  return hits;
}

/** Splits `text` around case-insensitive occurrences of `query`, for highlighting. */
export function splitHighlight(text: string, raw: string): { text: string; hit: boolean }[] {
  const query = raw.trim();
  if (!query) return [{ text, hit: false }];
  const lower = text.toLowerCase();
  const q = query.toLowerCase();
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (let i = lower.indexOf(q); i !== -1; i = lower.indexOf(q, at)) {
    if (i > at) parts.push({ text: text.slice(at, i), hit: false });
    parts.push({ text: text.slice(i, i + q.length), hit: true });
    at = i + q.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return parts;
}
