/** H5 多币种汇率看板 (F1): latest rates with the change since the previous close, the trend chart, alerts. */
import { Button, Dialog, DotLoading, ErrorBlock, Form, Input, List, Selector, Switch, SwipeAction, Tabs, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { RateTrendChart } from '@/shared/components/RateTrendChart';
import { errorMessage, unwrap } from '@/shared/errors';
import { change, dateTime, RANGES, type Alert, type BoardRow, type RangeKey, type Trend } from '@/shared/fx';
import { useMe } from '@/shared/session';
import { MobileLoading } from '../customs/MobileCustomsShell';
import { MobileFxShell } from './MobileFxShell';
import './fx.css';

function TrendBlock({ currency, name }: { currency: string; name: string }) {
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
  return (
    <div className="m-fx-card">
      <div className="m-fx-card__title">
        <span>{name}走势</span>
      </div>
      <Tabs activeKey={range} onChange={(k) => setRange(k as RangeKey)}>
        {RANGES.map((r) => (
          <Tabs.Tab key={r.value} title={r.label} />
        ))}
      </Tabs>
      {error ? <ErrorBlock status="default" title="走势加载失败" description={error} /> : null}
      {!trend && !error ? <MobileLoading /> : null}
      {trend && trend.points.length === 0 ? <ErrorBlock status="empty" title="暂无历史汇率" description="" /> : null}
      {trend && trend.points.length > 0 ? <RateTrendChart trend={trend} name={name} height={220} /> : null}
    </div>
  );
}

function AlertsBlock({ rows }: { rows: BoardRow[] }) {
  const { api, access } = useMe();
  const canEdit = access.can('fx:rates:edit');
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ currency: string[]; direction: string[]; threshold: string }>();
  const load = useCallback(() => {
    unwrap(api.client.GET('/api/v1/fx/alerts'))
      .then(setAlerts)
      .catch((e) => setError(errorMessage(e)));
  }, [api]);
  useEffect(load, [load]);
  const create = async (v: { currency: string[]; direction: string[]; threshold: string }) => {
    try {
      await unwrap(
        api.client.POST('/api/v1/fx/alerts', { body: { currency: v.currency[0], direction: v.direction[0] as 'above' | 'below', threshold: v.threshold.trim() } }),
      );
      Toast.show({ icon: 'success', content: '已设置汇率提醒' });
      form.setFieldValue('threshold', '');
      load();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };
  const setActive = async (a: Alert, active: boolean) => {
    try {
      await unwrap(api.client.POST('/api/v1/fx/alerts/{alert_id}/active', { params: { path: { alert_id: a.id } }, body: { active } }));
      load();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };
  const remove = async (a: Alert) => {
    if (!(await Dialog.confirm({ content: '删除这条汇率提醒？', confirmText: '删除', cancelText: '取消' }))) return;
    try {
      await unwrap(api.client.DELETE('/api/v1/fx/alerts/{alert_id}', { params: { path: { alert_id: a.id } } }));
      load();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };
  return (
    <div className="m-fx-card">
      <div className="m-fx-card__title">汇率提醒</div>
      <div className="m-fx-muted">每次穿越阈值通过站内信和微信提醒一次；美元提醒可一键发起结汇。</div>
      {canEdit ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ currency: ['USD'], direction: ['above'], threshold: '' }}
          onFinish={(v) => void create(v)}
          footer={
            <Button block type="submit" color="primary" size="middle">
              添加提醒
            </Button>
          }
        >
          <Form.Item name="currency" label="币种">
            <Selector columns={3} options={rows.map((r) => ({ value: r.currency, label: r.name }))} />
          </Form.Item>
          <Form.Item name="direction" label="当汇率">
            <Selector columns={2} options={[{ value: 'above', label: '高于' }, { value: 'below', label: '低于' }]} />
          </Form.Item>
          <Form.Item name="threshold" label="阈值" rules={[{ required: true, message: '请输入阈值，如 7.1000' }]}>
            <Input type="text" inputMode="decimal" placeholder="如 7.1000" />
          </Form.Item>
        </Form>
      ) : null}
      {error ? <ErrorBlock status="default" title="提醒加载失败" description={error} /> : null}
      {alerts === null && !error ? <MobileLoading /> : null}
      {alerts && alerts.length === 0 ? <div className="m-fx-muted" style={{ padding: '12px 0' }}>还没有设置汇率提醒</div> : null}
      {alerts && alerts.length > 0 ? (
        <List>
          {alerts.map((a) => (
            <SwipeAction key={a.id} rightActions={canEdit ? [{ key: 'delete', text: '删除', color: 'danger', onClick: () => void remove(a) }] : []}>
              <List.Item
                description={!a.active ? '已暂停' : a.armed ? '等待触发' : `已触发（${a.last_fired_rate}），待汇率回落`}
                extra={<Switch checked={a.active} disabled={!canEdit} onChange={(v) => void setActive(a, v)} />}
              >
                {a.currency_name} {a.direction_label} {a.threshold}
              </List.Item>
            </SwipeAction>
          ))}
        </List>
      ) : null}
    </div>
  );
}

export default function MobileFxRatesPage() {
  const { api } = useMe();
  const [rows, setRows] = useState<BoardRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [currency, setCurrency] = useState('USD');
  const load = useCallback(() => {
    setError(null);
    unwrap(api.client.GET('/api/v1/fx/rates'))
      .then(setRows)
      .catch((e) => setError(errorMessage(e)));
  }, [api]);
  useEffect(load, [load]);
  const latest = rows?.find((r) => r.latest)?.latest;
  return (
    <MobileFxShell>
      {error ? <ErrorBlock status="default" title="汇率加载失败" description={error}><Button onClick={load}>重试</Button></ErrorBlock> : null}
      {!rows && !error ? <div style={{ padding: 48, textAlign: 'center' }}><DotLoading color="primary" /></div> : null}
      {rows ? (
        <>
          <div className="m-fx-card" data-testid="m-fx-board">
            <div className="m-fx-card__title">
              <span>人民币 / 1 单位外币</span>
            </div>
            {latest ? <div className="m-fx-muted" style={{ marginBottom: 6 }}>{latest.source_label} · 汇率日期 {latest.rate_date} · 抓取于 {dateTime(latest.fetched_at)}</div> : null}
            {rows.map((r) => {
              const c = change(r);
              return (
                <div key={r.currency} className={`m-fx-rate${r.currency === currency ? ' m-fx-rate--selected' : ''}`} onClick={() => setCurrency(r.currency)}>
                  <div>
                    <div className="m-fx-rate__name">{r.name} <span className="m-fx-muted">{r.currency}</span></div>
                    <div className="m-fx-muted">
                      {r.latest?.spot_buy ? `现汇买入 ${r.latest.spot_buy}` : '参考汇率'}
                      {r.latest ? ` · 30日 ${r.latest.low_30d}–${r.latest.high_30d}` : ''}
                    </div>
                  </div>
                  <div>
                    <div className="m-fx-rate__value">{r.latest?.middle ?? '—'}</div>
                    <div className={`m-fx-muted ${c.up === null ? '' : c.up ? 'm-fx-up' : 'm-fx-down'}`} style={{ textAlign: 'right' }}>{c.text}</div>
                  </div>
                </div>
              );
            })}
          </div>
          <TrendBlock currency={currency} name={rows.find((r) => r.currency === currency)?.name ?? currency} />
          <AlertsBlock rows={rows} />
        </>
      ) : null}
    </MobileFxShell>
  );
}
