/** H5 新建运单 (L2): the carrier and parcel chosen on the comparison, the sender from the merchant
 * profile, the recipient with the destination country's address fields, the goods (crystal = fragile). */
import { Button, Checkbox, DotLoading, ErrorBlock, Form, Input, NavBar, NoticeBar, Picker, Toast } from 'antd-mobile';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { compareFrom, yuan, type Carrier, type Country, type Quote } from '@/shared/logistics';
import { useMe } from '@/shared/session';
import './logistics.css';
import { MobileCrystalHint } from '@/shared/crystal/MobileCrystalHint';

export default function ShipmentNewPage() {
  const { api } = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const parcel = compareFrom(params);
  const [countries, setCountries] = useState<Country[]>([]);
  const [carriers, setCarriers] = useState<Carrier[]>([]);
  const [sender, setSender] = useState<Record<string, string>>({});
  const [quote, setQuote] = useState<Quote | null>(null);
  const [carrierId, setCarrierId] = useState<number>(Number(params.get('carrier')) || 0);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();

  useEffect(() => {
    Promise.all([unwrap(api.client.GET('/api/v1/logistics/ship-form')), unwrap(api.client.GET('/api/v1/logistics/carriers'))]).then(
      ([shipForm, list]) => {
        setCountries(shipForm.countries);
        setSender(shipForm.sender);
        setCarriers(list);
      },
      (e) => setFailure(errorMessage(e)),
    );
  }, [api]);

  useEffect(() => {
    if (!carrierId) return;
    const query = { ...Object.fromEntries(params.entries()), carrier_ids: [String(carrierId)] };
    unwrap(api.client.GET('/api/v1/logistics/quotes', { params: { query: query as never } })).then((rows) => setQuote(rows[0] ?? null), () => setQuote(null));
  }, [api, carrierId, params]);

  const spec = useMemo(() => countries.find((c) => c.code === parcel.country), [countries, parcel.country]);
  const carrier = carriers.find((c) => c.id === carrierId);

  const submit = async (values: Record<string, string | boolean>) => {
    setSaving(true);
    setErrors({});
    const address = Object.fromEntries((spec?.fields ?? []).map((f) => [f.key, String(values[`address_${f.key}`] ?? '')]));
    const body = {
      carrier_id: carrierId,
      country: parcel.country,
      sender,
      recipient: { name: String(values.name ?? ''), phone: String(values.phone ?? ''), address },
      parcels: Array.from({ length: parcel.pieces }, () => ({ weight_kg: parcel.weight_kg, length_cm: parcel.length_cm, width_cm: parcel.width_cm, height_cm: parcel.height_cm })),
      goods: [{ name: String(values.goods_name ?? ''), name_en: String(values.goods_name_en ?? ''), quantity: Number(values.quantity) || 1, unit_value: String(values.unit_value || '10'), crystal: Boolean(values.crystal) }],
    };
    try {
      const created = await unwrap(api.client.POST('/api/v1/logistics/shipments', { body: body as never }));
      Toast.show({ icon: 'success', content: `运单 ${created.number} 已下单` });
      navigate(`/logistics/shipments/${created.id}`, { replace: true });
    } catch (e) {
      if (e instanceof ApiFailure && e.details.fields) setErrors(e.details.fields as Record<string, string>);
      Toast.show({ content: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  if (failure) return <ErrorBlock status="default" title="加载失败" description={failure} />;
  if (!spec) {
    return (
      <div className="m-lg__loading">
        <DotLoading color="primary" />
      </div>
    );
  }
  return (
    <div className="m-lg">
      <NavBar onBack={() => navigate(-1)} style={{ background: '#fff' }}>
        新建运单
      </NavBar>
      <div className="m-lg__card">
        <div className="m-lg__row" onClick={() => setPickerOpen(true)}>
          <span className="m-lg__name">{carrier?.name ?? '选择物流渠道'}</span>
          <span className="m-lg__price">{quote?.eligible ? yuan(quote.total) : ''}</span>
        </div>
        <div className="m-lg__muted">
          寄往{spec.name} · {parcel.pieces} 件 · 每件 {parcel.weight_kg} kg {parcel.length_cm}×{parcel.width_cm}×{parcel.height_cm} cm
          {quote?.eligible ? ` · 计费重 ${quote.chargeable_weight} kg` : ''}
        </div>
        {quote && !quote.eligible ? <div className="m-lg__muted" style={{ color: '#cf1322' }}>{quote.reasons.join('；')}</div> : null}
        <div className="m-lg__muted">寄件人：{[sender.company, sender.name, sender.phone].filter(Boolean).join(' · ')}（商户资料）</div>
      </div>
      <Picker
        columns={[carriers.filter((c) => c.status === 'active').map((c) => ({ value: String(c.id), label: c.name }))]}
        visible={pickerOpen}
        onClose={() => setPickerOpen(false)}
        value={[String(carrierId)]}
        onConfirm={(v) => setCarrierId(Number(v[0]))}
      />
      <Form
        form={form}
        layout="horizontal"
        initialValues={{ crystal: parcel.fragile, quantity: '1', unit_value: '10' }}
        onFinish={(v) => void submit(v)}
        footer={
          <Button block color="primary" type="submit" loading={saving} disabled={!carrierId || (quote !== null && !quote.eligible)}>
            确认下单
          </Button>
        }
      >
        <Form.Header>收件人（{spec.name}）</Form.Header>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写收件人姓名' }]}><Input placeholder="收件人姓名" /></Form.Item>
        <Form.Item name="phone" label="电话" rules={[{ required: true, message: '请填写收件人电话' }]}><Input placeholder="含国家区号" /></Form.Item>
        {spec.fields.map((f) => (
          <Form.Item
            key={f.key}
            name={`address_${f.key}`}
            label={f.label}
            rules={[...(f.required ? [{ required: true, message: `请填写${f.label}` }] : []), ...(f.pattern ? [{ pattern: new RegExp(f.pattern), message: `${f.label}格式不正确` }] : [])]}
            help={errors[`recipient.address.${f.key}`]}
          >
            <Input placeholder={f.hint || f.label} />
          </Form.Item>
        ))}
        <Form.Header>货品</Form.Header>
        <MobileCrystalHint place="shipment_goods" field="goods" />
        <Form.Item name="goods_name" label="品名" rules={[{ required: true, message: '请填写品名' }]}><Input placeholder="白水晶手串" /></Form.Item>
        <Form.Item name="goods_name_en" label="英文品名" rules={[{ required: true, message: '请填写英文品名' }]}><Input placeholder="Clear quartz bracelet" /></Form.Item>
        <Form.Item name="quantity" label="数量"><Input type="number" /></Form.Item>
        <Form.Item name="unit_value" label="申报单价 (USD)"><Input type="number" /></Form.Item>
        <Form.Item name="crystal" label="水晶制品" valuePropName="checked"><Checkbox>按易碎品处理</Checkbox></Form.Item>
      </Form>
      {parcel.fragile && carrier?.fragile_packing_hint ? <NoticeBar wrap color="alert" content={`包装要求：${carrier.fragile_packing_hint}`} /> : null}
    </div>
  );
}
