/** 报关流程可视化 (CA): per merchant the status of batches, e-orders, inventories, 总分单 and 汇总
 * (filters, progress board, drill-down into batches), and the XML of every message sent and received. */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Col, DatePicker, Drawer, Empty, Input, Progress, Row, Select, Space, Spin, Statistic, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { CheckTag } from '../gateway/GatewayConfigsPage';
import { OperationsPage } from '../OperationsPage';
import { MessageDrawer } from './MessageDrawer';
import { formatDateTime } from '@/shared/datetime';

type Board = components['schemas']['MerchantBoardOut'];
type Group = components['schemas']['DocGroupOut'];
type Drill = components['schemas']['MerchantDrillOut'];
type MessageRow = components['schemas']['CustomsMessageOut'];
type StatusFilter = '' | 'attention' | 'in_progress' | 'approved' | 'pending';

const VIEW = 'operations:customs:view';
const MESSAGE_TYPES = ['CEB303', 'CEB505', 'CEB603', 'CEB605', 'CEB607', 'CEB701', 'CEB304', 'CEB506', 'CEB604', 'CEB606', 'CEB608', 'CEB702', 'CEB792', 'CEB900'];

function GroupCell({ group, label }: { group: Group; label: string }) {
  if (group.total === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={`${label}：待发送 ${group.pending}，审批中 ${group.in_progress}，已通过 ${group.approved}，需处理 ${group.attention}`}>
      <Space direction="vertical" size={0}>
        <span>
          <Typography.Text strong>{group.approved}</Typography.Text>
          <Typography.Text type="secondary"> / {group.total}</Typography.Text>
        </span>
        {group.attention > 0 ? (
          <Tag color="red" bordered={false} style={{ marginInlineEnd: 0 }}>
            需处理 {group.attention}
          </Tag>
        ) : group.in_progress > 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            审批中 {group.in_progress}
          </Typography.Text>
        ) : null}
      </Space>
    </Tooltip>
  );
}

function DrillDrawer({ merchantId, onClose, onMessages }: { merchantId: number | null; onClose: () => void; onMessages: (merchantId: number, batchId: number) => void }) {
  const { api } = useMe();
  const [drill, setDrill] = useState<Drill | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (merchantId === null) return;
    setDrill(null);
    setError(null);
    unwrap(api.client.GET('/api/v1/admin/customs/overview/{merchant_id}', { params: { path: { merchant_id: merchantId } } }))
      .then(setDrill)
      .catch((e) => setError(errorMessage(e)));
  }, [api, merchantId]);
  return (
    <Drawer title={drill ? `${drill.merchant_name}：批次进度` : '批次进度'} width={900} open={merchantId !== null} onClose={onClose} destroyOnHidden>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {!drill && !error ? <Spin style={{ display: 'block', margin: '64px auto' }} /> : null}
      {drill ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Space>
            <span>点点通：</span>
            <CheckTag status={drill.gateway.configured ? drill.gateway.check_status : 'missing'} label={drill.gateway.check_status_label} />
            {drill.gateway.check_message ? <Typography.Text type="secondary">{drill.gateway.check_message}</Typography.Text> : null}
          </Space>
          <Row gutter={16}>
            <Col span={6}><Statistic title="审批进度" value={drill.totals.progress} suffix="%" /></Col>
            <Col span={6}><Statistic title="订单（已入库 / 全部）" value={`${drill.totals.orders_approved} / ${drill.totals.orders}`} /></Col>
            <Col span={6}><Statistic title="放行 / 结关" value={`${drill.totals.released} / ${drill.totals.closed}`} /></Col>
            <Col span={6}><Statistic title="需处理" value={drill.totals.needs_attention} valueStyle={drill.totals.needs_attention ? { color: '#cf1322' } : undefined} /></Col>
          </Row>
          <Table
            size="small"
            rowKey={(r) => r.batch.id}
            pagination={false}
            dataSource={drill.batches}
            locale={{ emptyText: <Empty description="该商户还没有批次" /> }}
            columns={[
              { title: '批次', render: (_v, r) => <Space direction="vertical" size={0}><span>{r.batch.name}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.batch.status_label} · {r.batch.statistics_flag_label}</Typography.Text></Space> },
              { title: '进度', width: 180, render: (_v, r) => <Progress percent={r.progress} size="small" strokeColor={r.needs_attention ? '#fa8c16' : undefined} /> },
              { title: '订单', width: 90, render: (_v, r) => <GroupCell group={r.orders} label="订单" /> },
              { title: '运单', width: 90, render: (_v, r) => <GroupCell group={r.logistics} label="运单" /> },
              { title: '清单', width: 90, render: (_v, r) => <GroupCell group={r.inventories} label="清单" /> },
              { title: '总分单', width: 90, render: (_v, r) => <GroupCell group={r.waybills} label="总分单" /> },
              { title: '', width: 80, render: (_v, r) => <a onClick={() => onMessages(drill.merchant_id, r.batch.id)}>报文</a> },
            ]}
          />
        </Space>
      ) : null}
    </Drawer>
  );
}

