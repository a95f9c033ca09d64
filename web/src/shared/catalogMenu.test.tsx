import { describe, expect, it } from 'vitest';
import { access } from './access';
import { buildCatalogMenu, selectedMenuKeys } from './catalogMenu';
import { adminCatalog, makeMe } from './testing/fixtures';

const home = { name: '首页', icon: null };

describe('buildCatalogMenu', () => {
  it('greys a closed module as a single entry with its reason (merchant)', () => {
    const me = makeMe({ approved: false });
    const menu = buildCatalogMenu(me.catalog, access(me), { home, closed: 'disable' });
    const logistics = menu.find((m) => m.key === 'module:logistics')!;
    expect(logistics).toMatchObject({ disabled: true, tooltip: '完成工商注册并核准通过后开放' });
    expect(logistics.children).toBeUndefined();
    expect(menu.find((m) => m.key === 'module:registration')!.children).toHaveLength(3);
  });

  it('hides what the person may not open (back office)', () => {
    const me = makeMe({ admin_catalog: adminCatalog(), permissions: ['merchants:onboarding:view'] });
    const menu = buildCatalogMenu(me.admin_catalog, access(me), { home, closed: 'hide' });
    const items = menu.find((m) => m.key === 'module:merchants')!.children!;
    expect(items.map((i) => [i.name, Boolean(i.hideInMenu)])).toEqual([
      ['商户信息管理', true],
      ['注册与入驻管理', false],
    ]);
  });

  it('keys items uniquely even when an item shares its module route', () => {
    const me = makeMe({ approved: true });
    const menu = buildCatalogMenu(me.catalog, access(me), { home, closed: 'disable' });
    const keys = menu.flatMap((m) => [m.key, ...(m.children ?? []).map((c) => c.key)]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('selectedMenuKeys', () => {
  it('selects exactly one entry: the deepest item', () => {
    expect(selectedMenuKeys(adminCatalog(), '/merchants/onboarding')).toEqual(['item:merchants:onboarding']);
    expect(selectedMenuKeys(adminCatalog(), '/merchants')).toEqual(['item:merchants:list']);
    expect(selectedMenuKeys(makeMe().catalog, '/')).toEqual(['/']);
    expect(selectedMenuKeys(makeMe().catalog, '/messages')).toEqual([]);
  });
});
