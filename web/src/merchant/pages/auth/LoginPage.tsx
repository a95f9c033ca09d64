import { MobileOutlined, WechatOutlined } from '@ant-design/icons';
import { App, Card, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { safeRedirect, useSession } from '@/shared/session';
import { BrandPanel } from './BrandPanel';
import { SmsLoginForm } from './SmsLoginForm';
import { WechatLoginPanel } from './WechatLoginPanel';
import { wechatState } from './wechatState';
import './login.css';

export default function LoginPage() {
  const { status } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const redirect = safeRedirect(params.get('redirect'));
  const bindTicket = useMemo(() => wechatState.bindTicket(), []);
  const [tab, setTab] = useState(params.get('tab') === 'wechat' && !bindTicket ? 'wechat' : 'sms');
  const [justSignedIn, setJustSignedIn] = useState(false);

  if (status === 'ready' && !justSignedIn) return <Navigate to={redirect} replace />;

  return (
    <div className="jmt-login">
      <BrandPanel />
      <main className="jmt-login-main">
        <Card className="jmt-login-card" variant="borderless">
          <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
            欢迎登录晶贸通
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
            东海水晶商家的跨境贸易服务平台
          </Typography.Paragraph>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'sms',
                label: (
                  <span>
                    <MobileOutlined /> 手机号登录
                  </span>
                ),
                children: (
                  <SmsLoginForm
                    bindTicket={bindTicket}
                    onSignedIn={(pair) => {
                      setJustSignedIn(true);
                      if (bindTicket) {
                        wechatState.setBindTicket(null);
                        message.success('登录成功，微信已绑定');
                      } else {
                        message.success(pair.is_new_user ? '注册成功，欢迎加入晶贸通' : '登录成功');
                      }
                      navigate(redirect, { replace: true });
                    }}
                  />
                ),
              },
              {
                key: 'wechat',
                label: (
                  <span>
                    <WechatOutlined /> 微信扫码
                  </span>
                ),
                children: tab === 'wechat' ? <WechatLoginPanel /> : null,
              },
            ]}
          />
        </Card>
        <Typography.Text type="secondary" className="jmt-login-help">
          登录遇到问题？请联系捷晶客服
        </Typography.Text>
      </main>
    </div>
  );
}