const PAGE_SIZE = 20;

function Board({ onDrill }: { onDrill: (id: number) => void }) {
  const { api } = useMe();
  const [keyword, setKeyword] = useState('');
  const [status, setStatus] = useState<StatusFilter>('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<components['schemas']['CaOverviewOut'] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const query = {
        keyword,
        status,
        date_from: range?.[0] ? range[0].format('YYYY-MM-DD') : undefined,
        date_to: range?.[1] ? range[1].format('YYYY-MM-DD') : undefined,
        page,
        page_size: PAGE_SIZE,
      };
      setData(await unwrap(api.client.GET('/api/v1/admin/customs/overview', { params: { query } })));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, keyword, status, range, page]);

  useEffect(() => {
    void load();
  }, [load]);

  const t = data?.totals;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16} data-testid="ca-totals">
        {[
          { title: '有报关业务的商户', value: t?.merchants ?? 0 },
          { title: '批次', value: t?.batches ?? 0 },
          { title: '电子订单', value: t?.orders ?? 0 },
          { title: '清单（已放行）', value: `${t?.inventories ?? 0}（${t?.released ?? 0}）` },
          { title: '总分单 / 汇总', value: `${t?.waybills ?? 0} / ${t?.summaries ?? 0}` },
          { title: '需处理单证', value: t?.needs_attention ?? 0, danger: (t?.needs_attention ?? 0) > 0 },
        ].map((s) => (
          <Col key={s.title} xs={12} md={4}>
            <Card variant="borderless" className="jmt-card" size="small" loading={loading && !data}>
              <Statistic title={s.title} value={s.value} valueStyle={s.danger ? { color: '#cf1322' } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card variant="borderless" className="jmt-card">
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            placeholder="商户名称"
            allowClear
            style={{ width: 220 }}
            onSearch={(v) => {
              setPage(1);
              setKeyword(v);
            }}
          />
          <DatePicker.RangePicker
            placeholder={['单证创建起', '止']}
            onChange={(v) => {
              setPage(1);
              setRange(v as [Dayjs | null, Dayjs | null] | null);
            }}
          />
          <Select<StatusFilter>
            style={{ width: 160 }}
            value={status}
            onChange={(v) => {
              setPage(1);
              setStatus(v);
            }}
            options={[
              { value: '', label: '全部状态' },
              { value: 'attention', label: '有需处理单证' },
              { value: 'in_progress', label: '有审批中单证' },
              { value: 'pending', label: '有待发送单证' },
              { value: 'approved', label: '有已通过单证' },
            ]}
          />
          <Button onClick={() => void load()}>刷新</Button>
        </Space>
        {error ? <Alert type="error" showIcon message="加载失败" description={error} style={{ marginBottom: 16 }} /> : null}
        <Table<Board>
          rowKey="merchant_id"
          loading={loading}
          dataSource={data?.merchants ?? []}
          tableLayout="fixed"
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
          locale={{ emptyText: <Empty description="没有符合条件的商户" /> }}
          data-testid="ca-board"
          columns={[
            {
              title: '商户',
              ellipsis: true,
              render: (_v, r) => (
                <Space direction="vertical" size={2}>
                  <a onClick={() => onDrill(r.merchant_id)} data-testid={`ca-merchant-${r.merchant_id}`}>
                    {r.merchant_name}
                  </a>
                  <CheckTag status={r.gateway_status} label={r.gateway_status_label} />
                </Space>
              ),
            },
            { title: '审批进度', width: 130, render: (_v, r) => <Progress percent={r.progress} size="small" strokeColor={r.needs_attention ? '#fa8c16' : undefined} /> },
            { title: '批次 完成/全部', width: 110, render: (_v, r) => `${r.batches.approved} / ${r.batches.total}` },
            { title: '电子订单', width: 90, render: (_v, r) => <GroupCell group={r.orders} label="电子订单" /> },
            { title: '物流运单', width: 90, render: (_v, r) => <GroupCell group={r.logistics} label="物流运单" /> },
            { title: '申报清单', width: 90, render: (_v, r) => <GroupCell group={r.inventories} label="申报清单" /> },
            { title: '总分单', width: 80, render: (_v, r) => <GroupCell group={r.waybills} label="总分单" /> },
            { title: '汇总', width: 80, render: (_v, r) => <GroupCell group={r.summaries} label="汇总申请" /> },
            { title: '需处理', width: 76, render: (_v, r) => (r.needs_attention ? <Tag color="red">{r.needs_attention}</Tag> : <Typography.Text type="secondary">0</Typography.Text>) },
            { title: '最近更新', width: 136, render: (_v, r) => (r.last_activity ? formatDateTime(r.last_activity) : '—') },
          ]}
        />
      </Card>
    </Space>
  );
}

function Messages({ filter, onOpen }: { filter: { merchantId?: number; batchId?: number }; onOpen: (id: number) => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>(undefined);
  useEffect(() => {
    actionRef.current?.reload();
  }, [filter]);
  const columns: ProColumns<MessageRow>[] = [
    { title: '查找', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: 'guid、清单编号、订单编号或运单号' } },
    {
      title: '报文类型',
      dataIndex: 'message_type',
      valueType: 'select',
      width: 180,
      fieldProps: { options: MESSAGE_TYPES.map((v) => ({ value: v, label: v })), placeholder: '全部类型' },
      render: (_d, r) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{r.message_type}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.message_type_label}</Typography.Text>
        </Space>
      ),
    },
    {
      title: '方向',
      dataIndex: 'direction',
      valueType: 'select',
      width: 90,
      fieldProps: { options: [{ value: 'out', label: '发送' }, { value: 'in', label: '接收' }], placeholder: '全部' },
      render: (_d, r) => <Tag color={r.direction === 'out' ? 'blue' : 'green'}>{r.direction_label}</Tag>,
    },
    { title: 'guid', dataIndex: 'guid', search: false, render: (_d, r) => <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{r.guid || '—'}</Typography.Text> },
    { title: '商户 / 批次', search: false, render: (_d, r) => <Space direction="vertical" size={0}><span>{r.merchant_name || '—'}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.batch_name}</Typography.Text></Space> },
    { title: '单证数', dataIndex: 'entity_count', search: false, width: 70 },
    {
      title: '发送 / 校验',
      search: false,
      width: 130,
      render: (_d, r) => (
        <Space size={4} wrap>
          {r.outbox_state ? <Tag color={r.outbox_state === 'sent' ? 'success' : r.outbox_state === 'needs_attention' ? 'error' : 'processing'}>{r.outbox_state_label}</Tag> : null}
          {r.schema_valid ? null : <Tag color="error">XSD 未通过</Tag>}
        </Space>
      ),
    },
    { title: '时间', dataIndex: 'created_at', search: false, width: 160, render: (_d, r) => formatDateTime(r.created_at) },
    { title: '', valueType: 'option', width: 80, render: (_d, r) => [<a key="xml" onClick={() => onOpen(r.id)} data-testid={`message-open-${r.id}`}>查看 XML</a>] },
  ];
  return (
    <ProTable<MessageRow>
      rowKey="id"
      actionRef={actionRef}
      columns={columns}
      cardBordered={false}
      headerTitle={filter.batchId ? '该批次的报文' : filter.merchantId ? '该商户的报文' : '全部报文'}
      search={{ labelWidth: 'auto', span: 6, defaultCollapsed: false }}
      options={{ density: false, setting: false, reload: true }}
      pagination={{ defaultPageSize: 20 }}
      scroll={{ x: 1100 }}
      locale={{ emptyText: '没有符合条件的报文' }}
      request={async (params) => {
        const { current, pageSize, q, message_type, direction } = params as { current?: number; pageSize?: number; q?: string; message_type?: string; direction?: '' | 'out' | 'in' };
        try {
          const data = await unwrap(
            api.client.GET('/api/v1/admin/customs/messages', {
              params: { query: { page: current ?? 1, page_size: pageSize ?? 20, q: q ?? '', message_type: message_type ?? '', direction: direction ?? '', merchant_id: filter.merchantId, batch_id: filter.batchId } },
            }),
          );
          return { data: data.items, total: data.total, success: true };
        } catch (e) {
          message.error(errorMessage(e));
          return { data: [], total: 0, success: false };
        }
      }}
    />
  );
}

