/** How catalog modules look: the icon named by the server's `icon` key and an accent per module. */
import {
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  CarOutlined,
  ContainerOutlined,
  DashboardOutlined,
  DollarOutlined,
  MoneyCollectOutlined,
  ReadOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ComponentType, CSSProperties } from 'react';

const ICONS: Record<string, ComponentType<{ style?: CSSProperties; className?: string }>> = {
  bank: BankOutlined,
  car: CarOutlined,
  audit: AuditOutlined,
  container: ContainerOutlined,
  'money-collect': MoneyCollectOutlined,
  dollar: DollarOutlined,
  read: ReadOutlined,
  shop: ShopOutlined,
  team: TeamOutlined,
  solution: SolutionOutlined,
  appstore: AppstoreOutlined,
  dashboard: DashboardOutlined,
  setting: SettingOutlined,
};

export function ModuleIcon({ icon, style, className }: { icon: string; style?: CSSProperties; className?: string }) {
  const Icon = ICONS[icon] ?? AppstoreOutlined;
  return <Icon style={style} className={className} />;
}

const ACCENTS: Record<string, { fg: string; bg: string }> = {
  registration: { fg: '#4338ca', bg: '#eef2ff' },
  logistics: { fg: '#0e7490', bg: '#ecfeff' },
  filings: { fg: '#7c3aed', bg: '#f5f3ff' },
  customs: { fg: '#1d4ed8', bg: '#eff6ff' },
  refunds: { fg: '#047857', bg: '#ecfdf5' },
  fx: { fg: '#b45309', bg: '#fffbeb' },
  training: { fg: '#be185d', bg: '#fdf2f8' },
  showroom: { fg: '#c2410c', bg: '#fff7ed' },
};

const FALLBACK_ACCENTS = Object.values(ACCENTS);

export function moduleAccent(key: string): { fg: string; bg: string } {
  if (ACCENTS[key]) return ACCENTS[key];
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return FALLBACK_ACCENTS[hash % FALLBACK_ACCENTS.length];
}

export const DISABLED_ACCENT = { fg: '#a3a8b8', bg: '#f2f3f7' };
