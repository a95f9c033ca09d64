/**
 * 多币种汇率看板 (F1): the board currencies against CNY with the latest quotes, change since the
 * previous close and the 30-day range; a trend chart (7 天 / 30 天 / 1 年); the person's rate alerts.
 */
import { ArrowDownOutlined, ArrowUpOutlined, BellOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert as AntAlert, App, Button, Card, Col, Empty, Form, InputNumber, Popconfirm, Row, Segmented, Select, Skeleton, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageHeading } from '@/shared/components/PageHeading';
import { RateTrendChart } from '@/shared/components/RateTrendChart';
import { errorMessage, unwrap } from '@/shared/errors';
import { change, dateTime, RANGES, type Alert, type BoardRow, type RangeKey, type Trend } from '@/shared/fx';
import { useMe } from '@/shared/session';
import './fx.css';

const EDIT = 'fx:rates:edit';

function Change({ row }: { row: BoardRow }) {
  const { text, up } = change(row);
  if (up === null) return <span>{text}</span>;
  return (
    <span className={up ? 'fx-up' : 'fx-down'}>
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {text}
    </span>
  );
}

function Board({ rows, selected, onSelect }: { rows: BoardRow[]; selected: string; onSelect: (c: string) => void }) {
  const sources = Array.from(new Set(rows.map((r) => r.latest?.source_label).filter(Boolean)));
  const latest = rows.find((r) => r.latest)?.latest;
  // The bank's bid and ask columns only when the source quotes them (the offline ECB data has one rate).
  const quotes = rows.some((r) => r.latest?.spot_buy);
  const bankColumns = quotes
    ? [
        { title: '现汇买入价', render: (_: unknown, r: BoardRow) => r.latest?.spot_buy ?? '—', align: 'right' as const },
        { title: '现钞买入价', render: (_: unknown, r: BoardRow) => r.latest?.cash_buy ?? '—', align: 'right' as const },
        { title: '现汇卖出价', render: (_: unknown, r: BoardRow) => r.latest?.spot_sell ?? '—', align: 'right' as const },
      ]
    : [];
  return (
    <Card
      variant="borderless"
      className="jmt-card"
      title="最新汇率（人民币 / 1 单位外币）"
      extra={latest ? <Typography.Text type="secondary">来源：{sources.join('、')} · 汇率日期 {latest.rate_date} · 抓取于 {dateTime(latest.fetched_at)}</Typography.Text> : null}
    >
      <Table<BoardRow>
        rowKey="currency"
        pagination={false}
        dataSource={rows}
        size="middle"
        scroll={{ x: 900 }}
        onRow={(row) => ({ onClick: () => onSelect(row.currency), className: row.currency === selected ? 'fx-row-selected' : 'fx-row' })}
        data-testid="fx-board"
        columns={[
          { title: '币种', dataIndex: 'name', render: (_, r) => <Space><strong>{r.name}</strong><Typography.Text type="secondary">{r.currency}/CNY</Typography.Text></Space> },
          ...bankColumns,
          { title: quotes ? '中行折算价' : '参考汇率（欧洲央行折算）', render: (_, r) => <strong>{r.latest?.middle ?? '暂无数据'}</strong>, align: 'right' },
          { title: '较上一收盘', render: (_, r) => <Change row={r} />, align: 'right' },
          { title: '30 日最高 / 最低', render: (_, r) => (r.latest ? `${r.latest.high_30d} / ${r.latest.low_30d}` : '—'), align: 'right' },
        ]}
      />
    </Card>
  );
}

function TrendCard({ rows, currency, onCurrency }: { rows: BoardRow[]; currency: string; onCurrency: (c: string) => void }) {
  const { api } = useMe();
  const [range, setRange] = useState<RangeKey>('30d');
  const [trend, setTrend] = useState<Trend | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setTrend(null);
    setError(null);
    unwrap(api.client.GET('/api/v1/fx/rates/trend', { params: { query: { currency, range } } }))
      .then(setTrend)
      .catch((e) => setError(errorMessage(e)));
  }, [api, currency, range]);
  const name = rows.find((r) => r.currency === currency)?.name ?? currency;
  return (
    <Card
      variant="borderless"
      className="jmt-card"
      title={`${name}走势（中行折算价 / 参考汇率）`}
      extra={
        <Space wrap>
          <Select value={currency} onChange={onCurrency} style={{ width: 120 }} options={rows.map((r) => ({ value: r.currency, label: r.name }))} aria-label="币种" />
          <Segmented value={range} onChange={(v) => setRange(v as RangeKey)} options={RANGES.map((r) => ({ value: r.value, label: r.label }))} />
        </Space>
      }
    >
      {error ? <AntAlert type="error" showIcon message={error} /> : null}
      {!trend && !error ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {trend && trend.points.length === 0 ? <Empty description="暂无该币种的历史汇率" /> : null}
      {trend && trend.points.length > 0 ? <RateTrendChart trend={trend} name={name} /> : null}
    </Card>
  );
}

