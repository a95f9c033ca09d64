/** 微信消息推送 on 我的: will the person's messages reach their WeChat, and the QR to follow the service account. */
import { CheckCircleFilled, QrcodeOutlined, WechatOutlined } from '@ant-design/icons';
import { Button, Card, Image, Popover, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { usePushStatus } from '@/shared/hooks/usePushStatus';
import { useMe } from '@/shared/session';

export function PushStatusCard() {
  const { api } = useMe();
  const { status } = usePushStatus(api);
  if (!status) return null;

  const qr = status.qr_url ? (
    <Space direction="vertical" align="center" size={4} style={{ padding: 4 }}>
      <Image src={status.qr_url} alt={`服务号「${status.account_name}」二维码`} width={160} height={160} preview={false} data-testid="push-qr" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        微信扫码关注「{status.account_name}」
      </Typography.Text>
    </Space>
  ) : null;

  return (
    <Card variant="borderless" className="jmt-me__push" data-testid="push-status" data-will-receive={status.will_receive ? 'true' : 'false'}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
        <WechatOutlined style={{ fontSize: 28, color: status.will_receive ? '#16a34a' : '#a3a8b8' }} />
        <div style={{ flex: 1, minWidth: 240 }}>
          <Space size={8}>
            <Typography.Text strong>微信消息推送</Typography.Text>
            {status.will_receive ? (
              <Tag color="success" icon={<CheckCircleFilled />}>
                已开启
              </Tag>
            ) : (
              <Tag>未开启</Tag>
            )}
          </Space>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {status.hint}
            </Typography.Text>
          </div>
        </div>
        {status.enabled && !status.wechat_bound ? (
          <Link to="/me/security">
            <Button type="primary" ghost>
              去绑定微信
            </Button>
          </Link>
        ) : null}
        {status.enabled && status.wechat_bound && !status.following && qr ? (
          <Popover content={qr} trigger="click" placement="bottomRight">
            <Button type="primary" ghost icon={<QrcodeOutlined />} data-testid="push-follow">
              扫码关注服务号
            </Button>
          </Popover>
        ) : null}
      </div>
    </Card>
  );
}
