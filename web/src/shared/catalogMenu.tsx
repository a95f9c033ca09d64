/**
 * ProLayout menus drawn from a service catalog (merchant `me.catalog`, back-office
 * `me.admin_catalog`), and the one menu key a path selects.
 */
import type { MenuDataItem } from '@ant-design/pro-components';
import type { ReactNode } from 'react';
import { matchRoute, type Access } from './access';
import type { CatalogItem, CatalogModule } from './api/types';
import { ModuleIcon } from './catalogVisuals';

export function moduleMenuKey(module: CatalogModule): string {
  return `module:${module.key}`;
}

/** Items may share their module's route (商品展厅 is /showroom): keys stay unique. */
export function itemMenuKey(module: CatalogModule, item: CatalogItem): string {
  return `item:${module.key}:${item.key}`;
}

export interface CatalogMenuOptions {
  home: { name: string; icon: ReactNode };
  /** Closed modules: 'disable' shows them greyed with the reason (merchant), 'hide' leaves them out (back office). */
  closed: 'disable' | 'hide';
}

export function buildCatalogMenu(modules: readonly CatalogModule[], access: Access, options: CatalogMenuOptions): MenuDataItem[] {
  const home: MenuDataItem = { path: '/', key: '/', name: options.home.name, icon: options.home.icon };
  return [
    home,
    ...modules.map((module): MenuDataItem => {
      const gate = access.moduleGate(module);
      const base = { key: moduleMenuKey(module), path: module.route, name: module.title, icon: <ModuleIcon icon={module.icon} /> };
      if (!gate.ok) {
        // A closed module is one entry (no submenu to open), greyed, its reason on hover.
        return options.closed === 'hide' ? { ...base, hideInMenu: true } : { ...base, disabled: true, tooltip: gate.reason ?? undefined };
      }
      return {
        ...base,
        children: module.items.map((item) => {
          const itemGate = access.itemGate(module, item);
          return {
            key: itemMenuKey(module, item),
            path: item.route,
            name: item.title,
            disabled: !itemGate.ok,
            hideInMenu: options.closed === 'hide' && !itemGate.ok,
            tooltip: itemGate.reason ?? undefined,
          };
        }),
      };
    }),
  ];
}

/** The menu key to highlight for `pathname` (the deepest catalog entry it belongs to). */
export function selectedMenuKeys(modules: readonly CatalogModule[], pathname: string): string[] {
  if (pathname === '/' || pathname === '') return ['/'];
  const match = matchRoute(modules, pathname);
  if (!match) return [];
  return match.item ? [itemMenuKey(match.module, match.item)] : [moduleMenuKey(match.module)];
}
