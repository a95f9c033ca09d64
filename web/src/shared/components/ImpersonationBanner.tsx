/**
 * The fixed banner of a switched session (merchant PC and H5): 「正在以 X 的身份操作 · 切回管理员」.
 * Plain React and CSS (the H5 never loads antd). The button ends the switch on the server and returns
 * to the back office, whose own session this tab still holds.
 */
import { SwapOutlined, EyeOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { Api } from '../api/client';
import type { Me } from '../api/types';
import { ADMIN_HOME } from '../impersonation';
import './impersonationBanner.css';

export function ImpersonationBanner({ me, api, compact = false }: { me: Me; api: Api; compact?: boolean }) {
  const [leaving, setLeaving] = useState(false);
  if (!me.impersonator) return null;
  const who = me.user.display_name || me.user.name;
  const merchant = me.merchant?.display_name;

  const switchBack = async () => {
    setLeaving(true);
    try {
      await api.client.POST('/api/v1/auth/impersonation/end');
    } catch {
      /* the session is dropped here either way */
    }
    api.store.clear();
    window.location.assign(ADMIN_HOME);
  };

  return (
    <>
      <div className={`jmt-impersonation${compact ? ' jmt-impersonation--compact' : ''}`} role="status" data-testid="impersonation-banner">
        <span className="jmt-impersonation__text">
          <EyeOutlined />
          <span>
            正在以 <strong>{who}</strong>
            {merchant && !compact ? `（${merchant}）` : ''} 的身份操作
            {me.impersonator.read_only ? <span className="jmt-impersonation__tag">只读</span> : null}
          </span>
        </span>
        <span className="jmt-impersonation__sep">·</span>
        <button type="button" className="jmt-impersonation__back" onClick={() => void switchBack()} disabled={leaving} data-testid="impersonation-switch-back">
          <SwapOutlined /> {leaving ? '正在切回…' : '切回管理员'}
        </button>
      </div>
      <div className="jmt-impersonation__spacer" aria-hidden />
    </>
  );
}
