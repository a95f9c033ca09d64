import { LockOutlined, MobileOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { PHONE_PATTERN, useSmsCode } from '@/shared/hooks/useSmsCode';
import type { TokenPair } from '@/shared/api/types';
import { useSession } from '@/shared/session';

interface Values {
  phone: string;
  code: string;
  remember: boolean;
}

const CODE_ERRORS = new Set(['SMS_CODE_INVALID', 'SMS_CODE_EXPIRED', 'SMS_CODE_ATTEMPTS_EXCEEDED']);

export function SmsLoginForm({ bindTicket, onSignedIn }: { bindTicket: string | null; onSignedIn: (pair: TokenPair) => void }) {
  const { api, signIn } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const sms = useSmsCode(api.client);
  const [submitting, setSubmitting] = useState(false);

  const sendCode = async () => {
    try {
      await form.validateFields(['phone']);
    } catch {
      return;
    }
    const result = await sms.send(form.getFieldValue('phone'));
    if (result.ok) {
      message.success('验证码已发送，请注意查收短信');
      form.getFieldInstance('code')?.focus?.();
    } else {
      form.setFields([{ name: 'phone', errors: [result.message] }]);
    }
  };

  const submit = async (values: Values) => {
    setSubmitting(true);
    try {
      const pair = await unwrap(
        api.client.POST('/api/v1/auth/sms/login', {
          body: { phone: values.phone, code: values.code, remember: values.remember, wechat_bind_ticket: bindTicket ?? '' },
        }),
      );
      await signIn(pair, values.remember);
      onSignedIn(pair);
    } catch (error) {
      if (error instanceof ApiFailure && CODE_ERRORS.has(error.code)) {
        form.setFields([{ name: 'code', errors: [errorMessage(error)] }]);
      } else if (error instanceof ApiFailure && error.code === 'PHONE_INVALID') {
        form.setFields([{ name: 'phone', errors: [errorMessage(error)] }]);
      } else {
        message.error(errorMessage(error));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" size="large" requiredMark={false} initialValues={{ remember: false }} onFinish={submit}>
      {bindTicket ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="该微信尚未绑定账号"
          description="请用手机号登录，登录后将自动绑定此微信，下次可直接扫码登录。"
        />
      ) : null}
      <Form.Item
        name="phone"
        rules={[
          { required: true, message: '请输入手机号' },
          { pattern: PHONE_PATTERN, message: '请输入正确的 11 位手机号' },
        ]}
      >
        <Input
          prefix={
            <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, color: '#6b7185', paddingRight: 8, marginRight: 4, borderRight: '1px solid #e6e8f0' }}>
              <MobileOutlined style={{ color: '#9aa0b4' }} /> +86
            </span>
          }
          placeholder="手机号"
          maxLength={11}
          inputMode="numeric"
          autoComplete="tel"
          aria-label="手机号"
        />
      </Form.Item>
      <Form.Item>
        <Space.Compact block>
          <Form.Item name="code" noStyle rules={[{ required: true, message: '请输入验证码' }, { pattern: /^\d{4,8}$/, message: '验证码为数字' }]}>
            <Input
              prefix={<LockOutlined style={{ color: '#9aa0b4' }} />}
              placeholder="短信验证码"
              maxLength={8}
              inputMode="numeric"
              autoComplete="one-time-code"
              aria-label="验证码"
            />
          </Form.Item>
          <Button onClick={sendCode} loading={sms.sending} disabled={sms.disabled} style={{ width: 132 }} data-testid="send-code">
            {sms.label}
          </Button>
        </Space.Compact>
      </Form.Item>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 24 }}>
        <Form.Item name="remember" valuePropName="checked" noStyle>
          <Checkbox>记住我 7 天</Checkbox>
        </Form.Item>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          未注册的手机号将自动注册
        </Typography.Text>
      </div>
      <Button type="primary" htmlType="submit" block loading={submitting}>
        登录 / 注册
      </Button>
    </Form>
  );
}
