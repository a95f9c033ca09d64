/** G6 用户切换: find a merchant user (phone, name, merchant), give a reason, open the merchant app as them. */
import { EyeOutlined, SwapOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Badge, Form, Input, Modal, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiFailure, errorMessage, fieldErrors, unwrap } from '@/shared/errors';
import { handoffUrl } from '@/shared/impersonation';
import { useMe } from '@/shared/session';
import { CODES, formatTime, type Impersonation, type ImpersonationDetail, type MerchantUser } from '../accounts/rbac';
import { SystemPage } from '../accounts/SystemPage';

function StartDialog({ target, onClose }: { target: MerchantUser | null; onClose: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  const start = async () => {
    if (!target) return;
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      const pair = await unwrap(api.client.POST('/api/v1/admin/rbac/impersonations', { body: { user_id: target.id, reason } }));
      message.success(`正在切换为「${target.display_name}」…`);
      // The fragment never reaches a server; the merchant app takes it and clears the address bar.
      window.location.assign(handoffUrl(pair));
    } catch (e) {
      if (e instanceof ApiFailure) form.setFields(fieldErrors(e).filter((f) => f.name === 'reason') as never);
      message.error(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Modal
      title={target ? `切换为「${target.display_name}」` : ''}
      open={target !== null}
      onCancel={onClose}
      onOk={() => void start()}
      okText="确认切换"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'impersonation-confirm' } as never}
    >
      {target ? (
        <Space direction="vertical" style={{ width: '100%' }} size={16}>
          <Alert
            type="warning"
            showIcon
            message="切换后将以该用户的身份打开商户工作台"
            description="默认只读；切换期间的每个请求都会记录您和该用户双方的身份。点击顶部横幅的「切回管理员」即可返回后台。"
          />
          <div>
            <Typography.Text type="secondary">手机号：</Typography.Text>
            {target.phone || '—'}
            <Typography.Text type="secondary" style={{ marginLeft: 16 }}>
              所属商户：
            </Typography.Text>
            {target.merchants.map((m) => m.merchant_name).join('、') || '—'}
          </div>
          <Form form={form} layout="vertical" requiredMark={false}>
            <Form.Item
              name="reason"
              label="切换原因"
              rules={[
                { required: true, whitespace: true, message: '请填写切换原因' },
                { min: 5, message: '至少 5 个字' },
              ]}
            >
              <Input.TextArea placeholder="如：协助商户核对报关批次（至少 5 个字）" maxLength={200} showCount autoSize={{ minRows: 3, maxRows: 5 }} autoFocus />
            </Form.Item>
          </Form>
        </Space>
      ) : null}
    </Modal>
  );
}

