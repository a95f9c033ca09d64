/** 购买: the staff WeChat (QR image and ID from 系统参数 › 交易平台), with a copy button. */
import { CopyOutlined, WechatOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import type { Contact } from '@/shared/showroom/showroom';

export function BuyDialog({ open, productName, onClose }: { open: boolean; productName: string; onClose: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [contact, setContact] = useState<Contact | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open || contact) return;
    unwrap(api.client.GET('/api/v1/showroom/contact'))
      .then(setContact)
      .catch((e) => setError(errorMessage(e)));
  }, [api, open, contact]);

  const copy = async () => {
    if (!contact) return;
    try {
      await navigator.clipboard.writeText(contact.wechat_id);
      message.success('微信号已复制，打开微信添加好友即可');
    } catch {
      message.info(`请手动复制微信号：${contact.wechat_id}`);
    }
  };

  return (
    <Modal open={open} onCancel={onClose} footer={null} title={<><WechatOutlined style={{ color: '#07c160' }} /> 联系采购顾问购买</>} width={420} destroyOnHidden>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {!contact && !error ? <Skeleton active /> : null}
      {contact ? (
        <div className="sr-buy" data-testid="sr-buy">
          <Typography.Paragraph type="secondary">想要「{productName}」？{contact.note}</Typography.Paragraph>
          {contact.wechat_qr ? <img src={contact.wechat_qr} alt="采购顾问微信二维码" data-testid="sr-buy-qr" /> : <Alert type="info" message="暂未设置二维码，请添加下方微信号" />}
          {contact.wechat_id ? (
            <Space direction="vertical" align="center" style={{ marginTop: 16, width: "100%" }}>
              <Typography.Text>
                微信号：<Typography.Text strong data-testid="sr-buy-wechat">{contact.wechat_id}</Typography.Text>
              </Typography.Text>
              <Button type="primary" icon={<CopyOutlined />} onClick={() => void copy()} data-testid="sr-buy-copy">
                复制微信号
              </Button>
            </Space>
          ) : (
            <Alert style={{ marginTop: 16 }} type="warning" message="平台暂未设置采购咨询微信，请联系客服" />
          )}
        </div>
      ) : null}
    </Modal>
  );
}
