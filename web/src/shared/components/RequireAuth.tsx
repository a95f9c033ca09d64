import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { errorMessage } from '../errors';
import { useSession } from '../session';

export function FullPageSpin({ tip = '加载中…' }: { tip?: string }) {
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" tip={tip}>
        <div style={{ width: 160, height: 80 }} />
      </Spin>
    </div>
  );
}

/** Shows its children once `/me` is loaded; sends a signed-out person to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, error, reload } = useSession();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpin />;
  if (status === 'anonymous') {
    const from = location.pathname + location.search;
    const to = from === '/' ? '/login' : `/login?redirect=${encodeURIComponent(from)}`;
    return <Navigate to={to} replace />;
  }
  if (status === 'error') {
    return (
      <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Result
          status="warning"
          title="暂时无法加载账户信息"
          subTitle={errorMessage(error)}
          extra={
            <Button type="primary" onClick={() => void reload()}>
              重新加载
            </Button>
          }
        />
      </div>
    );
  }
  return <>{children}</>;
}
