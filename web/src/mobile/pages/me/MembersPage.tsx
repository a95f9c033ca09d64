/** 成员 on the H5 (U3): everyone sees the list; admins add by phone, change roles and remove. */
import { UserOutlined } from '@ant-design/icons';
import { ActionSheet, Button, Dialog, DotLoading, Form, Input, List, Popup, Radio, Space, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import type { MerchantMember } from '@/shared/api/types';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { SubPage } from './SubPage';

export default function MembersPage() {
  const { api, me } = useMe();
  const admin = me.memberships.some((m) => m.current && m.role === 'admin');
  const [rows, setRows] = useState<MerchantMember[] | null>(null);
  const [acting, setActing] = useState<MerchantMember | null>(null);
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();

  const load = useCallback(async () => {
    try {
      setRows(await unwrap(api.client.GET('/api/v1/merchant/members')));
    } catch (e) {
      Toast.show({ content: errorMessage(e) });
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const run = async (call: Promise<unknown>, done: string) => {
    try {
      await call;
      Toast.show({ icon: 'success', content: done });
      await load();
    } catch (e) {
      Toast.show({ content: errorMessage(e) });
    }
  };

  const add = async (values: { phone: string; name?: string; role: 'admin' | 'member' }) => {
    setSaving(true);
    try {
      await unwrap(api.client.POST('/api/v1/merchant/members', { body: { phone: values.phone.trim(), name: (values.name || '').trim(), role: values.role } }));
      setAdding(false);
      form.resetFields();
      Toast.show({ icon: 'success', content: '已添加，对方会收到通知' });
      await load();
    } catch (e) {
      Toast.show({ content: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <SubPage
      title="成员"
      right={
        admin ? (
          <a className="mme-sub__action" onClick={() => setAdding(true)}>
            添加
          </a>
        ) : null
      }
    >
      {!rows ? (
        <div className="mme-sub__loading">
          <DotLoading color="primary" />
        </div>
      ) : (
        <List mode="card" header={`共 ${rows.length} 位成员`}>
          {rows.map((row) => (
            <List.Item
              key={row.id}
              prefix={<UserOutlined className="mme__icon" />}
              description={row.phone}
              extra={<Tag color={row.role === 'admin' ? 'primary' : 'default'} fill="outline">{row.role_label}</Tag>}
              arrow={admin}
              onClick={admin ? () => setActing(row) : undefined}
            >
              {row.name || '未设置姓名'}
              {row.is_self ? <span className="mme-sub__me">（我）</span> : null}
            </List.Item>
          ))}
        </List>
      )}
      <ActionSheet
        visible={acting !== null}
        onClose={() => setActing(null)}
        cancelText="取消"
        extra={acting ? `${acting.name || acting.phone} · ${acting.role_label}` : undefined}
        actions={
          acting
            ? [
                acting.role === 'admin'
                  ? { key: 'member', text: '设为成员', onClick: () => void run(unwrap(api.client.PATCH('/api/v1/merchant/members/{membership_id}', { params: { path: { membership_id: acting.id } }, body: { role: 'member' } })), '已设为成员') }
                  : { key: 'admin', text: '设为管理员', onClick: () => void run(unwrap(api.client.PATCH('/api/v1/merchant/members/{membership_id}', { params: { path: { membership_id: acting.id } }, body: { role: 'admin' } })), '已设为管理员') },
                {
                  key: 'remove',
                  text: acting.is_self ? '退出该商户' : '移除',
                  danger: true,
                  onClick: async () => {
                    const target = acting;
                    const ok = await Dialog.confirm({ content: `确定移除「${target.name || target.phone}」吗？`, confirmText: '移除', cancelText: '取消' });
                    if (ok) await run(unwrap(api.client.DELETE('/api/v1/merchant/members/{membership_id}', { params: { path: { membership_id: target.id } } })), '已移除');
                  },
                },
              ]
            : []
        }
        onAction={() => setActing(null)}
      />
      <Popup visible={adding} onMaskClick={() => setAdding(false)} bodyStyle={{ borderTopLeftRadius: 16, borderTopRightRadius: 16 }}>
        <div className="mme__sheet-title">添加成员</div>
        <Form
          form={form}
          initialValues={{ role: 'member' }}
          onFinish={(v) => void add(v as { phone: string; name?: string; role: 'admin' | 'member' })}
          footer={
            <Button block type="submit" color="primary" shape="rounded" size="large" loading={saving}>
              添加
            </Button>
          }
        >
          <Form.Item name="phone" label="手机号" rules={[{ required: true, message: '请输入手机号' }, { pattern: /^1[3-9]\d{9}$/, message: '请输入正确的 11 位手机号' }]}>
            <Input placeholder="11 位手机号" maxLength={11} type="tel" clearable />
          </Form.Item>
          <Form.Item name="name" label="姓名">
            <Input placeholder="选填" maxLength={64} clearable />
          </Form.Item>
          <Form.Item name="role" label="角色">
            <Radio.Group>
              <Space>
                <Radio value="member">成员</Radio>
                <Radio value="admin">管理员</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
        </Form>
      </Popup>
    </SubPage>
  );
}
