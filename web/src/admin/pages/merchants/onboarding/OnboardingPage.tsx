/**
 * RA 注册与入驻管理: the queue of 工商注册 applications (个体户 / 企业新办, 已注册企业信息补充) with
 * filters; a wide drawer shows one application's documents next to the filled values and the OCR
 * values, and the moves the reviewer may make (驳回 asks for a reason). `?id=` opens one directly
 * (the links of the back-office messages).
 */
import { AuditOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Badge, Button, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { unwrap } from '@/shared/errors';
import { formatTime, KIND_LABELS, STATE_COLORS, type ApplicationKind } from '@/shared/registration';
import { useMe } from '@/shared/session';
import type { components } from '@/shared/api/schema';
import { ReviewDrawer } from './ReviewDrawer';
import { PageHeading } from '@/shared/components/PageHeading';

type Row = components['schemas']['QueueRowOut'];
type StateKey = NonNullable<components['schemas']['QueueFilters']['state']>;

const STATE_OPTIONS: Record<StateKey, { text: string; status: string }> = {
  review: { text: '材料初审', status: 'Processing' },
  onsite: { text: '现场核验', status: 'Warning' },
  rejected: { text: '已驳回', status: 'Error' },
  draft: { text: '材料填报', status: 'Default' },
  approved: { text: '核准通过', status: 'Success' },
};

export default function OnboardingPage() {
  const { api } = useMe();
  const actionRef = useRef<ActionType>(undefined);
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('id')) || null;
  const [tab, setTab] = useState<'pending' | 'all'>('pending');

  const open = (id: number | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('id', String(id));
    else next.delete('id');
    setParams(next, { replace: true });
  };

  const columns: ProColumns<Row>[] = [
    {
      title: '关键词',
      dataIndex: 'q',
      hideInTable: true,
      fieldProps: { placeholder: '商户名称 / 申请名称 / 统一社会信用代码' },
    },
    {
      title: '申请',
      dataIndex: 'title',
      search: false,
      render: (_d, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Link onClick={() => open(row.id)}>{row.title || `#${row.id}`}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.merchant_name}
            {row.credit_code ? ` · ${row.credit_code}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '办理类型',
      dataIndex: 'kind',
      valueType: 'select',
      width: 170,
      valueEnum: Object.fromEntries(Object.entries(KIND_LABELS).map(([k, v]) => [k, { text: v }])),
      render: (_d, row) => <Tag bordered={false}>{KIND_LABELS[row.kind as ApplicationKind]}</Tag>,
    },
    {
      title: '状态',
      dataIndex: 'state',
      valueType: 'select',
      valueEnum: STATE_OPTIONS,
      width: 180,
      render: (_d, row) => (
        <Space size={4}>
          <Tag color={STATE_COLORS[row.state]}>{row.state_label}</Tag>
          {row.waiting_on.includes('platform') && <Badge status="processing" text="待处理" />}
        </Space>
      ),
    },
    {
      title: '提交时间',
      dataIndex: 'submitted_at',
      valueType: 'dateRange',
      width: 170,
      fieldProps: { placeholder: ['开始日期', '结束日期'] },
      render: (_d, row) => formatTime(row.submitted_at),
    },
    {
      title: '最近变更',
      dataIndex: 'state_changed_at',
      search: false,
      width: 170,
      render: (_d, row) => formatTime(row.state_changed_at),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 100,
      render: (_d, row) => [
        <Button key="open" type="link" size="small" icon={<AuditOutlined />} onClick={() => open(row.id)}>
          {row.waiting_on.includes('platform') ? '审核' : '查看'}
        </Button>,
      ],
    },
  ];

  return (
    <>
      <div style={{ marginBottom: 16 }}>
        <PageHeading admin home="工作台" subtitle="商户提交的工商注册与企业信息补充，在这里初审、复核并核准。" />
      </div>
      <ProTable<Row>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        params={{ tab }}
        toolbar={{
          menu: {
            type: 'tab',
            activeKey: tab,
            items: [
              { key: 'pending', label: '待处理' },
              { key: 'all', label: '全部申请' },
            ],
            onChange: (key) => setTab(key === 'all' ? 'all' : 'pending'),
          },
        }}
        onRow={(row) => ({ onDoubleClick: () => open(row.id) })}
        request={async (query) => {
          const range = query.submitted_at as [string, string] | undefined;
          const data = await unwrap(
            api.client.GET('/api/v1/admin/registration/applications', {
              params: {
                query: {
                  page: query.current ?? 1,
                  page_size: query.pageSize ?? 20,
                  q: (query.q as string | undefined) || undefined,
                  kind: (query.kind as ApplicationKind | undefined) || undefined,
                  state: (query.state as StateKey | undefined) || undefined,
                  submitted_from: range?.[0]?.slice(0, 10),
                  submitted_to: range?.[1]?.slice(0, 10),
                  pending: query.tab === 'pending',
                },
              },
            }),
          );
          return { data: data.items, total: data.total, success: true };
        }}
        locale={{ emptyText: '暂无符合条件的申请' }}
      />
      <ReviewDrawer
        applicationId={openId}
        onClose={() => open(null)}
        onMoved={() => void actionRef.current?.reload()}
      />
    </>
  );
}
