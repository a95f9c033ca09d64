import type { ProLayoutProps } from '@ant-design/pro-components';
import { brand } from './theme';

/**
 * ProLayout's tokens of the two desktop surfaces. One place, because the build renders the layouts' styles into a
 * stylesheet with these same tokens (scripts/antdStyle.tsx): a style cached under the theme's key must be the one the
 * page would draw.
 */
export const layoutToken = {
  merchant: {
    header: { colorBgHeader: '#ffffff', heightLayoutHeader: 60 },
    sider: {
      colorMenuBackground: '#ffffff',
      colorTextMenuSelected: brand.primary,
      colorBgMenuItemSelected: '#eef2ff',
      colorTextMenuItemHover: brand.primary,
    },
    pageContainer: { paddingBlockPageContainerContent: 24, paddingInlinePageContainerContent: 24 },
  },
  admin: {
    header: { colorBgHeader: brand.deep, colorHeaderTitle: '#fff', colorTextRightActionsItem: 'rgba(255,255,255,0.85)', heightLayoutHeader: 56 },
    sider: { colorMenuBackground: '#fff', colorTextMenuSelected: brand.primary, colorBgMenuItemSelected: '#eef2ff' },
  },
} satisfies Record<string, ProLayoutProps['token']>;
