/** 新建运单 (L2): sender from the merchant profile, recipient with the destination's address fields,
 * parcels and goods (crystal flagged fragile with the carrier's packing hint), the carrier and its price. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Result, Row, Select, Skeleton, Space, Typography, message } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeading } from '@/shared/components/PageHeading';
import { CrystalHintTip } from '@/shared/crystal/CrystalHint';
import { errorMessage, unwrap } from '@/shared/errors';
import { useCarrierQuote } from '@/shared/hooks/useCarrierQuote';
import { compareFrom, transit, yuan, type Carrier, type Country } from '@/shared/logistics';
import { useMe } from '@/shared/session';
import { FRAGILE_PACKING_FALLBACK, fieldErrors, isFragile, loadShipForm, shipmentBody, type ShipmentInput } from '@/shared/shipmentForm';
import CatalogPage from '../catalog/CatalogPage';
import './logistics.css';

type FormValues = ShipmentInput;

export default function ShipmentNewPage() {
  const { api, me, access } = useMe();
  const { pathname } = useLocation();
  const gate = access.routeGate(me.catalog, '/logistics/shipments');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const [countries, setCountries] = useState<Country[]>([]);
  const [carriers, setCarriers] = useState<Carrier[]>([]);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const country = Form.useWatch('country', form);
  const carrierId = Form.useWatch('carrier_id', form);
  const parcels = Form.useWatch('parcels', form);
  const goods = Form.useWatch('goods', form);
  const battery = Form.useWatch('battery', form);
  const liquid = Form.useWatch('liquid', form);
  const fragile = isFragile(goods);
  const quote = useCarrierQuote(api, { carrier_id: carrierId, country, parcels, goods, battery, liquid });

  useEffect(() => {
    (async () => {
      try {
        const loaded = await loadShipForm(api);
        setCountries(loaded.countries);
        setCarriers(loaded.carriers);
        const c = compareFrom(params);
        form.setFieldsValue({
          carrier_id: Number(params.get('carrier')) || undefined,
          country: c.country,
          sender: loaded.sender,
          recipient: { name: '', phone: '', address: {} },
          parcels: Array.from({ length: c.pieces }, () => ({
            weight_kg: Number(c.weight_kg),
            length_cm: Number(c.length_cm),
            width_cm: Number(c.width_cm),
            height_cm: Number(c.height_cm),
          })),
          goods: [{ name: '', name_en: '', quantity: 1, unit_value: 10, crystal: c.fragile }],
          battery: c.battery,
          liquid: c.liquid,
        });
      } catch (e) {
        setFailure(errorMessage(e));
      } finally {
        setLoading(false);
      }
    })();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const spec = useMemo(() => countries.find((c) => c.code === country), [countries, country]);
  const carrier = carriers.find((c) => c.id === carrierId);

  if (!gate || !gate.ok || !access.can('logistics:shipments:edit')) return <CatalogPage />;
  if (loading) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  if (failure) return <Result status="error" title="加载失败" subTitle={failure} />;

  const submit = async (values: FormValues) => {
    setSaving(true);
    try {
      const created = await unwrap(api.client.POST('/api/v1/logistics/shipments', { body: shipmentBody(values) as never }));
      message.success(`运单 ${created.number} 已下单`);
      navigate(`/logistics/shipments/${created.id}`);
    } catch (e) {
      form.setFields(fieldErrors(e) as never); // antd types name paths per form shape; the server's are dynamic
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-path={pathname}>
      <PageHeading title="新建运单" />
      <Form form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Card title="寄件人" extra={<Typography.Text type="secondary">已按商户资料填写，可修改</Typography.Text>}>
                <Row gutter={12}>
                  <Col xs={24} md={12}><Form.Item name={['sender', 'company']} label="寄件单位"><Input /></Form.Item></Col>
                  <Col xs={12} md={6}><Form.Item name={['sender', 'name']} label="联系人"><Input /></Form.Item></Col>
                  <Col xs={12} md={6}><Form.Item name={['sender', 'phone']} label="电话"><Input /></Form.Item></Col>
                  <Col span={24}><Form.Item name={['sender', 'address']} label="寄件地址"><Input /></Form.Item></Col>
                </Row>
              </Card>
              <Card title="收件人">
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item name="country" label="目的国家" rules={[{ required: true, message: '请选择目的国家' }]}>
                      <Select options={countries.map((c) => ({ value: c.code, label: c.name }))} onChange={() => form.setFieldValue(['recipient', 'address'], {})} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}><Form.Item name={['recipient', 'name']} label="收件人姓名" rules={[{ required: true, message: '请填写收件人姓名' }]}><Input /></Form.Item></Col>
                  <Col xs={12} md={8}><Form.Item name={['recipient', 'phone']} label="收件人电话" rules={[{ required: true, message: '请填写收件人电话' }]}><Input /></Form.Item></Col>
                  {spec?.fields.map((f) => (
                    <Col key={f.key} xs={24} md={f.key.startsWith('address_line') ? 12 : 8}>
                      <Form.Item
                        name={['recipient', 'address', f.key]}
                        label={f.label}
                        rules={[
                          ...(f.required ? [{ required: true, message: `请填写${f.label}` }] : []),
                          ...(f.pattern ? [{ pattern: new RegExp(f.pattern), message: `${f.label}格式不正确${f.hint ? `（${f.hint}）` : ''}` }] : []),
                        ]}
                      >
                        <Input placeholder={f.hint} />
                      </Form.Item>
                    </Col>
                  ))}
                </Row>
              </Card>
              <Card title="包裹">
                <Form.List name="parcels">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((field, index) => (
                        <Space key={field.key} align="baseline" wrap>
                          <Typography.Text type="secondary">第 {index + 1} 件</Typography.Text>
                          <Form.Item name={[field.name, 'weight_kg']} rules={[{ required: true, message: '重量' }]}><InputNumber min={0.01} step={0.1} addonAfter="kg" style={{ width: 130 }} /></Form.Item>
                          <Form.Item name={[field.name, 'length_cm']} rules={[{ required: true, message: '长' }]}><InputNumber min={1} addonBefore="长" style={{ width: 120 }} /></Form.Item>
                          <Form.Item name={[field.name, 'width_cm']} rules={[{ required: true, message: '宽' }]}><InputNumber min={1} addonBefore="宽" style={{ width: 120 }} /></Form.Item>
                          <Form.Item name={[field.name, 'height_cm']} rules={[{ required: true, message: '高' }]}><InputNumber min={1} addonBefore="高" addonAfter="cm" style={{ width: 160 }} /></Form.Item>
                          {fields.length > 1 && <Button type="text" aria-label="删除包裹" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
                        </Space>
                      ))}
                      <Button icon={<PlusOutlined />} onClick={() => add({ weight_kg: 1, length_cm: 20, width_cm: 20, height_cm: 10 })}>添加包裹</Button>
                    </>
                  )}
                </Form.List>
              </Card>
              <Card title="货品" extra={<CrystalHintTip place="shipment_goods" field="goods" />}>
                <Form.List name="goods">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((field) => (
                        <Row key={field.key} gutter={8} align="middle">
                          <Col xs={12} md={5}><Form.Item name={[field.name, 'name']} label="品名" rules={[{ required: true, message: '请填写品名' }]}><Input placeholder="白水晶手串" /></Form.Item></Col>
                          <Col xs={12} md={6}><Form.Item name={[field.name, 'name_en']} label="英文品名" rules={[{ required: true, message: '请填写英文品名' }]}><Input placeholder="Clear quartz bracelet" /></Form.Item></Col>
                          <Col xs={8} md={3}><Form.Item name={[field.name, 'quantity']} label="数量" rules={[{ required: true, message: '数量' }]}><InputNumber min={1} style={{ width: '100%' }} /></Form.Item></Col>
                          <Col xs={8} md={4}><Form.Item name={[field.name, 'unit_value']} label="单价 (USD)" rules={[{ required: true, message: '单价' }]}><InputNumber min={0.01} style={{ width: '100%' }} /></Form.Item></Col>
                          <Col xs={8} md={4}><Form.Item name={[field.name, 'crystal']} valuePropName="checked" label=" "><Checkbox>水晶制品</Checkbox></Form.Item></Col>
                          <Col xs={24} md={2}>{fields.length > 1 && <Button type="text" aria-label="删除货品" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}</Col>
                        </Row>
                      ))}
                      <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1, unit_value: 10, crystal: true })}>添加货品</Button>
                    </>
                  )}
                </Form.List>
                <div style={{ marginTop: 16 }}>
                  <Space>
                    <Form.Item name="battery" valuePropName="checked" noStyle><Checkbox>含电池</Checkbox></Form.Item>
                    <Form.Item name="liquid" valuePropName="checked" noStyle><Checkbox>含液体</Checkbox></Form.Item>
                  </Space>
                </div>
                {fragile && (
                  <Alert
                    style={{ marginTop: 12 }}
                    type="warning"
                    showIcon
                    message="水晶制品按易碎品处理"
                    description={<span className="lg-hint">{carrier?.fragile_packing_hint || FRAGILE_PACKING_FALLBACK}</span>}
                  />
                )}
              </Card>
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <Card title="物流渠道与运费" className="lg-sticky">
              <Form.Item name="carrier_id" label="物流渠道" rules={[{ required: true, message: '请选择物流渠道' }]}>
                <Select
                  placeholder="选择渠道"
                  options={carriers.map((c) => ({ value: c.id, label: c.status === 'active' ? c.name : `${c.name}（${c.status_label}）`, disabled: c.status !== 'active' }))}
                />
              </Form.Item>
              {quote ? (
                quote.eligible ? (
                  <Descriptions column={1} size="small" bordered>
                    <Descriptions.Item label="计费重">{quote.chargeable_weight} kg</Descriptions.Item>
                    <Descriptions.Item label="运费">{yuan(quote.freight)}</Descriptions.Item>
                    {Number(quote.fuel_surcharge.amount) > 0 && <Descriptions.Item label="燃油附加费">{yuan(quote.fuel_surcharge)}</Descriptions.Item>}
                    {Number(quote.remote_fee.amount) > 0 && <Descriptions.Item label="偏远地区附加费">{yuan(quote.remote_fee)}</Descriptions.Item>}
                    <Descriptions.Item label="合计"><Typography.Text strong className="lg-price">{yuan(quote.total)}</Typography.Text></Descriptions.Item>
                    <Descriptions.Item label="时效">{transit(quote.transit_min, quote.transit_max)}</Descriptions.Item>
                  </Descriptions>
                ) : (
                  <Alert type="error" showIcon message="该渠道不能承运" description={quote.reasons.join('；')} />
                )
              ) : (
                <Typography.Text type="secondary">选择渠道并填写包裹后显示运费</Typography.Text>
              )}
              <Form.Item name="remark" label="备注" style={{ marginTop: 16 }}>
                <Input.TextArea rows={2} maxLength={300} />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={saving} disabled={quote !== null && !quote.eligible}>
                确认下单
              </Button>
            </Card>
          </Col>
        </Row>
      </Form>
    </Space>
  );
}