function Alerts({ rows, defaultCurrency }: { rows: BoardRow[]; defaultCurrency: string }) {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const canEdit = access.can(EDIT);
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ currency: string; direction: 'above' | 'below'; threshold: number }>();

  const load = useCallback(() => {
    setError(null);
    unwrap(api.client.GET('/api/v1/fx/alerts'))
      .then(setAlerts)
      .catch((e) => setError(errorMessage(e)));
  }, [api]);
  useEffect(load, [load]);

  const create = async (values: { currency: string; direction: 'above' | 'below'; threshold: number }) => {
    setBusy(true);
    try {
      await unwrap(api.client.POST('/api/v1/fx/alerts', { body: { currency: values.currency, direction: values.direction, threshold: String(values.threshold) } }));
      message.success('已设置汇率提醒，汇率穿越阈值时将通过站内信和微信通知您');
      form.setFieldValue('threshold', undefined);
      load();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const setActive = async (alert: Alert, active: boolean) => {
    try {
      await unwrap(api.client.POST('/api/v1/fx/alerts/{alert_id}/active', { params: { path: { alert_id: alert.id } }, body: { active } }));
      load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const remove = async (alert: Alert) => {
    try {
      await unwrap(api.client.DELETE('/api/v1/fx/alerts/{alert_id}', { params: { path: { alert_id: alert.id } } }));
      message.success('已删除');
      load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card variant="borderless" className="jmt-card" title={<Space><BellOutlined />汇率提醒</Space>}>
      <Typography.Paragraph type="secondary">比较最新现汇买入价（离线数据时为参考汇率）。每次穿越阈值提醒一次，汇率回到另一侧后才会再次提醒；美元提醒可一键按提醒汇率发起结汇。</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => void create(v)} initialValues={{ currency: defaultCurrency, direction: 'above' }} disabled={!canEdit} style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item name="currency" label="币种">
          <Select style={{ width: 110 }} options={rows.map((r) => ({ value: r.currency, label: r.name }))} />
        </Form.Item>
        <Form.Item name="direction" label="当汇率">
          <Select style={{ width: 90 }} options={[{ value: 'above', label: '高于' }, { value: 'below', label: '低于' }]} />
        </Form.Item>
        <Form.Item name="threshold" rules={[{ required: true, message: '请输入阈值' }]}>
          <InputNumber min={0.0001} max={1000} step={0.01} precision={4} placeholder="如 7.1000" style={{ width: 140 }} data-testid="alert-threshold" />
        </Form.Item>
        <Form.Item>
          <Tooltip title={canEdit ? '' : '只读成员不能设置提醒'}>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="alert-create">
              添加提醒
            </Button>
          </Tooltip>
        </Form.Item>
      </Form>
      {error ? <AntAlert type="error" showIcon message={error} action={<Button size="small" onClick={load}>重试</Button>} /> : null}
      <Table<Alert>
        rowKey="id"
        loading={alerts === null && !error}
        dataSource={alerts ?? []}
        pagination={false}
        size="small"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有设置汇率提醒" /> }}
        data-testid="fx-alerts"
        columns={[
          { title: '提醒条件', render: (_, a) => `${a.currency_name} ${a.direction_label} ${a.threshold}` },
          { title: '状态', render: (_, a) => (!a.active ? <Tag>已暂停</Tag> : a.armed ? <Tag color="processing">等待触发</Tag> : <Tag color="warning">已触发，待汇率回落</Tag>) },
          { title: '最近触发', render: (_, a) => (a.last_fired_at ? `${dateTime(a.last_fired_at)}（${a.last_fired_rate}）` : '—') },
          {
            title: '操作',
            render: (_, a) => (
              <Space>
                <Switch size="small" checked={a.active} disabled={!canEdit} onChange={(v) => void setActive(a, v)} checkedChildren="启用" unCheckedChildren="暂停" />
                <Popconfirm title="删除这条提醒？" okText="删除" cancelText="取消" onConfirm={() => void remove(a)} disabled={!canEdit}>
                  <Button type="text" danger icon={<DeleteOutlined />} disabled={!canEdit} aria-label="删除提醒" />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

export default function FxRatesPage() {
  const { api } = useMe();
  const [params] = useSearchParams();
  const [rows, setRows] = useState<BoardRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [currency, setCurrency] = useState(params.get('currency') ?? 'USD');
  const load = useCallback(() => {
    setError(null);
    unwrap(api.client.GET('/api/v1/fx/rates'))
      .then(setRows)
      .catch((e) => setError(errorMessage(e)));
  }, [api]);
  useEffect(load, [load]);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeading subtitle="美元、欧元、英镑等主要币种对人民币汇率，含历史走势与汇率提醒" />
      {error ? <AntAlert type="error" showIcon message={error} action={<Button onClick={load}>重试</Button>} /> : null}
      {!rows && !error ? <Card className="jmt-card"><Skeleton active paragraph={{ rows: 8 }} /></Card> : null}
      {rows ? (
        <>
          <Board rows={rows} selected={currency} onSelect={setCurrency} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <TrendCard rows={rows} currency={currency} onCurrency={setCurrency} />
            </Col>
            <Col xs={24} xl={10}>
              <Alerts rows={rows} defaultCurrency={currency} />
            </Col>
          </Row>
        </>
      ) : null}
    </Space>
  );
}