function CandidateTable() {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const [target, setTarget] = useState<MerchantUser | null>(null);

  const columns: ProColumns<MerchantUser>[] = [
    { title: '搜索', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '手机号、姓名或商户名称' } },
    {
      title: '商户用户',
      dataIndex: 'display_name',
      search: false,
      render: (_d, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{row.display_name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.phone || '—'}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '所属商户与角色',
      dataIndex: 'merchants',
      search: false,
      render: (_d, row) => (
        <Space size={[4, 4]} wrap>
          {row.merchants.map((m) => (
            <Tag key={m.merchant_id} bordered={false} color={m.role === 'admin' ? 'geekblue' : 'default'}>
              {m.merchant_name} · {m.role_label}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'is_active',
      search: false,
      width: 100,
      render: (_d, row) => <Badge status={row.is_active ? 'success' : 'default'} text={row.is_active ? '正常' : '已停用'} />,
    },
    {
      title: '操作',
      valueType: 'option',
      width: 130,
      render: (_d, row) =>
        access.can(CODES.impersonationEdit) && row.is_active
          ? [
              <a key="switch" onClick={() => setTarget(row)} data-testid={`impersonate-${row.id}`}>
                <SwapOutlined /> 切换身份
              </a>,
            ]
          : [],
    },
  ];

  return (
    <>
      <ProTable<MerchantUser>
        rowKey="id"
        columns={columns}
        cardBordered={false}
        headerTitle="商户用户"
        search={{ labelWidth: 'auto', span: 8, searchText: '查询' }}
        pagination={{ defaultPageSize: 10, showSizeChanger: true }}
        options={{ density: false, setting: false }}
        locale={{ emptyText: '没有找到匹配的商户用户' }}
        onRequestError={(e) => message.error(errorMessage(e))}
        request={async (params) => {
          const data = await unwrap(
            api.client.GET('/api/v1/admin/rbac/merchant-users', {
              params: { query: { page: params.current ?? 1, page_size: params.pageSize ?? 10, keyword: params.keyword || undefined } },
            }),
          );
          return { data: data.items, total: data.total, success: true };
        }}
      />
      <StartDialog target={target} onClose={() => setTarget(null)} />
    </>
  );
}

function RequestsDialog({ row, onClose }: { row: Impersonation | null; onClose: () => void }) {
  const { api } = useMe();
  return (
    <Modal title="切换期间的请求" open={row !== null} onCancel={onClose} footer={null} width={760} destroyOnHidden>
      {row ? (
        <ProTable<ImpersonationDetail['requests'][number]>
          rowKey="id"
          search={false}
          options={false}
          cardBordered={false}
          size="small"
          pagination={{ pageSize: 10 }}
          locale={{ emptyText: '切换期间没有请求' }}
          headerTitle={`${row.admin.display_name} → ${row.user.display_name}`}
          request={async () => {
            const data = await unwrap(
              api.client.GET('/api/v1/admin/rbac/impersonations/{impersonation_id}', { params: { path: { impersonation_id: row.id } } }),
            );
            return { data: data.requests, total: data.requests.length, success: true };
          }}
          columns={[
            { title: '时间', dataIndex: 'created_at', width: 150, render: (_d, r) => formatTime(r.created_at) },
            { title: '请求', dataIndex: 'path', render: (_d, r) => <Typography.Text code>{`${r.method} ${r.path}`}</Typography.Text> },
            {
              title: '结果',
              dataIndex: 'outcome',
              width: 200,
              render: (_d, r) => (r.outcome === 'ok' ? <Tag color="success">成功</Tag> : <Tag color="error">{r.outcome}</Tag>),
            },
          ]}
        />
      ) : null}
    </Modal>
  );
}

function HistoryTable() {
  const { api } = useMe();
  const { message } = App.useApp();
  const [open, setOpen] = useState<Impersonation | null>(null);
  const columns: ProColumns<Impersonation>[] = [
    { title: '管理员', dataIndex: ['admin', 'display_name'], width: 120 },
    { title: '商户用户', dataIndex: ['user', 'display_name'], width: 120 },
    { title: '原因', dataIndex: 'reason', ellipsis: true },
    { title: '开始', dataIndex: 'started_at', width: 150, render: (_d, r) => formatTime(r.started_at) },
    {
      title: '结束',
      dataIndex: 'ended_at',
      width: 150,
      render: (_d, r) => (r.ended_at ? formatTime(r.ended_at) : <Badge status="processing" text="进行中" />),
    },
    { title: '模式', dataIndex: 'allow_writes', width: 90, render: (_d, r) => (r.allow_writes ? <Tag color="orange">可修改</Tag> : <Tag>只读</Tag>) },
    { title: 'IP', dataIndex: 'ip', width: 120, render: (_d, r) => r.ip ?? '—' },
    {
      title: '请求数',
      dataIndex: 'request_count',
      width: 100,
      render: (_d, r) => (
        <a onClick={() => setOpen(r)}>
          <EyeOutlined /> {r.request_count}
        </a>
      ),
    },
  ];
  return (
    <>
      <ProTable<Impersonation>
        rowKey="id"
        columns={columns}
        search={false}
        cardBordered={false}
        headerTitle="切换记录"
        options={{ density: false, setting: false, reload: true }}
        pagination={{ defaultPageSize: 10, showSizeChanger: true }}
        locale={{ emptyText: '暂无切换记录' }}
        onRequestError={(e) => message.error(errorMessage(e))}
        request={async (params) => {
          const data = await unwrap(
            api.client.GET('/api/v1/admin/rbac/impersonations', { params: { query: { page: params.current ?? 1, page_size: params.pageSize ?? 10 } } }),
          );
          return { data: data.items, total: data.total, success: true };
        }}
      />
      <RequestsDialog row={open} onClose={() => setOpen(null)} />
    </>
  );
}

export default function ImpersonationPage() {
  return (
    <SystemPage title="用户切换" description="以商户用户的身份查看商户工作台，一键切回；全程记录双方身份。" permission={CODES.impersonationView}>
      <Tabs
        defaultActiveKey="users"
        items={[
          { key: 'users', label: '选择商户用户', children: <CandidateTable /> },
          { key: 'history', label: '切换记录', children: <HistoryTable /> },
        ]}
      />
    </SystemPage>
  );
}
