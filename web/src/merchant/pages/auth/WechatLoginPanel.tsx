import { ReloadOutlined, WechatFilled } from '@ant-design/icons';
import { Button, Checkbox, Result, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { WechatQr } from '@/shared/api/types';
import { errorMessage, unwrap } from '@/shared/errors';
import { useSession } from '@/shared/session';
import { wechatState } from './wechatState';

const WECHAT_GREEN = '#07c160';

/** A QR-like pattern derived from the state: a picture of "scan here", not a scannable code. */
function QrPattern({ seed }: { seed: string }) {
  const n = 21;
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const cells: ReactElement[] = [];
  const finder = (x: number, y: number) => (x < 7 && y < 7) || (x >= n - 7 && y < 7) || (x < 7 && y >= n - 7);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (finder(x, y) || (Math.abs(x - 10) <= 3 && Math.abs(y - 10) <= 3)) continue; // room for the logo
      h = Math.imul(h ^ (x * 31 + y), 2654435761) >>> 0;
      if (h % 100 < 46) cells.push(<rect key={`${x}-${y}`} x={x} y={y} width={1} height={1} rx={0.2} />);
    }
  }
  const eye = (x: number, y: number) => (
    <g key={`eye-${x}-${y}`}>
      <rect x={x + 0.5} y={y + 0.5} width={6} height={6} rx={1.4} fill="none" stroke="currentColor" strokeWidth={1} />
      <rect x={x + 2} y={y + 2} width={3} height={3} rx={0.6} />
    </g>
  );
  return (
    <svg viewBox={`-1 -1 ${n + 2} ${n + 2}`} width="100%" height="100%" fill="currentColor" aria-hidden>
      {cells}
      {eye(0, 0)}
      {eye(n - 7, 0)}
      {eye(0, n - 7)}
    </svg>
  );
}

export function WechatLoginPanel() {
  const { api } = useSession();
  const [qr, setQr] = useState<WechatQr | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [remember, setRemember] = useState(wechatState.remember());

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setQr(await unwrap(api.client.GET('/api/v1/auth/wechat/qr')));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const open = () => {
    if (!qr) return;
    wechatState.setRemember(remember);
    window.location.assign(qr.url);
  };

  if (error) {
    return (
      <Result
        status="warning"
        title="微信登录暂不可用"
        subTitle={error}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            重试
          </Button>
        }
      />
    );
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 16, paddingTop: 8 }}>
      <div
        style={{
          position: 'relative',
          width: 196,
          height: 196,
          padding: 14,
          borderRadius: 16,
          border: '1px solid #e6e8f0',
          background: '#fff',
          color: '#1e1b4b',
          boxShadow: '0 8px 24px rgba(30, 27, 75, 0.08)',
        }}
      >
        {loading || !qr ? (
          <Skeleton.Node active style={{ width: 166, height: 166 }}>
            <span />
          </Skeleton.Node>
        ) : (
          <>
            <div style={{ opacity: 0.85 }}>
              <QrPattern seed={qr.state} />
            </div>
            <span
              style={{
                position: 'absolute',
                inset: 0,
                margin: 'auto',
                width: 48,
                height: 48,
                borderRadius: 12,
                background: '#fff',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
                boxShadow: '0 2px 8px rgba(0,0,0,0.12)',
              }}
            >
              <WechatFilled style={{ fontSize: 30, color: WECHAT_GREEN }} />
            </span>
          </>
        )}
      </div>
      <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
        在微信中打开授权页，确认后自动登录
      </Typography.Text>
      <Button
        type="primary"
        size="large"
        block
        icon={<WechatFilled />}
        disabled={!qr}
        onClick={open}
        style={{ background: qr ? WECHAT_GREEN : undefined, borderColor: qr ? WECHAT_GREEN : undefined }}
      >
        打开微信扫码
      </Button>
      <Checkbox checked={remember} onChange={(e) => setRemember(e.target.checked)}>
        记住我 7 天
      </Checkbox>
    </div>
  );
}
