import { describe, expect, it } from 'vitest';
import { access, codeMatches, matchRoute } from './access';
import { adminCatalog, makeMe } from './testing/fixtures';

describe('codeMatches', () => {
  it('matches exact codes and * segments', () => {
    expect(codeMatches('customs:batches:view', 'customs:batches:view')).toBe(true);
    expect(codeMatches('customs:*:view', 'customs:batches:view')).toBe(true);
    expect(codeMatches('*', 'fx:settlements:edit')).toBe(true);
    expect(codeMatches('*:*:*', 'fx:settlements:edit')).toBe(true);
  });

  it('does not match another action, module or a different length', () => {
    expect(codeMatches('customs:batches:view', 'customs:batches:edit')).toBe(false);
    expect(codeMatches('customs:*:view', 'refunds:claims:view')).toBe(false);
    expect(codeMatches('customs:*', 'customs:batches:view')).toBe(false);
  });
});

describe('access(me)', () => {
  it('is signed out and grants nothing without /me', () => {
    const a = access(null);
    expect(a.signedIn).toBe(false);
    expect(a.can('registration:apply:view')).toBe(false);
    expect(a.canUseAdmin).toBe(false);
    expect(a.catalog).toEqual([]);
  });

  it('closes gated modules with the server reason until registration is approved', () => {
    const a = access(makeMe({ approved: false }));
    const logistics = a.catalog.find((m) => m.key === 'logistics')!;
    const registration = a.catalog.find((m) => m.key === 'registration')!;
    expect(a.registrationApproved).toBe(false);
    expect(a.moduleGate(logistics)).toEqual({ ok: false, reason: '完成工商注册并核准通过后开放' });
    expect(a.moduleGate(registration)).toEqual({ ok: true, reason: null });
    expect(a.itemGate(logistics, logistics.items[0]).ok).toBe(false);
  });

  it('opens every module once registration is approved', () => {
    const a = access(makeMe({ approved: true }));
    expect(a.catalog.every((m) => a.moduleGate(m).ok)).toBe(true);
  });

  it('says 即将上线 for a module or an item that is not built yet, whatever the permissions and gate', () => {
    const me = makeMe({ approved: true });
    const logistics = me.catalog.find((m) => m.key === 'logistics')!;
    const customs = me.catalog.find((m) => m.key === 'customs')!;
    logistics.available = false;
    customs.items[0].available = false;
    const a = access(me);
    expect(a.moduleGate(logistics)).toEqual({ ok: false, reason: '即将上线', comingSoon: true });
    expect(a.itemGate(logistics, logistics.items[0])).toEqual({ ok: false, reason: '即将上线', comingSoon: true });
    expect(a.itemGate(customs, customs.items[0]).comingSoon).toBe(true);
    expect(a.moduleGate(customs).ok).toBe(true);
  });

  it('refuses an item whose permission the user lacks, and a module with no permitted item', () => {
    const me = makeMe({ approved: true, permissions: ['registration:apply:view', 'training:*:view'] });
    const a = access(me);
    const registration = a.catalog.find((m) => m.key === 'registration')!;
    const customs = a.catalog.find((m) => m.key === 'customs')!;
    const training = a.catalog.find((m) => m.key === 'training')!;
    expect(a.itemGate(registration, registration.items[0]).ok).toBe(true);
    expect(a.itemGate(registration, registration.items[1])).toEqual({ ok: false, reason: '您没有访问该功能的权限' });
    expect(a.moduleGate(customs).ok).toBe(false);
    expect(a.openItems(training)).toHaveLength(2);
    expect(a.openItems(registration)).toHaveLength(1);
  });

  it('checks permission codes, not role names', () => {
    const a = access(makeMe({ roles: ['anything'], permissions: ['customs:batches:edit'] }));
    expect(a.can('customs:batches:edit')).toBe(true);
    expect(a.can('customs:batches:view')).toBe(false);
    expect(a.can(null)).toBe(true);
  });

  it('opens the back office only to staff with a back-office catalog', () => {
    expect(access(makeMe()).canUseAdmin).toBe(false);
    const staff = makeMe({ admin_catalog: adminCatalog() });
    staff.user = { ...staff.user, is_staff: true };
    expect(access(staff).canUseAdmin).toBe(true);
    const staffWithoutMenu = makeMe();
    staffWithoutMenu.user = { ...staffWithoutMenu.user, is_staff: true };
    expect(access(staffWithoutMenu).canUseAdmin).toBe(false);
  });

  it('offers the merchant switcher only with more than one membership', () => {
    const me = makeMe();
    expect(access(me).canSwitchMerchant).toBe(false);
    me.memberships = [...me.memberships, { merchant_id: 11, merchant_name: '晶彩', role: 'merchant_member', role_label: '成员', current: false }];
    expect(access(me).canSwitchMerchant).toBe(true);
  });

  it('gates a catalog path by its item, falling back to the module', () => {
    const a = access(makeMe({ approved: false }));
    const item = a.routeGate(a.catalog, '/logistics/carriers');
    expect(item?.item?.feature).toBe('L1');
    expect(item?.ok).toBe(false);
    const module = a.routeGate(a.catalog, '/registration/');
    expect(module?.module.key).toBe('registration');
    expect(module?.item).toBeNull();
    expect(module?.ok).toBe(true);
    expect(a.routeGate(a.catalog, '/nowhere')).toBeNull();
  });
});

describe('matchRoute', () => {
  const catalog = makeMe().catalog;

  it('prefers the longest item route and respects segment boundaries', () => {
    expect(matchRoute(catalog, '/showroom/products/42')?.item?.key).toBe('products');
    expect(matchRoute(catalog, '/showroom')?.item?.key).toBe('hall');
    expect(matchRoute(catalog, '/customs/batchesX')?.item ?? null).toBeNull();
    expect(matchRoute(catalog, '/customs/batchesX')?.module.key).toBe('customs');
  });

  it('finds back-office routes the same way', () => {
    expect(matchRoute(adminCatalog(), '/merchants/onboarding')?.item?.feature).toBe('RA');
  });
});
