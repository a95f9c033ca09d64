import { describe, expect, it } from 'vitest';
import { searchCatalog, splitHighlight } from './catalogSearch';
import { merchantCatalog } from './testing/fixtures';

const catalog = merchantCatalog(true);

describe('searchCatalog', () => {
  it('returns nothing for a blank query', () => {
    expect(searchCatalog(catalog, '  ')).toEqual([]);
  });

  it('brings every item of a module that matches', () => {
    const [hit] = searchCatalog(catalog, '报关');
    expect(hit.module.key).toBe('customs');
    expect(hit.moduleHit).toBe(true);
    expect(hit.items).toHaveLength(2);
  });

  it('brings a matching item under its module', () => {
    const hits = searchCatalog(catalog, '发货');
    expect(hits).toHaveLength(1);
    expect(hits[0].module.key).toBe('logistics');
    expect(hits[0].moduleHit).toBe(false);
    expect(hits[0].items.map((i) => i.key)).toEqual(['shipments']);
  });

  it('matches feature IDs case-insensitively', () => {
    expect(searchCatalog(catalog, 'c2')[0].items[0].title).toBe('电子订单报送');
  });
});

describe('splitHighlight', () => {
  it('marks each occurrence', () => {
    expect(splitHighlight('出口报关报送', '报')).toEqual([
      { text: '出口', hit: false },
      { text: '报', hit: true },
      { text: '关', hit: false },
      { text: '报', hit: true },
      { text: '送', hit: false },
    ]);
    expect(splitHighlight('abc', '')).toEqual([{ text: 'abc', hit: false }]);
  });
});
