import { ConfigProvider } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { SessionProvider } from '@/shared/session';
import { api } from './api';
import { MobileRoutes } from './routes';
import './mobile.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN}>
      <BrowserRouter basename="/m" future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <SessionProvider api={api}>
          <MobileRoutes />
        </SessionProvider>
      </BrowserRouter>
    </ConfigProvider>
  </StrictMode>,
);
