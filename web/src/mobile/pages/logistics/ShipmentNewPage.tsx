/** H5 新建运单 (L2): the carrier and parcel chosen on the comparison, the sender from the merchant
 * profile, the recipient with the destination country's address fields, several parcels and several
 * goods lines (added and removed as on PC; a crystal line makes the shipment fragile and shows the
 * carrier's packing hint). */
import { Button, Checkbox, DotLoading, ErrorBlock, Form, Input, NavBar, NoticeBar, Picker, Toast } from 'antd-mobile';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { MobileCrystalHint } from '@/shared/crystal/MobileCrystalHint';
import { errorMessage, unwrap } from '@/shared/errors';
import { useCarrierQuote } from '@/shared/hooks/useCarrierQuote';
import { compareFrom, yuan, type Carrier, type Country } from '@/shared/logistics';
import { useMe } from '@/shared/session';
import {
  FRAGILE_PACKING_FALLBACK,
  fieldErrors,
  isFragile,
  loadShipForm,
  shipmentBody,
  type GoodsInput,
  type ParcelInput,
  type Sender,
} from '@/shared/shipmentForm';
import './logistics.css';

interface Values {
  recipient?: { name?: string; phone?: string; address?: Record<string, string> };
  parcels?: ParcelInput[];
  goods?: GoodsInput[];
  battery?: boolean;
  liquid?: boolean;
}

const required = (what: string) => ({ required: true, message: `请填写${what}` });
const positive = (what: string) => ({
  validator: (_: unknown, value: unknown) => (Number(value) > 0 ? Promise.resolve() : Promise.reject(new Error(`${what}须大于 0`))),
});

