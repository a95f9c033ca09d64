import type { ThemeConfig } from 'antd';

/** 晶贸通's palette: a deep crystal indigo with violet light. */
export const brand = {
  primary: '#4338ca',
  primaryHover: '#4f46e5',
  deep: '#1e1b4b',
  violet: '#7c3aed',
  gradient: 'linear-gradient(135deg, #1e1b4b 0%, #312e81 45%, #5b21b6 100%)',
  soft: 'linear-gradient(135deg, #eef2ff 0%, #f5f3ff 100%)',
  pageBg: '#f5f6fa',
  text: '#1f2337',
  muted: '#6b7185',
};

export const antdTheme: ThemeConfig = {
  token: {
    colorPrimary: brand.primary,
    colorInfo: brand.primary,
    colorLink: brand.primary,
    colorBgLayout: brand.pageBg,
    colorTextBase: brand.text,
    borderRadius: 8,
    borderRadiusLG: 12,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, sans-serif",
    fontSize: 14,
  },
  components: {
    Card: { headerFontSize: 16 },
    Button: { fontWeight: 500 },
  },
};
