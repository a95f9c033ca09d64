/**
 * 出口订单批次报送 (C1): the approval progress of every batch at the top, the list of batches, a
 * pre-filled 新建批次 drawer and each batch's detail with its submit button. While the 点点通
 * configuration is missing or failing an Alert says what to fix and submitting is disabled.
 */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, Empty, Input, Progress, Result, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import CatalogPage from '../../catalog/CatalogPage';
import { BatchDetailDrawer } from './BatchDetail';
import { BatchForm } from './BatchForm';
import { BatchProgress } from './BatchProgress';
import { BATCH_STATUS_COLOR, EDIT_PERMISSION, type BatchBoard, type BatchOut, type Overview } from './batches';
import { formatDateTime } from '@/shared/datetime';

export default function BatchesPage() {
  const { api, me, access } = useMe();
  const { pathname } = useLocation();
  const gate = access.routeGate(me.catalog, pathname);
  const canEdit = access.can(EDIT_PERMISSION);

  const [overview, setOverview] = useState<Overview | null>(null);
  const [rows, setRows] = useState<BatchBoard[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<'' | 'draft' | 'declared' | 'partly_released' | 'released' | 'cleared'>('');
  const [keyword, setKeyword] = useState('');
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<BatchOut | null>(null);
  const [params] = useSearchParams();
  // A message's link (/customs/batches?id=…) opens the batch it names.
  const [openId, setOpenId] = useState<number | null>(Number(params.get('id')) || null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const [ov, list] = await Promise.all([
        unwrap(api.client.GET('/api/v1/customs/batches/overview')),
        unwrap(api.client.GET('/api/v1/customs/batches', { params: { query: { page, page_size: 10, status, keyword } } })),
      ]);
      setOverview(ov);
      setRows(list.items);
      setTotal(list.total);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, page, status, keyword]);

  useEffect(() => {
    if (gate?.ok) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  if (!gate || !gate.ok) return <CatalogPage />;
  const title = gate.item?.title ?? '出口订单批次报送';
  const totals = overview?.totals;
  const gateway = overview?.gateway;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to="/">首页</Link> }, { title: <Link to={gate.module.route}>{gate.module.title}</Link> }, { title }]}
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card variant="borderless" className="jmt-card">
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16 }}>
            <div>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {title}
              </Typography.Title>
              <Typography.Text type="secondary">
                一个批次对应一次出口申报：海关与口岸、运输方式和申报业务类型在批次里填一次，批次内的订单、运单和清单共用。
              </Typography.Text>
            </div>
            <Space>
              <Button icon={<ReloadOutlined />} onClick={() => void load()}>
                刷新
              </Button>
              {canEdit ? (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => { setEditing(null); setFormOpen(true); }} data-testid="batch-new">
                  新建批次
                </Button>
              ) : null}
            </Space>
          </div>
          {gateway && !gateway.ready ? (
            <Alert
              style={{ marginTop: 16 }}
              type="warning"
              showIcon
              data-testid="gateway-alert"
              message="点点通接口未就绪：可以新建批次，但暂不能提交申报"
              description={
                <>
                  {gateway.message}。<Link to="/customs/gateway">查看接口配置</Link>
                </>
              }
            />
          ) : null}
          {!canEdit ? <Alert style={{ marginTop: 16 }} type="info" showIcon message="您是只读成员：可以查看批次与进度；新建和提交需由商户管理员操作。" /> : null}
        </Card>

        {error ? (
          <Card variant="borderless" className="jmt-card">
            <Result status="error" title="加载批次失败" subTitle={error} extra={<Button onClick={() => void load()}>重试</Button>} />
          </Card>
        ) : null}

        <Row gutter={16} data-testid="batches-overview">
          <Col xs={24} md={6}>
            <Card variant="borderless" className="jmt-card" loading={!overview && loading}>
              <Statistic title="总体审批进度" value={totals?.progress ?? 0} suffix="%" />
              <Progress percent={totals?.progress ?? 0} showInfo={false} size="small" />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card variant="borderless" className="jmt-card" loading={!overview && loading}>
              <Statistic title="批次" value={totals?.batches ?? 0} suffix={<span style={{ fontSize: 13 }}>个</span>} />
              <Typography.Text type="secondary">订单 {totals?.orders ?? 0} 份，已入库 {totals?.orders_approved ?? 0}</Typography.Text>
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card variant="borderless" className="jmt-card" loading={!overview && loading}>
              <Statistic title="已放行 / 结关" value={`${totals?.released ?? 0} / ${totals?.closed ?? 0}`} />
              <Typography.Text type="secondary">清单 {totals?.inventories ?? 0} 份，已审结 {totals?.inventories_approved ?? 0}</Typography.Text>
            </Card>
          </Col>
          <Col xs={24} md={6}>
            <Card variant="borderless" className="jmt-card" loading={!overview && loading}>
              <Statistic title="需处理" value={totals?.needs_attention ?? 0} valueStyle={(totals?.needs_attention ?? 0) > 0 ? { color: '#cf1322' } : undefined} />
              <Typography.Text type="secondary">退单、异常或发送失败的单证</Typography.Text>
            </Card>
          </Col>
        </Row>

        <Card variant="borderless" className="jmt-card" title="批次列表">
          <Space style={{ marginBottom: 16 }} wrap>
            <Input.Search placeholder="批次名称、提运单号、航次" allowClear style={{ width: 260 }} onSearch={(v) => { setKeyword(v); setPage(1); }} />
            <Select
              style={{ width: 140 }}
              value={status}
              onChange={(v) => { setStatus(v); setPage(1); }}
              options={[
                { value: '', label: '全部状态' },
                { value: 'draft', label: '草稿' },
                { value: 'declared', label: '已申报' },
                { value: 'partly_released', label: '部分放行' },
                { value: 'released', label: '已放行' },
                { value: 'cleared', label: '已结关' },
              ]}
            />
          </Space>
          <Table<BatchBoard>
            rowKey={(r) => r.batch.id}
            loading={loading}
            dataSource={rows}
            scroll={{ x: 960 }}
            onRow={(r) => ({ onClick: () => setOpenId(r.batch.id), style: { cursor: 'pointer' } })}
            locale={{
              emptyText: (
                <Empty description="还没有批次">
                  {canEdit ? (
                    <Button type="primary" onClick={() => { setEditing(null); setFormOpen(true); }}>
                      新建第一个批次
                    </Button>
                  ) : null}
                </Empty>
              ),
            }}
            pagination={{ current: page, pageSize: 10, total, onChange: setPage, showTotal: (t) => `共 ${t} 个批次` }}
            columns={[
              {
                title: '批次',
                render: (_v, r) => (
                  <Space direction="vertical" size={0}>
                    <a data-testid={`batch-row-${r.batch.id}`}>{r.batch.name}</a>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      海关 {r.batch.customs_code} · 口岸 {r.batch.port_code} · {r.batch.traf_mode_label}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: '申报类型',
                width: 130,
                render: (_v, r) => (r.batch.statistics_flag === 'A' ? <Tag color="red">A 简化申报</Tag> : <Tag color="blue">B 汇总申报</Tag>),
              },
              { title: '状态', width: 90, render: (_v, r) => <Tag color={BATCH_STATUS_COLOR[r.batch.status]}>{r.batch.status_label}</Tag> },
              { title: '审批进度', width: 280, render: (_v, r) => <BatchProgress board={r} compact /> },
              { title: '放行 / 结关', width: 100, render: (_v, r) => `${r.released} / ${r.closed}` },
              {
                title: '需处理',
                width: 80,
                render: (_v, r) => (r.needs_attention > 0 ? <Tag color="red">{r.needs_attention}</Tag> : <Typography.Text type="secondary">0</Typography.Text>),
              },
              { title: '创建时间', width: 150, render: (_v, r) => formatDateTime(r.batch.created_at) },
            ]}
          />
        </Card>
      </Space>

      <BatchForm
        open={formOpen}
        batch={editing}
        onClose={() => setFormOpen(false)}
        onSaved={(saved) => {
          setFormOpen(false);
          void load();
          setOpenId(saved.id);
        }}
      />
      <BatchDetailDrawer
        batchId={openId}
        canEdit={canEdit}
        onClose={() => setOpenId(null)}
        onEdit={(detail) => {
          setEditing(detail.batch);
          setFormOpen(true);
        }}
        onChanged={() => void load()}
      />
    </>
  );
}
