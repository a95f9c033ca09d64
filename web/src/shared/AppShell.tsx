/** Providers every surface wraps itself in: antd (zh_CN, brand theme), router, session. */
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router-dom';
import type { Api } from './api/client';
import { SessionProvider } from './session';
import { antdTheme } from './theme';

dayjs.locale('zh-cn');

export function PcShell({ api, basename, children }: { api: Api; basename: string; children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={antdTheme}>
      <AntApp>
        <BrowserRouter basename={basename} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          <SessionProvider api={api}>{children}</SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
