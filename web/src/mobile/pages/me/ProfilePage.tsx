/** 个人信息 on the H5 (U1): name, gender, ID number, email. */
import { Button, DotLoading, Form, Input, Radio, Space, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import type { PersonalProfile } from '@/shared/api/types';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { SubPage } from './SubPage';

interface Values {
  name: string;
  gender: string;
  id_number: string;
  email: string;
}

export default function ProfilePage() {
  const { api, reload } = useMe();
  const [form] = Form.useForm<Values>();
  const [profile, setProfile] = useState<PersonalProfile | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void (async () => {
      try {
        const data = await unwrap(api.client.GET('/api/v1/me/profile'));
        setProfile(data);
        form.setFieldsValue({ name: data.name, gender: data.gender, id_number: data.id_number, email: data.email });
      } catch (e) {
        Toast.show({ content: errorMessage(e) });
      }
    })();
  }, [api, form]);

  const save = async (values: Values) => {
    setSaving(true);
    try {
      setProfile(
        await unwrap(
          api.client.PATCH('/api/v1/me/profile', {
            body: {
              name: (values.name || '').trim(),
              gender: (values.gender || '') as 'male' | 'female' | '',
              id_number: (values.id_number || '').trim(),
              email: (values.email || '').trim(),
            },
          }),
        ),
      );
      Toast.show({ icon: 'success', content: '已保存' });
      void reload();
    } catch (e) {
      if (e instanceof ApiFailure && e.details.fields && typeof e.details.fields === 'object') {
        form.setFields(Object.entries(e.details.fields as Record<string, string>).map(([name, msg]) => ({ name: name as keyof Values, errors: [msg] })));
      }
      Toast.show({ content: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <SubPage title="个人信息">
      {!profile ? (
        <div className="mme-sub__loading">
          <DotLoading color="primary" />
        </div>
      ) : (
        <Form
          form={form}
          layout="horizontal"
          mode="card"
          onFinish={(v) => void save(v)}
          footer={
            <Button block type="submit" color="primary" size="large" shape="rounded" loading={saving}>
              保存
            </Button>
          }
        >
          <Form.Item label="手机号">
            <span className="mme-sub__static">{profile.phone_masked}</span>
          </Form.Item>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
            <Input placeholder="请输入真实姓名" maxLength={64} clearable />
          </Form.Item>
          <Form.Item name="gender" label="性别">
            <Radio.Group>
              <Space>
                <Radio value="male">男</Radio>
                <Radio value="female">女</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="id_number" label="身份证号">
            <Input placeholder="18 位居民身份证号" maxLength={18} clearable />
          </Form.Item>
          <Form.Item name="email" label="邮箱">
            <Input placeholder="name@example.com" clearable />
          </Form.Item>
        </Form>
      )}
    </SubPage>
  );
}
