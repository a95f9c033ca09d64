/** H5 物流服务商选择 (L1): destination, weight, size → carriers as cards, cheapest first, with why others are out. */
import { Button, Checkbox, DotLoading, ErrorBlock, Form, Input, NavBar, Selector, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import { compareFrom, compareQuery, onTime, quotesQuery, transit, yuan, type CompareValues, type Country, type Quote } from '@/shared/logistics';
import { useMe } from '@/shared/session';
import './logistics.css';

const TAG_COLORS: Record<string, string> = { 最便宜: 'success', 最快: 'primary', 最稳: '#722ed1' };

export default function CarriersPage() {
  const { api, access } = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [values, setValues] = useState<CompareValues>(compareFrom(params));
  const [countries, setCountries] = useState<Country[]>([]);
  const [quotes, setQuotes] = useState<Quote[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const canShip = access.can('logistics:shipments:edit');
  const canFavourite = access.can('logistics:carriers:edit');

  const run = useCallback(
    async (v: CompareValues) => {
      setLoading(true);
      setFailure(null);
      try {
        setQuotes(await unwrap(api.client.GET('/api/v1/logistics/quotes', { params: { query: quotesQuery(v) as never } })));
      } catch (e) {
        setFailure(errorMessage(e));
      } finally {
        setLoading(false);
      }
    },
    [api],
  );

  useEffect(() => {
    unwrap(api.client.GET('/api/v1/logistics/countries')).then(setCountries, (e) => setFailure(errorMessage(e)));
    void run(values);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const set = (patch: Partial<CompareValues>) => setValues({ ...values, ...patch });
  const submit = () => {
    if (!Number(values.weight_kg) || !Number(values.length_cm) || !Number(values.width_cm) || !Number(values.height_cm)) {
      Toast.show({ content: '请填写重量和长宽高' });
      return;
    }
    setParams(compareQuery(values));
    void run(values);
  };
  const ship = (q: Quote) => navigate(`/logistics/shipments/new?${new URLSearchParams({ ...compareQuery(values), carrier: String(q.carrier.id) }).toString()}`);

  const toggleFavourite = async (q: Quote) => {
    try {
      await unwrap(api.client.PUT('/api/v1/logistics/favourites', { body: { carrier_id: q.carrier.id, favourite: !q.carrier.favourite } }));
      Toast.show({ content: q.carrier.favourite ? '已取消常用' : '已设为常用渠道' });
      void run(values);
    } catch (e) {
      Toast.show({ content: errorMessage(e) });
    }
  };

  const eligible = (quotes ?? []).filter((q) => q.eligible);
  const ruledOut = (quotes ?? []).filter((q) => !q.eligible);

  return (
    <div className="m-lg">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        物流比价
      </NavBar>
      <Form layout="horizontal" footer={<Button block color="primary" loading={loading} onClick={submit}>比价</Button>}>
        <Form.Item label="目的国家" layout="vertical">
          <Selector columns={4} value={[values.country]} onChange={(v) => v[0] && set({ country: v[0] })} options={countries.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <Form.Item label="实重 (kg)">
          <Input type="number" value={String(values.weight_kg)} onChange={(v) => set({ weight_kg: v })} placeholder="如 2" />
        </Form.Item>
        <Form.Item label="长宽高 (cm)">
          <div className="m-lg__dims">
            <Input type="number" aria-label="长" value={String(values.length_cm)} onChange={(v) => set({ length_cm: v })} placeholder="长" />
            <Input type="number" aria-label="宽" value={String(values.width_cm)} onChange={(v) => set({ width_cm: v })} placeholder="宽" />
            <Input type="number" aria-label="高" value={String(values.height_cm)} onChange={(v) => set({ height_cm: v })} placeholder="高" />
          </div>
        </Form.Item>
        <Form.Item label="货物">
          <Checkbox checked={values.fragile} onChange={(v) => set({ fragile: v })}>含水晶（易碎）</Checkbox>
        </Form.Item>
      </Form>
      {failure ? <ErrorBlock status="default" title="比价失败" description={failure} /> : null}
      {quotes === null && !failure ? (
        <div className="m-lg__loading">
          <DotLoading color="primary" />
        </div>
      ) : null}
      {quotes !== null && !eligible.length ? <ErrorBlock status="empty" title="没有渠道能承运" description="请调整重量尺寸或目的地" /> : null}
      {eligible.map((q) => (
        <div className="m-lg__card" key={q.carrier.id} data-testid={`quote-${q.carrier.code}`}>
          <div className="m-lg__row">
            <span className="m-lg__name">
              {canFavourite ? (
                <button
                  type="button"
                  className={`m-lg__star${q.carrier.favourite ? ' m-lg__star--on' : ''}`}
                  aria-label={q.carrier.favourite ? `取消常用 ${q.carrier.name}` : `设为常用 ${q.carrier.name}`}
                  onClick={() => void toggleFavourite(q)}
                >
                  {q.carrier.favourite ? '★' : '☆'}
                </button>
              ) : null}
              {q.carrier.name}
            </span>
            <span className="m-lg__price">{yuan(q.total)}</span>
          </div>
          <div className="m-lg__tags">
            {q.tags.map((t) => (
              <Tag key={t} color={TAG_COLORS[t]} fill="outline">
                {t}
              </Tag>
            ))}
          </div>
          <div className="m-lg__muted">
            计费重 {q.chargeable_weight} kg · 时效 {transit(q.transit_min, q.transit_max)} · 准时率 {onTime(q.carrier.on_time_rate)}
          </div>
          <div className="m-lg__muted">
            运费 {yuan(q.freight)}
            {Number(q.fuel_surcharge.amount) > 0 ? ` + 燃油附加费 ${yuan(q.fuel_surcharge)}` : ''}
            {Number(q.remote_fee.amount) > 0 ? ` + 偏远 ${yuan(q.remote_fee)}` : ''}
          </div>
          {canShip ? (
            <div className="m-lg__actions">
              <Button size="small" color="primary" onClick={() => ship(q)}>
                用此渠道发货
              </Button>
            </div>
          ) : null}
        </div>
      ))}
      {ruledOut.length ? <div className="m-lg__section m-lg__muted">不可承运（{ruledOut.length}）</div> : null}
      {ruledOut.map((q) => (
        <div className="m-lg__card" key={q.carrier.id}>
          <span className="m-lg__name">{q.carrier.name}</span>
          <ul className="m-lg__reasons">
            {q.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
