import { Button, Card, Result, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { useSession } from '@/shared/session';
import { wechatState } from './wechatState';
import './login.css';

/** WeChat sends the person back here with `code` and `state`; a code is good for one exchange only. */
const exchanged = new Set<string>();

export default function WechatCallbackPage() {
  const { api, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [binding, setBinding] = useState(false);
  const started = useRef(false);
  const code = params.get('code');
  const state = params.get('state');

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!code || !state) {
      setError('微信未返回授权信息，请重新扫码登录');
      return;
    }
    if (exchanged.has(code)) return;
    exchanged.add(code);
    if (wechatState.takeIntent() === 'bind' && api.store.get()) {
      setBinding(true);
      void (async () => {
        try {
          await unwrap(api.client.POST('/api/v1/me/wechat/bind', { body: { code, state } }));
          navigate('/me/security?wechat=bound', { replace: true });
        } catch (e) {
          setError(errorMessage(e));
        }
      })();
      return;
    }
    void (async () => {
      try {
        const pair = await unwrap(api.client.POST('/api/v1/auth/wechat/qr/callback', { body: { code, state } }));
        wechatState.setBindTicket(null);
        await signIn(pair, wechatState.remember());
        navigate('/', { replace: true });
      } catch (e) {
        if (e instanceof ApiFailure && e.code === 'WECHAT_NOT_BOUND' && typeof e.details.bind_ticket === 'string') {
          wechatState.setBindTicket(e.details.bind_ticket);
          navigate('/login?bind=wechat', { replace: true });
          return;
        }
        setError(errorMessage(e));
      }
    })();
  }, [api, code, state, signIn, navigate]);

  return (
    <div className="jmt-login" style={{ alignItems: 'center', justifyContent: 'center' }}>
      <Card className="jmt-login-card" variant="borderless">
        {error ? (
          <Result
            status="warning"
            title={binding ? '微信绑定未完成' : '微信登录未完成'}
            subTitle={error}
            extra={
              <Link to={binding ? '/me/security' : '/login?tab=wechat'}>
                <Button type="primary">{binding ? '返回账号安全' : '返回登录'}</Button>
              </Link>
            }
          />
        ) : (
          <Result icon={<Spin size="large" />} title={binding ? '正在绑定微信…' : '正在通过微信登录…'} subTitle="请稍候，马上就好" />
        )}
      </Card>
    </div>
  );
}
