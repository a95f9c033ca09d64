import { Button, ErrorBlock, SpinLoading } from 'antd-mobile';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { errorMessage } from '@/shared/errors';
import { useSession } from '@/shared/session';

export function MobileSpin() {
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <SpinLoading color="primary" style={{ '--size': '36px' }} />
    </div>
  );
}

export function MobileRequireAuth({ children }: { children: ReactNode }) {
  const { status, error, reload } = useSession();
  const location = useLocation();
  if (status === 'loading') return <MobileSpin />;
  if (status === 'anonymous') {
    const from = location.pathname + location.search;
    return <Navigate to={from === '/' ? '/login' : `/login?redirect=${encodeURIComponent(from)}`} replace />;
  }
  if (status === 'error') {
    return (
      <div style={{ paddingTop: 120 }}>
        <ErrorBlock status="disconnected" title="暂时无法加载账户信息" description={errorMessage(error)}>
          <Button color="primary" onClick={() => void reload()}>
            重新加载
          </Button>
        </ErrorBlock>
      </div>
    );
  }
  return <>{children}</>;
}
