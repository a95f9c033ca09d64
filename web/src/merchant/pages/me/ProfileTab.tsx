/** 个人信息 (U1): name, gender, ID number, email. */
import { Alert, App, Button, Form, Input, Radio, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { PersonalProfile } from '@/shared/api/types';
import { ApiFailure, errorMessage, fieldErrors, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { GENDERS, idNumberValid } from './me';

interface Values {
  name: string;
  gender: string;
  id_number: string;
  email: string;
}

export function ProfileTab() {
  const { api, reload } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [profile, setProfile] = useState<PersonalProfile | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      const data = await unwrap(api.client.GET('/api/v1/me/profile'));
      setProfile(data);
      form.setFieldsValue({ name: data.name, gender: data.gender, id_number: data.id_number, email: data.email });
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api, form]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async (values: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      const data = await unwrap(
        api.client.PATCH('/api/v1/me/profile', {
          body: {
            name: values.name.trim(),
            gender: (values.gender || '') as 'male' | 'female' | '',
            id_number: (values.id_number || '').trim(),
            email: (values.email || '').trim(),
          },
        }),
      );
      setProfile(data);
      message.success('个人信息已保存');
      void reload();
    } catch (e) {
      if (e instanceof ApiFailure) form.setFields(fieldErrors(e) as never);
      setFailure(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  if (!profile) return failure ? <Alert type="error" showIcon message={failure} /> : <Skeleton active paragraph={{ rows: 6 }} />;

  return (
    <div className="jmt-me__pane">
      <div className="jmt-me__pane-head">
        <Typography.Title level={5}>个人信息</Typography.Title>
        <Typography.Text type="secondary">用于办理业务时核对身份，仅您本人和捷晶工作人员可见。</Typography.Text>
      </div>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 520 }} requiredMark={false}>
        <Form.Item label="手机号" extra={<Link to="/me/security">在「账号安全」中更换手机号</Link>}>
          <Input value={profile.phone_masked} disabled />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 64, message: '姓名不能超过 64 个字' }]}>
          <Input placeholder="请输入真实姓名" maxLength={64} data-testid="profile-name" />
        </Form.Item>
        <Form.Item name="gender" label="性别">
          <Radio.Group options={GENDERS} />
        </Form.Item>
        <Form.Item
          name="id_number"
          label="身份证号"
          rules={[
            {
              validator: (_r, value: string) =>
                !value || idNumberValid(value) ? Promise.resolve() : Promise.reject(new Error('请输入正确的 18 位身份证号（最后一位可为 X）')),
            },
          ]}
        >
          <Input placeholder="18 位居民身份证号" maxLength={18} data-testid="profile-id-number" />
        </Form.Item>
        <Form.Item name="email" label="邮箱" rules={[{ type: 'email', message: '邮箱格式不正确，例如 name@example.com' }]}>
          <Input placeholder="name@example.com" data-testid="profile-email" />
        </Form.Item>
        {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="profile-submit">
          保存
        </Button>
      </Form>
    </div>
  );
}
