/** H5: the once-only 「怎么称呼您」 sheet at first sign-in (person's and company's name), skippable. */
import { Button, Form, Input, Popup, Toast } from 'antd-mobile';
import { useState } from 'react';
import { errorMessage } from '@/shared/errors';
import { asksMerchantName, markNamePromptDone, type NameAnswers, needsNamePrompt, saveNameAnswers } from '@/shared/firstSignIn';
import { useMe } from '@/shared/session';

export function MobileFirstSignInPrompt() {
  const { api, me, reload } = useMe();
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
      Toast.show({ icon: 'success', content: '已保存' });
      await reload();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Popup visible bodyStyle={{ borderTopLeftRadius: 16, borderTopRightRadius: 16 }} data-testid="name-prompt">
      <div style={{ padding: '20px 16px 4px', fontSize: 17, fontWeight: 600 }}>欢迎使用晶贸通，怎么称呼您？</div>
      <div style={{ padding: '0 16px', color: '#8a8fa3', fontSize: 13 }}>以后也可以在「我的 → 个人信息」修改</div>
      <Form
        form={form}
        layout="vertical"
        footer={
          <div style={{ display: 'flex', gap: 12 }}>
            <Button block onClick={later} data-testid="name-prompt-later">
              稍后再说
            </Button>
            <Button block color="primary" loading={saving} onClick={() => void save()} data-testid="name-prompt-save">
              保存
            </Button>
          </div>
        }
      >
        <Form.Item name="name" label="您的姓名" rules={[{ required: true, message: '请填写您的姓名' }]}>
          <Input placeholder="如：林晶莹" maxLength={64} clearable data-testid="name-prompt-name" />
        </Form.Item>
        {askMerchant ? (
          <Form.Item name="merchant_name" label="公司或店铺名称（选填）">
            <Input placeholder="如：东海晶莹水晶有限公司" maxLength={100} clearable data-testid="name-prompt-merchant" />
          </Form.Item>
        ) : null}
      </Form>
    </Popup>
  );
}
