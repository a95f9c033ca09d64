/** 微信消息推送 on the H5 (我的 and 我的进度): whether business messages also reach the person's WeChat,
 * and in a sheet why not and how to turn it on (follow the service account, bind WeChat). */
import { WechatOutlined } from '@ant-design/icons';
import { Button, Image, List, Popup, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { usePushStatus } from '@/shared/hooks/usePushStatus';
import { useMe } from '@/shared/session';

export function PushStatusItem({ iconClassName }: { iconClassName?: string }) {
  const { api } = useMe();
  const navigate = useNavigate();
  const { status: push } = usePushStatus(api);
  const [open, setOpen] = useState(false);
  if (!push) return null; // the row simply does not show: the rest of the page works without it
  return (
    <>
      <List.Item
        prefix={<WechatOutlined className={iconClassName} />}
        extra={
          push.will_receive ? (
            <Tag color="success" fill="outline">
              已开启
            </Tag>
          ) : (
            <Tag fill="outline">未开启</Tag>
          )
        }
        onClick={() => setOpen(true)}
        data-testid="push-status"
      >
        微信消息推送
      </List.Item>
      <Popup visible={open} onMaskClick={() => setOpen(false)} bodyStyle={{ borderTopLeftRadius: 16, borderTopRightRadius: 16, paddingBottom: 'env(safe-area-inset-bottom)' }}>
        <div style={{ textAlign: 'center', fontSize: 16, fontWeight: 600, padding: '16px 0 8px' }}>微信消息推送</div>
        <div style={{ padding: '0 20px 8px', color: '#4b5063', fontSize: 14, lineHeight: 1.6 }} data-testid="push-hint">
          {push.hint}
        </div>
        {push.enabled && !push.following && push.qr_url ? (
          <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 6, padding: 8 }}>
            <Image src={push.qr_url} width={168} height={168} fit="contain" alt={`服务号「${push.account_name}」二维码`} />
            <span style={{ fontSize: 12, color: '#8b90a3' }}>长按识别二维码，关注「{push.account_name}」</span>
          </div>
        ) : null}
        <div style={{ padding: 12, display: 'flex', flexDirection: 'column', gap: 8 }}>
          {push.enabled && !push.wechat_bound ? (
            <Button block color="primary" onClick={() => navigate('/me/security')}>
              去绑定微信
            </Button>
          ) : null}
          <Button block onClick={() => setOpen(false)}>
            知道了
          </Button>
        </div>
      </Popup>
    </>
  );
}
