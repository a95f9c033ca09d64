import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { BrandMark } from '@/shared/components/BrandMark';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { safeRedirect, useSession } from '@/shared/session';
import { brand } from '@/shared/theme';

interface Values {
  username: string;
  password: string;
}

const NOT_STAFF = '该账号不是后台账号';

export default function AdminLoginPage() {
  const { api, status, access, signIn, signOut } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const redirect = safeRedirect(params.get('redirect'));
  const [error, setError] = useState<{ title: string; kind: 'error' | 'warning' } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [busy, setBusy] = useState(false);

  if (status === 'ready' && access.canUseAdmin && !busy) return <Navigate to={redirect} replace />;

  const submit = async (values: Values) => {
    setSubmitting(true);
    setBusy(true);
    setError(null);
    try {
      const pair = await unwrap(api.client.POST('/api/v1/auth/password/login', { body: values }));
      if (!pair.user.is_staff) {
        // A merchant account: never keep its tokens in the back office.
        api.store.save(pair, false);
        await signOut();
        setError({ title: NOT_STAFF, kind: 'warning' });
        return;
      }
      const me = await signIn(pair, false);
      if (me && !me.user.is_staff) {
        await signOut();
        setError({ title: NOT_STAFF, kind: 'warning' });
        return;
      }
      navigate(redirect, { replace: true });
    } catch (e) {
      const locked = e instanceof ApiFailure && e.code === 'ACCOUNT_LOCKED';
      const notStaff = e instanceof ApiFailure && e.code === 'NOT_STAFF_ACCOUNT';
      setError({ title: notStaff ? NOT_STAFF : errorMessage(e), kind: locked || notStaff ? 'warning' : 'error' });
    } finally {
      setSubmitting(false);
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 24,
        background: `radial-gradient(circle at 20% 10%, rgba(124,58,237,0.35), transparent 45%), ${brand.gradient}`,
      }}
    >
      <div style={{ width: '100%', maxWidth: 420 }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <BrandMark size={44} light subtitle="运营后台" />
        </div>
        <Card variant="borderless" style={{ borderRadius: 16, boxShadow: '0 16px 48px rgba(0,0,0,0.25)' }} styles={{ body: { padding: '32px 40px' } }}>
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
            后台账号登录
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
            仅供捷晶工作人员使用
          </Typography.Paragraph>
          {error ? (
            <Alert type={error.kind} showIcon message={error.title} style={{ marginBottom: 16 }} data-testid="login-error" />
          ) : null}
          <Form<Values> layout="vertical" size="large" requiredMark={false} onFinish={submit} onValuesChange={() => setError(null)}>
            <Form.Item name="username" rules={[{ required: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined style={{ color: '#9aa0b4' }} />} placeholder="用户名" autoComplete="username" aria-label="用户名" />
            </Form.Item>
            <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined style={{ color: '#9aa0b4' }} />} placeholder="密码" autoComplete="current-password" aria-label="密码" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              登录
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
            <SafetyCertificateOutlined /> 多次输错密码后，账号将被临时锁定
          </Typography.Paragraph>
        </Card>
      </div>
    </div>
  );
}
