import { ConfigProvider, reduceMotion, restoreMotion } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { onReducedMotionChange, prefersReducedMotion } from '@/shared/hooks/useReducedMotion';
import { prefetchNotices } from '@/shared/notices/notices';
import { prefetchMe, SessionProvider } from '@/shared/session';
import { signInFromWebViewTicket } from '@/shared/webviewTicket';
import { api } from './api';
import { MobileRoutes, preloadSignedInTab } from './routes';
import './mobile.css';

/** 「减弱动态效果」: antd-mobile's popups and pulls skip their springs. */
function followReducedMotion(reduced: boolean) {
  if (reduced) reduceMotion();
  else restoreMotion();
}

function render() {
  followReducedMotion(prefersReducedMotion());
  onReducedMotionChange(followReducedMotion);
  if (api.store.get()) {
    // Signed in: `/me`, the shell's notices and the tab's code load side by side, while React starts.
    prefetchMe(api);
    prefetchNotices(api, 'merchant');
    preloadSignedInTab(window.location.pathname.replace(/^\/m(?=\/|$)/, '') || '/');
  }
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
}

// In the mini-program's web-view the address carries a one-time ticket: trade it for tokens first
// (a spent or expired ticket, or no network, leaves the person at the sign-in page).
void signInFromWebViewTicket(api, window.location.href, (url) => window.history.replaceState(null, '', url))
  .catch(() => undefined)
  .then(render);
