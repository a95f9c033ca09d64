import { describe, expect, it } from 'vitest';
import { clearRecentSearches, flattenGroups, recentSearches, rememberSearch, splitSpans, type SearchGroup } from './search';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('splitSpans', () => {
  it('cuts the text at the highlighted characters', () => {
    expect(splitSpans('东海晶莹水晶', [[0, 2], [4, 6]])).toEqual([
      { text: '东海', hit: true },
      { text: '晶莹', hit: false },
      { text: '水晶', hit: true },
    ]);
  });

  it('leaves text without spans whole', () => {
    expect(splitSpans('出口退税', [])).toEqual([{ text: '出口退税', hit: false }]);
  });

  it('ignores spans past the end', () => {
    expect(splitSpans('退税', [[1, 9]])).toEqual([
      { text: '退', hit: false },
      { text: '税', hit: true },
    ]);
  });
});

describe('flattenGroups', () => {
  it('lists a module and then its items', () => {
    const hit = { title: '出口退税', children: [{ title: '退税进度图', children: [] }] };
    const groups = [{ key: 'catalog.merchant', title: '服务与功能', hits: [hit] }] as unknown as SearchGroup[];
    expect(flattenGroups(groups).map((e) => e.hit.title)).toEqual(['出口退税', '退税进度图']);
  });
});

describe('recent searches', () => {
  it('keeps the newest first, once each, at most eight', () => {
    const storage = memoryStorage();
    for (const q of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'b']) rememberSearch('pc', q, storage);
    expect(recentSearches('pc', storage)).toEqual(['b', 'i', 'h', 'g', 'f', 'e', 'd', 'c']);
  });

  it('ignores blank queries and clears', () => {
    const storage = memoryStorage();
    rememberSearch('h5', '  ', storage);
    expect(recentSearches('h5', storage)).toEqual([]);
    rememberSearch('h5', 'gszc', storage);
    clearRecentSearches('h5', storage);
    expect(recentSearches('h5', storage)).toEqual([]);
  });
});
