/** 一站式发货 (L2): the merchant's shipments with search and state filter; 新建运单 opens the form. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeading } from '@/shared/components/PageHeading';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage, unwrap } from '@/shared/errors';
import { STATE_COLORS, STATE_FILTERS, yuan, type ShipmentRow } from '@/shared/logistics';
import { useMe } from '@/shared/session';
import CatalogPage from '../catalog/CatalogPage';
import './logistics.css';

export default function ShipmentsPage() {
  const { api, me, access } = useMe();
  const { pathname } = useLocation();
  const gate = access.routeGate(me.catalog, pathname);
  const canShip = access.can('logistics:shipments:edit');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const [q, setQ] = useState(params.get('q') ?? '');
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<ShipmentRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setFailure(null);
    try {
      const data = await unwrap(
        api.client.GET('/api/v1/logistics/shipments', { params: { query: { q: params.get('q') ?? '', state, page, page_size: 20 } } }),
      );
      setRows(data.items);
      setTotal(data.total);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, params, state, page]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!gate || !gate.ok) return <CatalogPage />;

  const update = (next: Record<string, string>) => {
    const merged = new URLSearchParams(params);
    Object.entries(next).forEach(([k, v]) => (v ? merged.set(k, v) : merged.delete(k)));
    setPage(1);
    setParams(merged);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title="一站式发货" subtitle="寄件信息自动填写，轨迹实时跟踪" />
      <Card
        title="我的运单"
        extra={
          canShip && (
            <Space>
              <Button onClick={() => navigate('/logistics/carriers')}>先比价</Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/logistics/shipments/new')}>
                新建运单
              </Button>
            </Space>
          )
        }
      >
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Segmented value={state} options={STATE_FILTERS} onChange={(v) => update({ state: String(v) })} />
            <Input.Search
              allowClear
              placeholder="运单编号 / 承运商运单号 / 收件人"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onSearch={(v) => update({ q: v })}
              style={{ width: 280 }}
            />
          </Space>
          {failure && <Alert type="error" showIcon message="加载失败" description={failure} action={<Button onClick={() => void load()}>重试</Button>} />}
          <Table<ShipmentRow>
            rowKey="id"
            loading={loading}
            dataSource={rows}
            scroll={{ x: 960 }}
            locale={{ emptyText: <Empty description={state || params.get('q') ? '没有符合条件的运单' : '还没有运单，先比价再发货'} /> }}
            pagination={{ current: page, total, pageSize: 20, onChange: setPage, showTotal: (t) => `共 ${t} 票` }}
            columns={[
              { title: '运单编号', dataIndex: 'number', render: (v: string, r) => <Link to={`/logistics/shipments/${r.id}`}>{v}</Link> },
              { title: '物流渠道', dataIndex: 'carrier_name' },
              { title: '目的地', render: (_, r) => `${r.country_name} · ${r.recipient_name}` },
              { title: '状态', render: (_, r) => <Tag color={STATE_COLORS[r.state]}>{r.state_label}</Tag> },
              { title: '承运商运单号', dataIndex: 'tracking_no', render: (v: string) => v || <Typography.Text type="secondary">待录入</Typography.Text> },
              { title: '计费重', render: (_, r) => `${r.chargeable_weight} kg` },
              { title: '运费', render: (_, r) => yuan(r.amount) },
              { title: '下单时间', dataIndex: 'created_at', render: (v: string) => formatDateTime(v) },
            ]}
          />
        </Space>
      </Card>
    </Space>
  );
}
