/** PC: the once-only 「怎么称呼您」 question at first sign-in (person's and company's name), skippable. */
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../errors';
import { asksMerchantName, markNamePromptDone, type NameAnswers, needsNamePrompt, saveNameAnswers } from '../firstSignIn';
import { useMe } from '../session';

export function FirstSignInPrompt() {
  const { api, me, reload } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<NameAnswers>();
  const [open, setOpen] = useState(() => needsNamePrompt(me));
  const [saving, setSaving] = useState(false);
  if (!open) return null;
  const askMerchant = asksMerchantName(me);

  const later = () => {
    markNamePromptDone(me);
    setOpen(false);
  };

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await saveNameAnswers(api, me, values);
      setOpen(false);
      message.success('已保存，欢迎使用晶贸通');
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title="欢迎使用晶贸通，怎么称呼您？"
      closable={false}
      maskClosable={false}
      width={440}
      footer={
        <Space>
          <Button onClick={later} data-testid="name-prompt-later">
            稍后再说
          </Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="name-prompt-save">
            保存
          </Button>
        </Space>
      }
      data-testid="name-prompt"
    >
      <Typography.Paragraph type="secondary">填写后，首页问候、成员列表和消息里都会用这个称呼。以后也可以在「个人中心」修改。</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="name" label="您的姓名" rules={[{ required: true, whitespace: true, message: '请填写您的姓名' }]}>
          <Input placeholder="如：林晶莹" maxLength={64} autoFocus data-testid="name-prompt-name" />
        </Form.Item>
        {askMerchant ? (
          <Form.Item name="merchant_name" label="公司或店铺名称（选填）" extra="办理工商注册时会以营业执照上的名称为准">
            <Input placeholder="如：东海晶莹水晶有限公司" maxLength={100} data-testid="name-prompt-merchant" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
