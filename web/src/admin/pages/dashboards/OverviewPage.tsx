/** A3 综合数据: live figures, world map of order destinations, hot products, logistics timeliness, reports. */
import { DownloadOutlined, FullscreenOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Col, Empty, Form, Input, Modal, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import { useExportQueued } from '@/shared/components/useExportQueued';
import { useMe } from '@/shared/session';
import { formatCount, formatLarge, OVERVIEW_EXPORT, OVERVIEW_VIEW, refreshedText, useCockpit, type Filters, type Overview } from './cockpit';
import { CarrierChart, OrdersTrendChart, RankBars, WorldMapChart } from './CockpitCharts';
import { CockpitFilters, CockpitFrame, defaultFilters } from './CockpitFrame';

const STATUS_COLORS: Record<string, string> = { approved: 'green', in_progress: 'blue', not_started: 'default' };

function Figures({ data }: { data: Overview }) {
  const f = data.figures;
  const cards: { title: string; value: string; note: string; testid: string }[] = [
    { title: '今日电子订单', value: formatCount(f.orders_today), note: `本月 ${formatCount(f.orders_month)} 单`, testid: 'fig-orders-today' },
    { title: '期间电子订单', value: formatCount(f.orders_period), note: `${data.start} 至 ${data.end}`, testid: 'fig-orders-period' },
    { title: '申报中清单', value: formatCount(f.declarations_in_flight), note: '已发送、待海关回执或查验中', testid: 'fig-declarations' },
    { title: '退税办理中', value: formatCount(f.refunds_in_flight), note: '申报、审核、退库中', testid: 'fig-refunds' },
    { title: '期间结汇（美元）', value: formatLarge(f.usd_settled), note: `完成 ${formatCount(f.settlements_completed)} 笔`, testid: 'fig-usd' },
    { title: '期间物流运单', value: formatCount(f.shipments_period), note: `当前在途 ${formatCount(f.shipments_in_transit)} 票`, testid: 'fig-shipments' },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={6}>
        <Card variant="borderless" className="jmt-card" style={{ height: '100%' }} data-testid="fig-merchants">
          <Statistic title="商户总数" value={formatCount(f.merchants_total)} />
          <Space size={[4, 4]} wrap style={{ marginTop: 8 }}>
            {f.merchants_by_status.map((s) => (
              <Tag key={s.status} color={STATUS_COLORS[s.status]}>
                {s.label} {formatCount(s.count)}
              </Tag>
            ))}
          </Space>
        </Card>
      </Col>
      {cards.map((c) => (
        <Col key={c.title} xs={12} md={8} xl={3}>
          <Card variant="borderless" className="jmt-card" style={{ height: '100%' }} data-testid={c.testid}>
            <Statistic title={c.title} value={c.value} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.note}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Destinations({ data }: { data: Overview }) {
  const total = data.destinations.reduce((sum, d) => sum + d.orders, 0);
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} xl={16}>
        <Card variant="borderless" className="jmt-card" title="全球订单分布（按出口清单运抵国）" data-testid="cockpit-map">
          {data.destinations.length === 0 ? <Empty description="所选期间没有出口清单" /> : <WorldMapChart destinations={data.destinations} height={400} />}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card variant="borderless" className="jmt-card" title="目的国排行" style={{ height: '100%' }}>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            scroll={{ y: 352 }}
            dataSource={data.destinations}
            locale={{ emptyText: '所选期间没有出口清单' }}
            columns={[
              { title: '国家（地区）', dataIndex: 'name' },
              { title: '清单数', dataIndex: 'orders', align: 'right', render: (n: number) => formatCount(n) },
              { title: '占比', key: 'share', align: 'right', render: (_: unknown, r) => (total ? `${((r.orders / total) * 100).toFixed(1)}%` : '—') },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

function Products({ data }: { data: Overview }) {
  const { by_quantity: byQuantity, by_value: byValue } = data.products;
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} xl={12}>
        <Card variant="borderless" className="jmt-card" title="热销商品 · 按申报数量（HS 编码）" data-testid="cockpit-hot-quantity">
          {byQuantity.length === 0 ? (
            <Empty description="所选期间没有申报商品" />
          ) : (
            <RankBars name="申报数量" unit="" rows={byQuantity.map((r) => ({ label: r.name, value: r.quantity, hint: `HS ${r.hs} · ${formatCount(r.lines)} 个商品行` }))} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card variant="borderless" className="jmt-card" title="热销商品 · 按申报货值（HS 编码，分币制）" data-testid="cockpit-hot-value">
          {byValue.length === 0 ? (
            <Empty description="所选期间没有申报商品" />
          ) : (
            <RankBars name="申报总价" unit="" color="#0ea5e9" rows={byValue.map((r) => ({ label: `${r.name}（${r.currency}）`, value: r.value, hint: `HS ${r.hs}` }))} />
          )}
        </Card>
      </Col>
    </Row>
  );
}

function Logistics({ data }: { data: Overview }) {
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} xl={10}>
        <Card variant="borderless" className="jmt-card" title="电子订单趋势" style={{ height: '100%' }}>
          <OrdersTrendChart days={data.orders_by_day} height={300} />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card variant="borderless" className="jmt-card" title="物流时效（按渠道，期间内签收的运单）" style={{ height: '100%' }} data-testid="cockpit-carriers">
          {data.carriers.length === 0 ? (
            <Empty description="所选期间没有签收的运单" />
          ) : (
            <>
              <CarrierChart carriers={data.carriers} height={220} />
              <Table
                size="small"
                rowKey="carrier"
                pagination={false}
                dataSource={data.carriers}
                columns={[
                  { title: '物流渠道', dataIndex: 'carrier' },
                  { title: '签收票数', dataIndex: 'delivered', align: 'right', render: (n: number) => formatCount(n) },
                  { title: '准时 / 有承诺时效', key: 'on_time', align: 'right', render: (_: unknown, r) => `${formatCount(r.on_time)} / ${formatCount(r.measured)}` },
                  { title: '准时率', dataIndex: 'on_time_rate', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v}%`) },
                  { title: '平均运输天数', dataIndex: 'average_days', align: 'right', render: (v: number | null) => (v === null ? '—' : `${v} 天`) },
                ]}
              />
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}

function ReportButton({ filters, countries }: { filters: Filters; countries: Overview['destinations'] }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ country?: string; hs?: string }>();
  const exportQueued = useExportQueued();
  const download = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const queued = await unwrap(
        api.client.POST('/api/v1/admin/cockpits/report', {
          params: { query: { ...filters, country: values.country ?? '', hs: values.hs ?? '' } },
        }),
      );
      setOpen(false);
      exportQueued(queued.title);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setOpen(true)} data-testid="cockpit-report">
        自定义报表
      </Button>
      <Modal title="导出自定义报表（Excel）" open={open} onCancel={() => setOpen(false)} onOk={() => void download()} okText="加入下载中心" confirmLoading={busy} destroyOnHidden>
        <Typography.Paragraph type="secondary">
          期间 {filters.start} 至 {filters.end}
          {filters.merchant_id ? '，所选商户' : '，全部可见商户'}；报表按日期、目的国、商品（HS 编码）、商户分表汇总申报数量与货值。
        </Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="country" label="目的国（地区）">
            <Select allowClear showSearch optionFilterProp="label" placeholder="全部目的国" options={countries.map((c) => ({ value: c.code, label: c.name }))} />
          </Form.Item>
          <Form.Item name="hs" label="商品 HS 编码" rules={[{ pattern: /^\d{0,10}$/, message: '请填写 HS 编码的数字（可只填前几位，如 7116）' }]}>
            <Input placeholder="全部商品；可只填前几位，如 7116" maxLength={10} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export default function OverviewPage() {
  const { access } = useMe();
  const [filters, setFilters] = useState<Filters>(defaultFilters);
  const { data, error, loading } = useCockpit<Overview>('/api/v1/admin/cockpits/overview', filters);
  return (
    <CockpitFrame
      title="综合数据"
      description="实时数据、全球订单分布、热销商品与物流时效"
      permission={OVERVIEW_VIEW}
      extra={
        <Space wrap>
          <CockpitFilters cockpit="overview" value={filters} onChange={setFilters} />
          <Link to="/dashboards/overview/screen" target="_blank">
            <Button type="primary" icon={<FullscreenOutlined />} data-testid="cockpit-screen">
              大屏展示
            </Button>
          </Link>
          {access.can(OVERVIEW_EXPORT) ? <ReportButton filters={filters} countries={data?.destinations ?? []} /> : null}
        </Space>
      }
    >
      {error ? <Alert type="error" showIcon message="加载失败" description={error} style={{ marginBottom: 16 }} /> : null}
      {!data ? (
        error ? null : <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <div style={{ opacity: loading ? 0.6 : 1, transition: 'opacity .2s' }} data-testid="overview-cockpit">
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
            {refreshedText(data.refreshed_at, data.live)}；「申报中」「办理中」「在途」为当前实时数
          </Typography.Text>
          <Figures data={data} />
          <Destinations data={data} />
          <Products data={data} />
          <Logistics data={data} />
        </div>
      )}
    </CockpitFrame>
  );
}
