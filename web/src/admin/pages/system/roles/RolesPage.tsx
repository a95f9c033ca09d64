/** A6 角色权限: roles with their function permissions (three-level tree) and data scope. */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { CODES, formatTime, SCOPE_COLORS, type Role } from '../accounts/rbac';
import { SystemPage } from '../accounts/SystemPage';
import { RoleDrawer } from './RoleDrawer';

export default function RolesPage() {
  const { api, access } = useMe();
  const { message, modal } = App.useApp();
  const actionRef = useRef<ActionType>(undefined);
  const [editing, setEditing] = useState<Role | null>(null);
  const [open, setOpen] = useState(false);
  const reload = () => void actionRef.current?.reload();

  const remove = (role: Role) => {
    modal.confirm({
      title: `确定删除角色「${role.name}」吗？`,
      content: role.account_count
        ? `该角色仍分配给 ${role.account_count} 个账户，需先在「管理员账户」中取消分配后才能删除。`
        : '删除后不可恢复。',
      okText: '删除',
      okButtonProps: { danger: true, disabled: role.account_count > 0 },
      cancelText: '取消',
      onOk: async () => {
        try {
          await unwrap(api.client.DELETE('/api/v1/admin/rbac/roles/{role_id}', { params: { path: { role_id: role.id } } }));
          message.success(`已删除角色「${role.name}」`);
          reload();
        } catch (e) {
          if (e instanceof ApiFailure && e.code === 'ROLE_IN_USE') {
            message.warning(errorMessage(e));
            reload();
          } else {
            message.error(errorMessage(e));
          }
        }
      },
    });
  };

  const columns: ProColumns<Role>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '角色名称或描述' } },
    {
      title: '角色',
      dataIndex: 'name',
      search: false,
      render: (_d, row) => (
        <Space direction="vertical" size={0}>
          <span>
            <Typography.Text strong>{row.name}</Typography.Text>{' '}
            {row.builtin ? <Tag bordered={false} color="purple">内置</Tag> : null}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.description || '—'}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '数据权限',
      dataIndex: 'data_scope',
      search: false,
      width: 140,
      render: (_d, row) => <Tag color={SCOPE_COLORS[row.data_scope]}>{row.data_scope_label}</Tag>,
    },
    { title: '功能权限', dataIndex: 'permissions', search: false, width: 110, render: (_d, row) => `${row.permissions.length} 项` },
    {
      title: '用户切换',
      dataIndex: 'allow_impersonation_writes',
      search: false,
      width: 110,
      render: (_d, row) => (row.allow_impersonation_writes ? <Tag color="orange">允许修改</Tag> : <Tag>只读</Tag>),
    },
    { title: '账户数', dataIndex: 'account_count', search: false, width: 90 },
    { title: '更新时间', dataIndex: 'updated_at', search: false, width: 150, render: (_d, row) => formatTime(row.updated_at) },
    {
      title: '操作',
      valueType: 'option',
      width: 150,
      render: (_d, row) => [
        access.can(CODES.rolesEdit) ? (
          <a key="edit" onClick={() => { setEditing(row); setOpen(true); }}>
            <EditOutlined /> 编辑
          </a>
        ) : null,
        access.can(CODES.rolesDelete) && !row.builtin ? (
          <Tooltip key="delete" title={row.account_count ? `仍有 ${row.account_count} 个账户使用` : ''}>
            <a style={{ color: '#dc2626' }} onClick={() => remove(row)}>
              <DeleteOutlined /> 删除
            </a>
          </Tooltip>
        ) : null,
      ],
    },
  ];

  return (
    <SystemPage title="角色权限" description="角色 = 功能权限（菜单、页面、按钮）+ 数据权限；一个账户可持有多个角色，功能权限取并集。" permission={CODES.rolesView}>
      <ProTable<Role>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        cardBordered={false}
        headerTitle="角色列表"
        search={{ labelWidth: 'auto', span: 6 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ density: false, setting: false }}
        locale={{ emptyText: '暂无角色' }}
        onRequestError={(e) => message.error(errorMessage(e))}
        toolBarRender={() => [
          access.can(CODES.rolesEdit) ? (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => { setEditing(null); setOpen(true); }}>
              新建角色
            </Button>
          ) : null,
        ]}
        request={async (params) => {
          const data = await unwrap(
            api.client.GET('/api/v1/admin/rbac/roles', {
              params: { query: { page: params.current ?? 1, page_size: params.pageSize ?? 20, keyword: params.keyword || undefined } },
            }),
          );
          return { data: data.items, total: data.total, success: true };
        }}
      />
      <RoleDrawer role={editing} open={open} onClose={() => setOpen(false)} onSaved={reload} />
    </SystemPage>
  );
}
