/**
 * DA 申报受理: one queue for every filing type, filtered by type, state, merchant and submission date;
 * a wide drawer reviews one filing. `?id=` opens one directly (the links of the back-office messages).
 */
import { AuditOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Badge, Button, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { PageHeading } from '@/shared/components/PageHeading';
import { unwrap } from '@/shared/errors';
import { FILING_STATE_COLORS } from '@/shared/filings';
import { formatTime } from '@/shared/registration';
import { useMe } from '@/shared/session';
import { FilingReviewDrawer } from './FilingReviewDrawer';

type Row = components['schemas']['FilingQueueRowOut'];
type Options = components['schemas']['FilingQueueOptionsOut'];
type StateKey = NonNullable<components['schemas']['FilingQueueFilters']['state']>;

export default function FilingsQueuePage() {
  const { api } = useMe();
  const actionRef = useRef<ActionType>(undefined);
  const [params, setParams] = useSearchParams();
  const openId = Number(params.get('id')) || null;
  const [tab, setTab] = useState<'pending' | 'all'>('pending');
  const [options, setOptions] = useState<Options>({ types: [], states: [] });

  useEffect(() => {
    unwrap(api.client.GET('/api/v1/admin/filings/options'))
      .then(setOptions)
      .catch(() => undefined);
  }, [api]);

  const open = (id: number | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('id', String(id));
    else next.delete('id');
    setParams(next, { replace: true });
  };

  const columns: ProColumns<Row>[] = [
    { title: '商户', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '商户名称 / 统一社会信用代码' } },
    {
      title: '申报',
      dataIndex: 'title',
      search: false,
      render: (_d, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Link onClick={() => open(row.id)}>{row.type_label}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.merchant_name}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '申报类型',
      dataIndex: 'type',
      valueType: 'select',
      width: 170,
      valueEnum: Object.fromEntries(options.types.map((t) => [t.key, { text: t.label }])),
      render: (_d, row) => <Tag bordered={false}>{row.type_label}</Tag>,
    },
    {
      title: '状态',
      dataIndex: 'state',
      valueType: 'select',
      width: 190,
      valueEnum: Object.fromEntries(options.states.map((s) => [s.key, { text: s.label }])),
      render: (_d, row) => (
        <Space size={4}>
          <Tag color={FILING_STATE_COLORS[row.state]}>{row.state_label}</Tag>
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
    { title: '最近变更', dataIndex: 'state_changed_at', search: false, width: 170, render: (_d, row) => formatTime(row.state_changed_at) },
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
        <PageHeading admin home="工作台" subtitle="海关企业注册登记、电子口岸卡、DXP ID、云加签与企业备案，在这里统一审核、退回修改、办结或驳回。" />
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
              { key: 'all', label: '全部申报' },
            ],
            onChange: (key) => setTab(key === 'all' ? 'all' : 'pending'),
          },
        }}
        onRow={(row) => ({ onDoubleClick: () => open(row.id) })}
        request={async (query) => {
          const range = query.submitted_at as [string, string] | undefined;
          const data = await unwrap(
            api.client.GET('/api/v1/admin/filings/filings', {
              params: {
                query: {
                  page: query.current ?? 1,
                  page_size: query.pageSize ?? 20,
                  q: (query.q as string | undefined) || undefined,
                  type: (query.type as string | undefined) || undefined,
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
        locale={{ emptyText: '暂无符合条件的申报' }}
      />
      <FilingReviewDrawer filingId={openId} onClose={() => open(null)} onMoved={() => void actionRef.current?.reload()} />
    </>
  );
}
