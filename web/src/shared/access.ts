/**
 * What the signed-in person may see and do, as a pure function of the `/me` payload.
 * Pages, menus and tiles ask this; none of them look at role names.
 *
 * Permission codes are `module:page:action`; a granted code may use `*` for a segment
 * (`customs:*:view`), and a lone `*` grants everything.
 */
import type { CatalogItem, CatalogModule, Me } from './api/types';

export interface Gate {
  ok: boolean;
  /** Why not, in Chinese; null when ok. */
  reason: string | null;
  /** Not built yet: shown as 「即将上线」, never clickable, no way to open it (the catalog flips it when it lands). */
  comingSoon?: boolean;
}

export const COMING_SOON = '即将上线';

export interface RouteMatch {
  module: CatalogModule;
  item: CatalogItem | null;
}

const NO_PERMISSION = '您没有访问该功能的权限';

export function codeMatches(granted: string, wanted: string): boolean {
  if (granted === '*' || granted === wanted) return true;
  const g = granted.split(':');
  const w = wanted.split(':');
  if (g.length !== w.length) return false;
  return g.every((part, i) => part === '*' || part === w[i]);
}

function normalise(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function within(path: string, route: string): boolean {
  const r = normalise(route);
  return path === r || (r !== '/' && path.startsWith(`${r}/`));
}

/** The module and item a path belongs to: the item with the longest matching route, else the module. */
export function matchRoute(modules: readonly CatalogModule[], pathname: string): RouteMatch | null {
  const path = normalise(pathname);
  let best: { match: RouteMatch; length: number } | null = null;
  for (const module of modules) {
    for (const item of module.items) {
      if (item.route && within(path, item.route) && (!best || item.route.length > best.length)) {
        best = { match: { module, item }, length: normalise(item.route).length };
      }
    }
  }
  if (best) return best.match;
  for (const module of modules) {
    if (module.route && within(path, module.route)) return { module, item: null };
  }
  return null;
}

export function access(me: Me | null | undefined) {
  const granted = me?.permissions ?? [];
  const catalog = me?.catalog ?? [];
  const adminCatalog = me?.admin_catalog ?? [];

  const can = (code: string | null | undefined): boolean =>
    !code || granted.some((g) => codeMatches(g, code));

  const itemGate = (module: CatalogModule, item: CatalogItem): Gate => {
    if (!module.available || !item.available) return { ok: false, reason: COMING_SOON, comingSoon: true };
    if (!module.enabled) return { ok: false, reason: module.disabled_reason || NO_PERMISSION };
    if (!item.enabled) return { ok: false, reason: item.disabled_reason || module.disabled_reason || NO_PERMISSION };
    if (!can(item.permission)) return { ok: false, reason: NO_PERMISSION };
    return { ok: true, reason: null };
  };

  const moduleGate = (module: CatalogModule): Gate => {
    if (!module.available) return { ok: false, reason: COMING_SOON, comingSoon: true };
    if (!module.enabled) return { ok: false, reason: module.disabled_reason || NO_PERMISSION };
    if (module.items.length > 0 && !module.items.some((item) => itemGate(module, item).ok)) {
      return { ok: false, reason: NO_PERMISSION };
    }
    return { ok: true, reason: null };
  };

  return {
    signedIn: Boolean(me),
    isStaff: Boolean(me?.user.is_staff),
    /** The back office opens for staff accounts with at least one back-office module. */
    canUseAdmin: Boolean(me?.user.is_staff) && adminCatalog.length > 0,
    mustChangePassword: Boolean(me?.user.must_change_password),
    hasMerchant: Boolean(me?.merchant),
    registrationApproved: Boolean(me?.merchant?.registration_approved),
    canSwitchMerchant: (me?.memberships.length ?? 0) > 1,
    catalog,
    adminCatalog,
    can,
    moduleGate,
    itemGate,
    /** The gate of a path inside one of the catalogs (null when the path is not a catalog route). */
    routeGate(modules: readonly CatalogModule[], pathname: string): (RouteMatch & Gate) | null {
      const match = matchRoute(modules, pathname);
      if (!match) return null;
      const gate = match.item ? itemGate(match.module, match.item) : moduleGate(match.module);
      return { ...match, ...gate };
    },
    /** Modules with the count of items the person may open. */
    openItems(module: CatalogModule): CatalogItem[] {
      return module.items.filter((item) => itemGate(module, item).ok);
    },
  };
}

export type Access = ReturnType<typeof access>;
