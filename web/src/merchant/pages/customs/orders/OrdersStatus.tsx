/**
 * 订单状态: the declared orders, one explained status each, filters and search, counts on top,
 * and a drawer with the order's timeline from upload to 结关.
 */
import { ExportOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Input, Row, Segmented, Select, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { useExportQueued } from '@/shared/components/useExportQueued';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { batchIdFrom, batchOptions } from './batchFilter';
import { OrderDrawer } from './OrderDrawer';
import { formatTime, StatusTag } from './shared';

type OrderRow = components['schemas']['OrderRowOut'];
type Counts = components['schemas']['OrderCountsOut'];

export const STATUS_FILTERS = [
  { value: '', label: '全部', key: 'total' },
  { value: 'in_progress', label: '申报中', key: 'in_progress' },
  { value: 'cleared', label: '已审结', key: 'cleared' },
  { value: 'released', label: '已放行', key: 'released' },
  { value: 'closed', label: '已结关', key: 'closed' },
  { value: 'problem', label: '需处理', key: 'problem' },
  { value: 'cancelled', label: '已撤销', key: 'cancelled' },
] as const;

export function OrdersStatus() {
  const { api } = useMe();
  const { message } = App.useApp();
  const exportQueued = useExportQueued();
  const [exporting, setExporting] = useState(false);
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const batchId = batchIdFrom(params);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<OrderRow[]>([]);
  const [total, setTotal] = useState(0);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [batches, setBatches] = useState<components['schemas']['BatchOut'][] | null>(null);
  const [batchesFailed, setBatchesFailed] = useState(false);

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (key === 'batch_id') next.delete('batch');
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setPage(1);
  };

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const query = { page, page_size: 20, status, batch_id: batchId, search: params.get('q') ?? '' };
      const [list, c] = await Promise.all([
        unwrap(api.client.GET('/api/v1/customs/orders', { params: { query } })),
        unwrap(api.client.GET('/api/v1/customs/orders/status-counts', { params: { query: { batch_id: batchId } } })),
      ]);
      setRows(list.items);
      setTotal(list.total);
      setCounts(c);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, page, status, batchId, params]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    let live = true;
    unwrap(api.client.GET('/api/v1/customs/batches', { params: { query: { page: 1, page_size: 100 } } }))
      .then((list) => live && setBatches(list.items.map((b) => b.batch)))
      .catch(() => live && setBatchesFailed(true));
    return () => {
      live = false;
    };
  }, [api]);

  const options = batchOptions(batches ?? [], batchId);

  const columns: ColumnsType<OrderRow> = [
    {
      title: '订单编号',
      dataIndex: 'order_no',
      width: 180,
      render: (value: string, record) => (
        <Typography.Link onClick={() => setOpenId(record.id)} data-testid={`order-${value}`}>
          {value}
        </Typography.Link>
      ),
    },
    { title: '批次', dataIndex: 'batch_name', width: 150, ellipsis: true },
    { title: '物流运单号', dataIndex: 'logistics_no', width: 150, render: (v: string) => v || '—' },
    { title: '清单编号', dataIndex: 'invt_no', width: 190, render: (v: string) => v || <Typography.Text type="secondary">审结后生成</Typography.Text> },
    {
      title: '当前状态',
      key: 'status',
      width: 130,
      render: (_, record) => <StatusTag status={record.status} testId={`status-${record.order_no}`} />,
    },
    {
      title: '下一步',
      key: 'next',
      ellipsis: true,
      render: (_, record) => <Typography.Text type="secondary">{record.status.next_step}</Typography.Text>,
    },
    { title: '申报时间', dataIndex: 'created_at', width: 170, render: (v: string) => formatTime(v) },
  ];

  const stats = [
    { title: '全部订单', value: counts?.total ?? 0, color: undefined, filter: '' },
    { title: '申报中', value: counts?.in_progress ?? 0, color: '#4f46e5', filter: 'in_progress' },
    { title: '已放行', value: counts?.released ?? 0, color: '#16a34a', filter: 'released' },
    { title: '已结关', value: counts?.closed ?? 0, color: '#0f766e', filter: 'closed' },
    { title: '需处理', value: counts?.problem ?? 0, color: counts?.problem ? '#cf1322' : undefined, filter: 'problem' },
  ];

  const exportOrders = async () => {
    setExporting(true);
    try {
      const query = { status, batch_id: batchId, search: params.get('q') ?? '', format: 'xlsx' as const };
      const queued = await unwrap(api.client.POST('/api/v1/customs/orders/export', { params: { query } }));
      exportQueued(queued.title);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card variant="borderless" className="jmt-card" title="订单状态">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Row gutter={[16, 16]}>
          {stats.map((s) => (
            <Col key={s.title} xs={12} md={8} xl={4}>
              <div className="jmt-c2-stat" style={{ cursor: 'pointer' }} onClick={() => setParam('status', s.filter)} data-testid={`count-${s.filter || 'total'}`}>
                <Statistic title={s.title} value={s.value} valueStyle={{ color: s.color, fontWeight: 600 }} suffix={<span style={{ fontSize: 14 }}>单</span>} />
              </div>
            </Col>
          ))}
        </Row>
        <Space wrap size={12} style={{ width: '100%', justifyContent: 'space-between' }}>
          <Segmented
            value={status}
            onChange={(v) => setParam('status', String(v))}
            options={STATUS_FILTERS.map((f) => ({
              value: f.value,
              label: counts ? `${f.label} ${counts[f.key as keyof Counts]}` : f.label,
            }))}
          />
          <Space wrap size={8}>
            <Select<number>
              showSearch
              allowClear
              placeholder="全部批次"
              optionFilterProp="label"
              value={batchId}
              options={options}
              loading={batches === null && !batchesFailed}
              notFoundContent={batchesFailed ? '批次加载失败，请刷新重试' : batches === null ? '加载中…' : '没有匹配的批次'}
              onChange={(v) => setParam('batch_id', v ? String(v) : undefined)}
              popupMatchSelectWidth={false}
              style={{ width: 340 }}
              data-testid="orders-batch"
            />
            <Input.Search
              allowClear
              placeholder="订单编号 / 清单编号 / 运单号"
              enterButton={<SearchOutlined />}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(v) => setParam('q', v.trim() || undefined)}
              style={{ width: 300 }}
              data-testid="orders-search"
            />
            <Button icon={<ReloadOutlined />} onClick={() => void load()}>
              刷新
            </Button>
            <Button icon={<ExportOutlined />} loading={exporting} onClick={() => void exportOrders()} data-testid="orders-export">
              导出
            </Button>
          </Space>
        </Space>
        {error ? <Alert type="error" showIcon message="订单状态加载失败" description={error} action={<Button size="small" onClick={() => void load()}>重试</Button>} /> : null}
        <Table<OrderRow>
          rowKey="id"
          size="middle"
          loading={loading}
          columns={columns}
          dataSource={rows}
          scroll={{ x: 1100 }}
          onRow={(record) => ({ onDoubleClick: () => setOpenId(record.id) })}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={status || batchId || params.get('q') ? '没有符合条件的订单' : '还没有申报的订单：先在「导入申报」中上传并申报'} /> }}
          pagination={{ current: page, pageSize: 20, total, showSizeChanger: false, showTotal: (n) => `共 ${n} 单`, onChange: setPage }}
          data-testid="orders-table"
        />
      </Space>
      <OrderDrawer orderId={openId} onClose={() => setOpenId(null)} />
    </Card>
  );
}
