/** A1 商户信息管理: every merchant, every field (CCB sub-account and settlement account included), members and WeChat binding. */
import { EditOutlined, EyeOutlined, LockOutlined, UserOutlined, WechatOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Avatar, Breadcrumb, Button, Card, Drawer, Popconfirm, Result, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { AdminMerchant, AdminMerchantRow } from '@/shared/api/types';
import { errorMessage, unwrap } from '@/shared/errors';
import { MerchantProfileForm, MerchantProfileView } from '@/shared/merchantProfile/MerchantProfile';
import { useMe } from '@/shared/session';
import { formatDateTime } from '@/shared/datetime';

const VIEW = 'merchants:list:view';
const STATUS = {
  not_started: { text: '未办理', status: 'Default' },
  in_progress: { text: '办理中', status: 'Processing' },
  approved: { text: '核准通过', status: 'Success' },
} as const;
const STATUS_COLORS: Record<string, string> = { not_started: 'default', in_progress: 'processing', approved: 'success' };
const VIA: Record<string, string> = { web: '网站扫码', mp: '小程序' };

function formatTime(value: string): string {
  return formatDateTime(value);
}

function MerchantDrawer({ merchantId, onClose, onSaved }: { merchantId: number | null; onClose: () => void; onSaved: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [merchant, setMerchant] = useState<AdminMerchant | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    if (merchantId === null) return;
    setFailure(null);
    try {
      setMerchant(await unwrap(api.client.GET('/api/v1/admin/merchants/{merchant_id}', { params: { path: { merchant_id: merchantId } } })));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api, merchantId]);

  useEffect(() => {
    setMerchant(null);
    setEditing(false);
    void load();
  }, [load]);

  const save = async (changes: Record<string, unknown>) => {
    if (merchantId === null) return;
    const data = await unwrap(
      api.client.PATCH('/api/v1/admin/merchants/{merchant_id}', { params: { path: { merchant_id: merchantId } }, body: { changes } }),
    );
    setMerchant(data);
    setEditing(false);
    message.success('商户信息已保存');
    onSaved();
  };

  const unbind = async (membershipId: number, name: string) => {
    if (merchantId === null) return;
    try {
      setMerchant(
        await unwrap(
          api.client.POST('/api/v1/admin/merchants/{merchant_id}/members/{membership_id}/wechat/unbind', {
            params: { path: { merchant_id: merchantId, membership_id: membershipId } },
          }),
        ),
      );
      message.success(`已解绑「${name}」的微信`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const members = merchant ? (
    <Table
      rowKey="id"
      dataSource={merchant.members}
      pagination={false}
      locale={{ emptyText: '暂无成员' }}
      columns={[
        {
          title: '成员',
          render: (_: unknown, row: AdminMerchant['members'][number]) => (
            <Space>
              <Avatar size="small" icon={<UserOutlined />} />
              {row.name || '未设置姓名'}
            </Space>
          ),
        },
        { title: '手机号', dataIndex: 'phone' },
        { title: '角色', dataIndex: 'role_label', render: (v: string, row) => <Tag bordered={false} color={row.role === 'admin' ? 'geekblue' : undefined}>{v}</Tag> },
        {
          title: '微信绑定',
          render: (_: unknown, row) =>
            row.wechat_bound ? (
              <Space size={4}>
                <Tag bordered={false} color="success" icon={<WechatOutlined />}>
                  已绑定
                </Tag>
                {row.wechat_bound_via.map((v) => (
                  <Tag key={v} bordered={false}>
                    {VIA[v] ?? v}
                  </Tag>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">未绑定</Typography.Text>
            ),
        },
        { title: '加入时间', dataIndex: 'joined_at', render: (v: string) => formatTime(v) },
        {
          title: '操作',
          render: (_: unknown, row) =>
            merchant.can_edit && row.wechat_bound ? (
              <Popconfirm
                title={`解绑「${row.display_name}」的微信？`}
                description="对方将不能再用该微信扫码登录，可用手机号登录后重新绑定。"
                okText="解绑"
                cancelText="取消"
                okButtonProps={{ danger: true }}
                onConfirm={() => void unbind(row.id, row.display_name)}
              >
                <Typography.Link type="danger">解绑微信</Typography.Link>
              </Popconfirm>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
      ]}
    />
  ) : null;

  return (
    <Drawer
      open={merchantId !== null}
      onClose={onClose}
      width={1000}
      destroyOnHidden
      title={
        merchant ? (
          <Space>
            {merchant.display_name}
            <Tag bordered={false} color={STATUS_COLORS[merchant.registration_status]}>
              {merchant.registration_status_label}
            </Tag>
          </Space>
        ) : (
          '商户详情'
        )
      }
      extra={
        merchant?.can_edit && !editing ? (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="admin-merchant-edit">
            编辑
          </Button>
        ) : null
      }
    >
      {failure ? <Alert type="error" showIcon message={failure} /> : null}
      {!merchant && !failure ? <Skeleton active paragraph={{ rows: 12 }} /> : null}
      {merchant ? (
        <Tabs
          items={[
            {
              key: 'profile',
              label: '商户信息',
              children: editing ? (
                <MerchantProfileForm profile={merchant} staffView onSubmit={save} onCancel={() => setEditing(false)} />
              ) : (
                <MerchantProfileView api={api} profile={merchant} staffView />
              ),
            },
            { key: 'members', label: `成员与微信绑定（${merchant.members.length}）`, children: members },
          ]}
        />
      ) : null}
    </Drawer>
  );
}

export default function MerchantsPage() {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>(undefined);
  // `?id=` (a global-search hit, a link) opens that merchant's drawer.
  const [params, setParams] = useSearchParams();
  const linked = Number(params.get('id')) || null;
  const [openId, setOpenId] = useState<number | null>(linked);
  useEffect(() => {
    if (linked) setOpenId(linked);
  }, [linked]);
  const close = () => {
    setOpenId(null);
    if (linked) setParams({}, { replace: true });
  };

  const columns: ProColumns<AdminMerchantRow>[] = [
    { title: '关键词', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '商户名称、信用代码或手机号' } },
    {
      title: '商户',
      dataIndex: 'display_name',
      search: false,
      render: (_d, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Link strong onClick={() => setOpenId(row.id)}>
            {row.display_name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.credit_code || '统一社会信用代码未填写'}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '企业类型', dataIndex: 'merchant_type_label', search: false, width: 110, render: (_d, row) => row.merchant_type_label || '—' },
    { title: '工商注册', dataIndex: 'registration_status', valueType: 'select', valueEnum: STATUS, width: 120 },
    { title: '法人', dataIndex: 'legal_person', search: false, width: 100, render: (_d, row) => row.legal_person || '—' },
    {
      title: '联系人',
      dataIndex: 'contact_name',
      search: false,
      render: (_d, row) =>
        row.contact_name || row.contact_phone ? (
          <Space direction="vertical" size={0}>
            <span>{row.contact_name || '—'}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.contact_phone}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: '建设银行子账号',
      dataIndex: 'ccb_sub_account',
      search: false,
      render: (_d, row) => (row.ccb_sub_account ? <Typography.Text copyable>{row.ccb_sub_account}</Typography.Text> : <Typography.Text type="secondary">未开立</Typography.Text>),
    },
    { title: '成员', dataIndex: 'member_count', search: false, width: 70 },
    { title: '创建时间', dataIndex: 'created_at', search: false, width: 170, render: (_d, row) => formatTime(row.created_at) },
    {
      title: '操作',
      valueType: 'option',
      width: 90,
      render: (_d, row) => [
        <a key="view" onClick={() => setOpenId(row.id)} data-testid={`merchant-open-${row.id}`}>
          <EyeOutlined /> 详情
        </a>,
      ],
    },
  ];

  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/">工作台</Link> }, { title: <Link to="/merchants">商户管理</Link> }, { title: '商户信息管理' }]} />
      <div style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          商户信息管理
        </Typography.Title>
        <Typography.Text type="secondary">全部商户的执照、法人、联系人与结算信息，建设银行外汇子账号，成员与微信绑定。</Typography.Text>
      </div>
      {access.can(VIEW) ? (
        <ProTable<AdminMerchantRow>
          rowKey="id"
          actionRef={actionRef}
          columns={columns}
          cardBordered={false}
          headerTitle="商户列表"
          search={{ labelWidth: 'auto', span: 6 }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true }}
          options={{ density: false, setting: false }}
          locale={{ emptyText: '没有符合条件的商户' }}
          onRequestError={(e) => message.error(errorMessage(e))}
          request={async (params) => {
            const data = await unwrap(
              api.client.GET('/api/v1/admin/merchants', {
                params: {
                  query: {
                    page: params.current ?? 1,
                    page_size: params.pageSize ?? 20,
                    q: params.q || undefined,
                    registration_status: params.registration_status || undefined,
                  },
                },
              }),
            );
            return { data: data.items, total: data.total, success: true };
          }}
        />
      ) : (
        <Card variant="borderless" className="jmt-card">
          <Result icon={<LockOutlined style={{ color: '#a3a8b8' }} />} title="无权访问" subTitle="您没有访问该功能的权限，请联系超级管理员分配角色。" />
        </Card>
      )}
      <MerchantDrawer merchantId={openId} onClose={close} onSaved={() => void actionRef.current?.reload()} />
    </>
  );
}
