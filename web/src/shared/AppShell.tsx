/** Providers every surface wraps itself in: antd (zh_CN, brand theme, the person's reduced-motion setting), router, session. */
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useMemo } from 'react';
import { BrowserRouter } from 'react-router-dom';
import type { Api } from './api/client';
import { useReducedMotion } from './hooks/useReducedMotion';
import { SessionProvider } from './session';
import { antdTheme } from './theme';

dayjs.locale('zh-cn');

export function PcShell({ api, basename, children }: { api: Api; basename: string; children: ReactNode }) {
  // 「减弱动态效果」: drop-downs, modals and drawers open at once instead of zooming and sliding in.
  const reducedMotion = useReducedMotion();
  const theme = useMemo(() => (reducedMotion ? { ...antdTheme, token: { ...antdTheme.token, motion: false } } : antdTheme), [reducedMotion]);
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <BrowserRouter basename={basename} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          <SessionProvider api={api}>{children}</SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
