/** A5 管理员账户: back-office accounts (create, edit, roles, disable / enable, reset password) and the login log. */
import { KeyOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined, EditOutlined, CopyOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Badge, Button, Space, Tabs, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { AccountForm } from './AccountForm';
import { LoginLogTable } from './LoginLogTable';
import { CODES, formatTime, type Account } from './rbac';
import { SystemPage } from './SystemPage';

function AccountTable() {
  const { api, access, me } = useMe();
  const { message, modal } = App.useApp();
  const actionRef = useRef<ActionType>(undefined);
  const [editing, setEditing] = useState<Account | null>(null);
  const [formOpen, setFormOpen] = useState(false);

  const reload = () => void actionRef.current?.reload();

  const setActive = (account: Account, active: boolean) => {
    const verb = active ? '启用' : '停用';
    modal.confirm({
      title: `确定${verb}账户「${account.name || account.username}」吗？`,
      content: active ? '启用后该账户可以重新登录。' : '停用后该账户的所有登录立即失效，且不能再登录，直到重新启用。',
      okText: verb,
      cancelText: '取消',
      okButtonProps: { danger: !active },
      onOk: async () => {
        try {
          const path = active ? '/api/v1/admin/rbac/accounts/{user_id}/enable' : '/api/v1/admin/rbac/accounts/{user_id}/disable';
          await unwrap(api.client.POST(path, { params: { path: { user_id: account.id } } }));
          message.success(`已${verb}「${account.name || account.username}」`);
          reload();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  };

  const resetPassword = (account: Account) => {
    modal.confirm({
      title: `重置「${account.name || account.username}」的密码？`,
      content: '将生成一个临时密码，该账户的登录全部失效，下次登录须先修改密码。',
      okText: '重置密码',
      cancelText: '取消',
      onOk: async () => {
        try {
          const { temporary_password: password } = await unwrap(
            api.client.POST('/api/v1/admin/rbac/accounts/{user_id}/reset-password', { params: { path: { user_id: account.id } } }),
          );
          reload();
          modal.success({
            title: '密码已重置',
            width: 460,
            content: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text>请将临时密码告知「{account.name || account.username}」，它只显示这一次：</Typography.Text>
                <Typography.Paragraph copyable={{ text: password, icon: [<CopyOutlined key="c" />, <CopyOutlined key="d" />], tooltips: ['复制', '已复制'] }} style={{ margin: 0 }}>
                  <Typography.Text code strong style={{ fontSize: 18 }} data-testid="temporary-password">
                    {password}
                  </Typography.Text>
                </Typography.Paragraph>
                <Alert type="info" showIcon message="对方登录后会被要求立即修改密码。" />
              </Space>
            ),
            okText: '我已记下',
          });
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  };

  const columns: ProColumns<Account>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '登录名、姓名、电话或邮箱' } },
    {
      title: '账户',
      dataIndex: 'username',
      search: false,
      render: (_d, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{row.name || row.username}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.username}
            {row.id === me.user.id ? '（我）' : ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '角色',
      dataIndex: 'role_id',
      valueType: 'select',
      request: async () => {
        const data = await unwrap(api.client.GET('/api/v1/admin/rbac/roles', { params: { query: { page: 1, page_size: 100 } } }));
        return data.items.map((r) => ({ label: r.name, value: r.id }));
      },
      render: (_d, row) =>
        row.roles.length ? (
          <Space size={[4, 4]} wrap>
            {row.roles.map((r) => (
              <Tag key={r.id} bordered={false} color={r.builtin ? 'purple' : 'geekblue'}>
                {r.name}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">未分配</Typography.Text>
        ),
    },
    { title: '部门', dataIndex: 'department', render: (_d, row) => row.department || '—' },
    {
      title: '联系方式',
      dataIndex: 'contact_phone',
      search: false,
      render: (_d, row) =>
        row.contact_phone || row.email ? (
          <Space direction="vertical" size={0}>
            {row.contact_phone ? <span>{row.contact_phone}</span> : null}
            {row.email ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.email}</Typography.Text> : null}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: '状态',
      dataIndex: 'is_active',
      valueType: 'select',
      width: 120,
      valueEnum: { true: { text: '启用', status: 'Success' }, false: { text: '停用', status: 'Default' } },
      render: (_d, row) => (
        <Space size={4} direction="vertical">
          <Badge status={row.is_active ? 'success' : 'default'} text={row.is_active ? '启用' : '停用'} />
          {row.must_change_password ? <Tag bordered={false} color="warning">待改密码</Tag> : null}
        </Space>
      ),
    },
    { title: '最近登录', dataIndex: 'last_login_at', search: false, width: 150, render: (_d, row) => formatTime(row.last_login_at) },
    {
      title: '操作',
      valueType: 'option',
      width: 230,
      render: (_d, row) => {
        const self = row.id === me.user.id;
        return [
          access.can(CODES.accountsEdit) ? (
            <a key="edit" onClick={() => { setEditing(row); setFormOpen(true); }}>
              <EditOutlined /> 编辑
            </a>
          ) : null,
          access.can(CODES.accountsPassword) ? (
            <a key="reset" onClick={() => resetPassword(row)}>
              <KeyOutlined /> 重置密码
            </a>
          ) : null,
          access.can(CODES.accountsStatus) && !self ? (
            row.is_active ? (
              <a key="disable" style={{ color: '#dc2626' }} onClick={() => setActive(row, false)}>
                <StopOutlined /> 停用
              </a>
            ) : (
              <a key="enable" onClick={() => setActive(row, true)}>
                <CheckCircleOutlined /> 启用
              </a>
            )
          ) : null,
        ];
      },
    },
  ];

  return (
    <>
      <ProTable<Account>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        cardBordered={false}
        headerTitle="后台账户"
        search={{ labelWidth: 'auto', span: 6 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ density: false, setting: false }}
        locale={{ emptyText: '暂无后台账户' }}
        onRequestError={(e) => message.error(errorMessage(e))}
        toolBarRender={() => [
          access.can(CODES.accountsEdit) ? (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => { setEditing(null); setFormOpen(true); }}>
              新建账户
            </Button>
          ) : null,
        ]}
        request={async (params) => {
          const data = await unwrap(
            api.client.GET('/api/v1/admin/rbac/accounts', {
              params: {
                query: {
                  page: params.current ?? 1,
                  page_size: params.pageSize ?? 20,
                  keyword: params.keyword || undefined,
                  role_id: params.role_id ? Number(params.role_id) : undefined,
                  is_active: params.is_active === undefined || params.is_active === '' ? undefined : params.is_active === 'true',
                  department: params.department || undefined,
                },
              },
            }),
          );
          return { data: data.items, total: data.total, success: true };
        }}
      />
      <AccountForm account={editing} open={formOpen} onOpenChange={setFormOpen} onSaved={reload} />
    </>
  );
}

export default function AccountsPage() {
  return (
    <SystemPage title="管理员账户" description="后台账户的角色、联系方式与状态；停用立即生效，重置后须修改临时密码。" permission={CODES.accountsView}>
      <Tabs
        className="jmt-rbac-tabs"
        defaultActiveKey="accounts"
        items={[
          { key: 'accounts', label: '账户列表', children: <AccountTable /> },
          { key: 'logins', label: '登录日志', children: <LoginLogTable /> },
        ]}
      />
    </SystemPage>
  );
}
