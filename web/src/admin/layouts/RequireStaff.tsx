import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useMe } from '@/shared/session';

/** The back office is for staff accounts only; anyone else is told so plainly. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const { access, signOut } = useMe();
  const navigate = useNavigate();
  if (access.canUseAdmin) return <>{children}</>;
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Result
        status="403"
        title="该账号不是后台账号"
        subTitle="运营后台仅供捷晶工作人员使用。商户请前往商户工作台登录。"
        extra={[
          <Button key="switch" type="primary" onClick={() => void signOut().then(() => navigate('/login', { replace: true }))}>
            更换账号
          </Button>,
          <Button key="merchant" href="/">
            前往商户工作台
          </Button>,
        ]}
      />
    </div>
  );
}
