/** 修改密码: required before anything else while the account holds a temporary password. */
import { LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { BrandMark } from '@/shared/components/BrandMark';
import { ApiFailure, errorMessage, fieldErrors, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { brand } from '@/shared/theme';

interface Values {
  old_password: string;
  new_password: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const { api, access, me, reload, signOut } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (!access.mustChangePassword && !saving) return <Navigate to="/" replace />;

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      await unwrap(api.client.POST('/api/v1/auth/password/change', { body: { old_password: values.old_password, new_password: values.new_password } }));
      message.success('密码已修改');
      await reload();
      navigate('/', { replace: true });
    } catch (e) {
      if (e instanceof ApiFailure) form.setFields(fieldErrors(e).filter((f) => f.name !== '_') as never);
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24, background: brand.gradient }}>
      <div style={{ width: '100%', maxWidth: 440 }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <BrandMark size={44} light subtitle="运营后台" />
        </div>
        <Card variant="borderless" style={{ borderRadius: 16, boxShadow: '0 16px 48px rgba(0,0,0,0.25)' }} styles={{ body: { padding: '32px 40px' } }}>
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
            请先修改密码
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
            {me.user.display_name}，您正在使用临时密码。为保障账号安全，修改后才能继续使用后台。
          </Typography.Paragraph>
          {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="password-error" /> : null}
          <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} onValuesChange={() => setError(null)}>
            <Form.Item name="old_password" label="当前密码" rules={[{ required: true, message: '请输入当前（临时）密码' }]}>
              <Input.Password prefix={<LockOutlined style={{ color: '#9aa0b4' }} />} autoComplete="current-password" aria-label="当前密码" />
            </Form.Item>
            <Form.Item
              name="new_password"
              label="新密码"
              extra="至少 8 位，不能全为数字，不能过于常见"
              rules={[
                { required: true, message: '请输入新密码' },
                { min: 8, message: '至少 8 位' },
              ]}
            >
              <Input.Password prefix={<SafetyCertificateOutlined style={{ color: '#9aa0b4' }} />} autoComplete="new-password" aria-label="新密码" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label="确认新密码"
              dependencies={['new_password']}
              rules={[
                { required: true, message: '请再次输入新密码' },
                ({ getFieldValue }) => ({
                  validator: (_r, value) => (!value || value === getFieldValue('new_password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
                }),
              ]}
            >
              <Input.Password prefix={<SafetyCertificateOutlined style={{ color: '#9aa0b4' }} />} autoComplete="new-password" aria-label="确认新密码" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={saving}>
              修改密码并继续
            </Button>
            <Button type="link" block style={{ marginTop: 8 }} onClick={() => void signOut().then(() => navigate('/login', { replace: true }))}>
              退出登录
            </Button>
          </Form>
        </Card>
      </div>
    </div>
  );
}