export default function CustomsBoardPage() {
  const [tab, setTab] = useState('board');
  const [drill, setDrill] = useState<number | null>(null);
  const [messageId, setMessageId] = useState<number | null>(null);
  const [filter, setFilter] = useState<{ merchantId?: number; batchId?: number }>({});
  return (
    <OperationsPage title="报关流程可视化" description="各商户的批次、电子订单、申报清单、总分单与汇总的办理进度；发送与接收的每一份报文 XML 均可查看。" permission={VIEW}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'board', label: '进度看板', children: <Board onDrill={setDrill} /> },
          {
            key: 'messages',
            label: '报文记录',
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {filter.merchantId ? (
                  <Alert type="info" showIcon message="只看所选批次的报文" action={<Button size="small" onClick={() => setFilter({})}>查看全部</Button>} />
                ) : null}
                <Messages filter={filter} onOpen={setMessageId} />
              </Space>
            ),
          },
        ]}
      />
      <DrillDrawer
        merchantId={drill}
        onClose={() => setDrill(null)}
        onMessages={(merchantId, batchId) => {
          setFilter({ merchantId, batchId });
          setDrill(null);
          setTab('messages');
        }}
      />
      <MessageDrawer messageId={messageId} onClose={() => setMessageId(null)} onOpen={setMessageId} />
    </OperationsPage>
  );
}