export default function ShipmentNewPage() {
  const { api } = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const compared = compareFrom(params);
  const [countries, setCountries] = useState<Country[]>([]);
  const [carriers, setCarriers] = useState<Carrier[]>([]);
  const [sender, setSender] = useState<Partial<Sender>>({});
  const [carrierId, setCarrierId] = useState<number>(Number(params.get('carrier')) || 0);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const parcels = Form.useWatch('parcels', form) as ParcelInput[] | undefined;
  const goods = Form.useWatch('goods', form) as GoodsInput[] | undefined;
  const battery = Form.useWatch('battery', form) as boolean | undefined;
  const liquid = Form.useWatch('liquid', form) as boolean | undefined;
  const fragile = isFragile(goods);
  const quote = useCarrierQuote(api, { carrier_id: carrierId, country: compared.country, parcels, goods, battery, liquid });

  useEffect(() => {
    loadShipForm(api).then(
      (loaded) => {
        setCountries(loaded.countries);
        setSender(loaded.sender);
        setCarriers(loaded.carriers);
      },
      (e) => setFailure(errorMessage(e)),
    );
  }, [api]);

  const spec = useMemo(() => countries.find((c) => c.code === compared.country), [countries, compared.country]);
  const carrier = carriers.find((c) => c.id === carrierId);
  const initialValues = useMemo<Values>(
    () => ({
      recipient: { address: {} },
      parcels: Array.from({ length: compared.pieces }, () => ({
        weight_kg: compared.weight_kg,
        length_cm: compared.length_cm,
        width_cm: compared.width_cm,
        height_cm: compared.height_cm,
      })),
      goods: [{ quantity: '1', unit_value: '10', crystal: compared.fragile }],
      battery: compared.battery,
      liquid: compared.liquid,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const submit = async (values: Values) => {
    setSaving(true);
    const body = shipmentBody({ ...values, carrier_id: carrierId, country: compared.country, sender });
    try {
      const created = await unwrap(api.client.POST('/api/v1/logistics/shipments', { body: body as never }));
      Toast.show({ icon: 'success', content: `运单 ${created.number} 已下单` });
      navigate(`/logistics/shipments/${created.id}`, { replace: true });
    } catch (e) {
      form.setFields(fieldErrors(e));
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
          <span className="m-lg__price" data-testid="ship-price">{quote?.eligible ? yuan(quote.total) : ''}</span>
        </div>
        <div className="m-lg__muted">
          寄往{spec.name} · {parcels?.length ?? 0} 件
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
        initialValues={initialValues}
        onFinish={(v) => void submit(v)}
        onFinishFailed={() => Toast.show({ content: '请按标红的提示补全运单信息' })}
        footer={
          <Button block color="primary" type="submit" loading={saving} disabled={!carrierId || (quote !== null && !quote.eligible)}>
            确认下单
          </Button>
        }
      >
        <Form.Header>收件人（{spec.name}）</Form.Header>
        <Form.Item name={['recipient', 'name']} label="姓名" rules={[required('收件人姓名')]}>
          <Input placeholder="收件人姓名" />
        </Form.Item>
        <Form.Item name={['recipient', 'phone']} label="电话" rules={[required('收件人电话')]}>
          <Input placeholder="含国家区号" />
        </Form.Item>
        {spec.fields.map((f) => (
          <Form.Item
            key={f.key}
            name={['recipient', 'address', f.key]}
            label={f.label}
            rules={[...(f.required ? [required(f.label)] : []), ...(f.pattern ? [{ pattern: new RegExp(f.pattern), message: `${f.label}格式不正确` }] : [])]}
          >
            <Input placeholder={f.hint || f.label} />
          </Form.Item>
        ))}
        <Form.Header>包裹</Form.Header>
        <Form.Array
          name="parcels"
          onAdd={(op) => op.add({ weight_kg: '1', length_cm: '20', width_cm: '20', height_cm: '10' })}
          renderAdd={() => <span className="m-lg__add" data-testid="add-parcel">+ 添加包裹</span>}
          renderHeader={({ index }, { remove }) => (
            <div className="m-lg__line-head">
              <span>第 {index + 1} 件</span>
              {(parcels?.length ?? 0) > 1 ? (
                <a className="m-lg__remove" role="button" aria-label={`删除第 ${index + 1} 件包裹`} onClick={() => remove(index)}>
                  删除
                </a>
              ) : null}
            </div>
          )}
        >
          {(fields) =>
            fields.map(({ index }) => (
              <div key={index} data-testid={`parcel-${index}`}>
                <Form.Item name={[index, 'weight_kg']} label="实重 (kg)" rules={[required('重量'), positive('重量')]}>
                  <Input type="number" inputMode="decimal" aria-label={`第 ${index + 1} 件实重`} placeholder="如 2" />
                </Form.Item>
                <Form.Item label="长宽高 (cm)" required>
                  <div className="m-lg__dims">
                    <Form.Item noStyle name={[index, 'length_cm']} rules={[required('长'), positive('长')]}>
                      <Input type="number" inputMode="decimal" aria-label={`第 ${index + 1} 件长`} placeholder="长" />
                    </Form.Item>
                    <Form.Item noStyle name={[index, 'width_cm']} rules={[required('宽'), positive('宽')]}>
                      <Input type="number" inputMode="decimal" aria-label={`第 ${index + 1} 件宽`} placeholder="宽" />
                    </Form.Item>
                    <Form.Item noStyle name={[index, 'height_cm']} rules={[required('高'), positive('高')]}>
                      <Input type="number" inputMode="decimal" aria-label={`第 ${index + 1} 件高`} placeholder="高" />
                    </Form.Item>
                  </div>
                </Form.Item>
              </div>
            ))
          }
        </Form.Array>
        <Form.Header>货品</Form.Header>
        <MobileCrystalHint place="shipment_goods" field="goods" />
        <Form.Array
          name="goods"
          onAdd={(op) => op.add({ quantity: '1', unit_value: '10', crystal: true })}
          renderAdd={() => <span className="m-lg__add" data-testid="add-goods">+ 添加货品</span>}
          renderHeader={({ index }, { remove }) => (
            <div className="m-lg__line-head">
              <span>
                货品 {index + 1}
                {goods?.[index]?.crystal ? <span className="m-lg__fragile">易碎</span> : null}
              </span>
              {(goods?.length ?? 0) > 1 ? (
                <a className="m-lg__remove" role="button" aria-label={`删除货品 ${index + 1}`} onClick={() => remove(index)}>
                  删除
                </a>
              ) : null}
            </div>
          )}
        >
          {(fields) =>
            fields.map(({ index }) => (
              <div key={index} data-testid={`goods-${index}`}>
                <Form.Item name={[index, 'name']} label="品名" rules={[required('品名')]}>
                  <Input aria-label={`货品 ${index + 1} 品名`} placeholder="白水晶手串" />
                </Form.Item>
                <Form.Item name={[index, 'name_en']} label="英文品名" rules={[required('英文品名')]}>
                  <Input aria-label={`货品 ${index + 1} 英文品名`} placeholder="Clear quartz bracelet" />
                </Form.Item>
                <Form.Item name={[index, 'quantity']} label="数量" rules={[required('数量'), positive('数量')]}>
                  <Input type="number" inputMode="numeric" aria-label={`货品 ${index + 1} 数量`} />
                </Form.Item>
                <Form.Item name={[index, 'unit_value']} label="申报单价 (USD)" rules={[required('申报单价'), positive('申报单价')]}>
                  <Input type="number" inputMode="decimal" aria-label={`货品 ${index + 1} 申报单价`} />
                </Form.Item>
                <Form.Item name={[index, 'crystal']} label="水晶制品" valuePropName="checked">
                  <Checkbox>按易碎品处理</Checkbox>
                </Form.Item>
              </div>
            ))
          }
        </Form.Array>
        {/* An empty header ends the 货品 group: antd-mobile would otherwise repeat 「货品」 above what follows. */}
        <Form.Header />
        <Form.Item label="特殊货物">
          <div className="m-lg__checks">
            <Form.Item noStyle name="battery" valuePropName="checked">
              <Checkbox>含电池</Checkbox>
            </Form.Item>
            <Form.Item noStyle name="liquid" valuePropName="checked">
              <Checkbox>含液体</Checkbox>
            </Form.Item>
          </div>
        </Form.Item>
        {fragile ? (
          <Form.Item>
            <div data-testid="packing-hint">
              <NoticeBar wrap color="alert" content={`水晶制品按易碎品处理。包装要求：${carrier?.fragile_packing_hint || FRAGILE_PACKING_FALLBACK}`} />
            </div>
          </Form.Item>
        ) : null}
      </Form>
    </div>
  );
}
