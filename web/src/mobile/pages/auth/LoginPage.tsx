import { WechatFilled } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Toast } from 'antd-mobile';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import logo from '@/shared/brand/logo.svg';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { PHONE_PATTERN, useSmsCode } from '@/shared/hooks/useSmsCode';
import { safeRedirect, useSession } from '@/shared/session';
import './login.css';

interface Values {
  phone: string;
  code: string;
  remember: boolean;
}

const CODE_ERRORS = new Set(['SMS_CODE_INVALID', 'SMS_CODE_EXPIRED', 'SMS_CODE_ATTEMPTS_EXCEEDED']);

export default function LoginPage() {
  const { api, status, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const redirect = safeRedirect(params.get('redirect'));
  const [form] = Form.useForm<Values>();
  const sms = useSmsCode(api.client);
  const [submitting, setSubmitting] = useState(false);
  const [justSignedIn, setJustSignedIn] = useState(false);

  if (status === 'ready' && !justSignedIn) return <Navigate to={redirect} replace />;

  const sendCode = async () => {
    try {
      await form.validateFields(['phone']);
    } catch {
      return;
    }
    const result = await sms.send(form.getFieldValue('phone'));
    if (result.ok) Toast.show({ icon: 'success', content: '验证码已发送' });
    else Toast.show({ content: result.message, duration: 2500 });
  };

  const submit = async (values: Values) => {
    setSubmitting(true);
    try {
      const pair = await unwrap(
        api.client.POST('/api/v1/auth/sms/login', {
          body: { phone: values.phone, code: values.code, remember: Boolean(values.remember), wechat_bind_ticket: '' },
        }),
      );
      setJustSignedIn(true);
      await signIn(pair, Boolean(values.remember));
      Toast.show({ icon: 'success', content: pair.is_new_user ? '注册成功' : '登录成功' });
      navigate(redirect, { replace: true });
    } catch (error) {
      setJustSignedIn(false);
      if (error instanceof ApiFailure && CODE_ERRORS.has(error.code)) {
        form.setFields([{ name: 'code', errors: [errorMessage(error)] }]);
      } else {
        Toast.show({ content: errorMessage(error), duration: 2500 });
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="ml">
      <header className="ml__hero">
        <img src={logo} alt="" className="ml__logo" />
        <h1>晶贸通</h1>
        <p>东海水晶商家的跨境贸易服务平台</p>
      </header>
      <section className="ml__card">
        <h2>手机号登录 / 注册</h2>
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ remember: false }}
          footer={
            <Button block type="submit" color="primary" size="large" loading={submitting} shape="rounded">
              登录 / 注册
            </Button>
          }
        >
          <Form.Item
            name="phone"
            label="手机号"
            rules={[
              { required: true, message: '请输入手机号' },
              { pattern: PHONE_PATTERN, message: '请输入正确的 11 位手机号' },
            ]}
          >
            <Input placeholder="请输入手机号" type="tel" maxLength={11} clearable autoComplete="tel" aria-label="手机号" />
          </Form.Item>
          <Form.Item
            name="code"
            label="验证码"
            rules={[{ required: true, message: '请输入验证码' }]}
            extra={
              <button type="button" className="ml__send" disabled={sms.disabled} onClick={sendCode} data-testid="send-code">
                {sms.sending ? '发送中…' : sms.label}
              </button>
            }
          >
            <Input placeholder="短信验证码" type="tel" maxLength={8} autoComplete="one-time-code" aria-label="验证码" />
          </Form.Item>
          <Form.Item name="remember" valuePropName="checked">
            <Checkbox style={{ '--icon-size': '18px', '--font-size': '14px' }}>记住我 7 天</Checkbox>
          </Form.Item>
        </Form>
        <p className="ml__hint">未注册的手机号验证后将自动创建账号</p>
      </section>
      <p className="ml__note">
        <WechatFilled style={{ color: '#07c160' }} /> 在微信小程序中打开时，将通过微信授权手机号一键登录
      </p>
    </div>
  );
}
