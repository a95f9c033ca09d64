/** 成员管理 (U3, admins): list, add by phone, change role, remove; the last 管理员 stays. */
import { PlusOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Avatar, Button, Form, Input, Modal, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MerchantMember } from '@/shared/api/types';
import { ApiFailure, errorMessage, fieldErrors, unwrap } from '@/shared/errors';
import { PHONE_PATTERN } from '@/shared/hooks/useSmsCode';
import { useMe } from '@/shared/session';
import { formatTime } from './me';

const ROLES = [
  { value: 'member', label: '成员（只能查看）' },
  { value: 'admin', label: '管理员（可办理业务、管理成员）' },
];

interface AddValues {
  phone: string;
  name: string;
  role: 'admin' | 'member';
}

function AddMemberModal({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: (m: MerchantMember) => void }) {
  const { api } = useMe();
  const [form] = Form.useForm<AddValues>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: AddValues) => {
    setSaving(true);
    setFailure(null);
    try {
      const member = await unwrap(api.client.POST('/api/v1/merchant/members', { body: { phone: values.phone.trim(), name: (values.name || '').trim(), role: values.role } }));
      form.resetFields();
      onAdded(member);
    } catch (e) {
      if (e instanceof ApiFailure) form.setFields(fieldErrors(e) as never);
      setFailure(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title="添加成员" onCancel={onClose} onOk={() => form.submit()} okText="添加" cancelText="取消" confirmLoading={saving} destroyOnHidden okButtonProps={{ 'data-testid': 'member-add-ok' } as never}>
      <Typography.Paragraph type="secondary">按手机号添加。对方还没有晶贸通账号时会自动创建，之后用该手机号接收验证码即可登录。</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ role: 'member' }} onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="phone" label="手机号" rules={[{ required: true, message: '请输入手机号' }, { pattern: PHONE_PATTERN, message: '请输入正确的 11 位手机号' }]}>
          <Input placeholder="11 位手机号" maxLength={11} data-testid="member-phone" />
        </Form.Item>
        <Form.Item name="name" label="姓名" extra="选填；对方已有账号时不会修改其姓名">
          <Input placeholder="成员姓名" maxLength={64} data-testid="member-name" />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Radio.Group options={ROLES} />
        </Form.Item>
      </Form>
      {failure ? <Alert type="error" showIcon message={failure} /> : null}
    </Modal>
  );
}

export function MembersTab() {
  const { api, reload } = useMe();
  const { message } = App.useApp();
  const [rows, setRows] = useState<MerchantMember[]>([]);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRows(await unwrap(api.client.GET('/api/v1/merchant/members')));
      setFailure(null);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const changeRole = async (member: MerchantMember, role: 'admin' | 'member') => {
    try {
      await unwrap(api.client.PATCH('/api/v1/merchant/members/{membership_id}', { params: { path: { membership_id: member.id } }, body: { role } }));
      message.success(`已将「${member.display_name}」设为${role === 'admin' ? '管理员' : '成员'}`);
      await load();
      if (member.is_self) void reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const remove = async (member: MerchantMember) => {
    try {
      await unwrap(api.client.DELETE('/api/v1/merchant/members/{membership_id}', { params: { path: { membership_id: member.id } } }));
      message.success(`已移除「${member.display_name}」`);
      if (member.is_self) void reload();
      else await load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const admins = rows.filter((r) => r.role === 'admin').length;

  return (
    <div className="jmt-me__pane">
      <div className="jmt-me__pane-head jmt-me__pane-head--row">
        <div>
          <Typography.Title level={5} style={{ margin: 0 }}>
            成员管理
          </Typography.Title>
          <Typography.Text type="secondary">管理员可以办理业务、修改商户信息和管理成员；成员只能查看。商户至少保留一位管理员。</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="member-add">
          添加成员
        </Button>
      </div>
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} /> : null}
      <Table<MerchantMember>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: '暂无成员' }}
        columns={[
          {
            title: '成员',
            render: (_: unknown, row) => (
              <Space>
                <Avatar size="small" icon={<UserOutlined />} />
                <span>{row.name || '未设置姓名'}</span>
                {row.is_self ? <Tag bordered={false}>我</Tag> : null}
              </Space>
            ),
          },
          { title: '手机号', dataIndex: 'phone' },
          {
            title: '角色',
            dataIndex: 'role',
            render: (_: unknown, row) => (
              <Tag bordered={false} color={row.role === 'admin' ? 'geekblue' : undefined} data-testid={`member-role-${row.id}`}>
                {row.role_label}
              </Tag>
            ),
          },
          { title: '微信', render: (_: unknown, row) => (row.wechat_bound ? <Tag bordered={false} color="success">已绑定</Tag> : <Typography.Text type="secondary">未绑定</Typography.Text>) },
          { title: '加入时间', dataIndex: 'joined_at', render: (v: string) => formatTime(v) },
          {
            title: '操作',
            width: 200,
            render: (_: unknown, row) => {
              const lastAdmin = row.role === 'admin' && admins <= 1;
              return (
                <Space size={16}>
                  {row.role === 'admin' ? (
                    <Popconfirm title={`将「${row.display_name}」设为成员？`} description="成员只能查看，不能办理业务。" okText="确定" cancelText="取消" disabled={lastAdmin} onConfirm={() => void changeRole(row, 'member')}>
                      <Typography.Link disabled={lastAdmin}>设为成员</Typography.Link>
                    </Popconfirm>
                  ) : (
                    <Popconfirm title={`将「${row.display_name}」设为管理员？`} description="管理员可以办理业务、修改商户信息和管理成员。" okText="确定" cancelText="取消" onConfirm={() => void changeRole(row, 'admin')}>
                      <Typography.Link data-testid={`member-promote-${row.id}`}>设为管理员</Typography.Link>
                    </Popconfirm>
                  )}
                  <Popconfirm
                    title={row.is_self ? '确定退出该商户吗？' : `确定移除「${row.display_name}」吗？`}
                    description={row.is_self ? '退出后您将不能再查看该商户的信息。' : '移除后对方将不能再查看本商户的信息。'}
                    okText="移除"
                    cancelText="取消"
                    okButtonProps={{ danger: true }}
                    disabled={lastAdmin}
                    onConfirm={() => void remove(row)}
                  >
                    <Typography.Link type="danger" disabled={lastAdmin} data-testid={`member-remove-${row.id}`}>
                      {row.is_self ? '退出' : '移除'}
                    </Typography.Link>
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]}
      />
      <AddMemberModal
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(member) => {
          setAdding(false);
          message.success(`已添加「${member.display_name}」，对方会收到通知`);
          void load();
        }}
      />
    </div>
  );
}
