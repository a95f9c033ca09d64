/** 物流服务商选择 (L1): destination, weight and size → every carrier side by side, with why one is ruled out. */
import { QuestionCircleOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Empty, Form, InputNumber, Row, Select, Skeleton, Space, Table, Tag, Tooltip, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeading } from '@/shared/components/PageHeading';
import { errorMessage, unwrap } from '@/shared/errors';
import { compareFrom, compareQuery, ON_TIME_HELP, onTime, quotesQuery, TAG_COLORS, transit, yuan, type Carrier, type CompareValues, type Country, type Quote } from '@/shared/logistics';
import { useMe } from '@/shared/session';
import CatalogPage from '../catalog/CatalogPage';
import './logistics.css';

export default function CarriersPage() {
  const { api, me, access } = useMe();
  const { pathname } = useLocation();
  const gate = access.routeGate(me.catalog, pathname);
  const canFavourite = access.can('logistics:carriers:edit');
  const canShip = access.can('logistics:shipments:edit');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<CompareValues>();
  const [countries, setCountries] = useState<Country[]>([]);
  const [carriers, setCarriers] = useState<Carrier[]>([]);
  const [quotes, setQuotes] = useState<Quote[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const run = useCallback(
    async (values: CompareValues) => {
      setLoading(true);
      setFailure(null);
      try {
        const data = await unwrap(api.client.GET('/api/v1/logistics/quotes', { params: { query: quotesQuery(values) as never } }));
        setQuotes(data);
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
    unwrap(api.client.GET('/api/v1/logistics/carriers')).then(setCarriers, () => setCarriers([]));
    const initial = compareFrom(params);
    form.setFieldsValue(initial);
    void run(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!gate || !gate.ok) return <CatalogPage />;

  const submit = (values: CompareValues) => {
    setParams(compareQuery(values));
    void run(values);
  };

  const toggleFavourite = async (quote: Quote) => {
    try {
      await unwrap(api.client.PUT('/api/v1/logistics/favourites', { body: { carrier_id: quote.carrier.id, favourite: !quote.carrier.favourite } }));
      message.success(quote.carrier.favourite ? '已取消常用' : '已设为常用渠道');
      setCarriers((list) => list.map((c) => (c.id === quote.carrier.id ? { ...c, favourite: !quote.carrier.favourite } : c)));
      void run(form.getFieldsValue());
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const ship = (quote: Quote) => {
    const query = new URLSearchParams({ ...compareQuery(form.getFieldsValue()), carrier: String(quote.carrier.id) });
    navigate(`/logistics/shipments/new?${query.toString()}`);
  };

  const eligible = (quotes ?? []).filter((q) => q.eligible);
  const ruledOut = (quotes ?? []).filter((q) => !q.eligible);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title="物流服务商选择" subtitle="输入目的地、重量与尺寸，对比各渠道运费、时效与限制" />
      <Card>
        <Form form={form} layout="inline" onFinish={submit} className="lg-compare-form">
          <Form.Item name="country" label="目的国家" rules={[{ required: true, message: '请选择目的国家' }]}>
            <Select style={{ width: 140 }} options={countries.map((c) => ({ value: c.code, label: c.name }))} />
          </Form.Item>
          <Form.Item name="weight_kg" label="实重 (kg)" rules={[{ required: true, message: '请填写重量' }]}>
            <InputNumber min={0.01} max={1000} step={0.1} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item label="长×宽×高 (cm)" required>
            <Space.Compact>
              <Form.Item name="length_cm" noStyle rules={[{ required: true }]}>
                <InputNumber min={1} max={1000} placeholder="长" style={{ width: 72 }} />
              </Form.Item>
              <Form.Item name="width_cm" noStyle rules={[{ required: true }]}>
                <InputNumber min={1} max={1000} placeholder="宽" style={{ width: 72 }} />
              </Form.Item>
              <Form.Item name="height_cm" noStyle rules={[{ required: true }]}>
                <InputNumber min={1} max={1000} placeholder="高" style={{ width: 72 }} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="pieces" label="件数">
            <InputNumber min={1} max={20} style={{ width: 72 }} />
          </Form.Item>
          <Form.Item name="fragile" valuePropName="checked">
            <Checkbox>含水晶（易碎）</Checkbox>
          </Form.Item>
          <Form.Item name="battery" valuePropName="checked">
            <Checkbox>带电池</Checkbox>
          </Form.Item>
          <Form.Item name="liquid" valuePropName="checked">
            <Checkbox>液体</Checkbox>
          </Form.Item>
          <Form.Item
            name="carrier_ids"
            label="对比渠道"
            rules={[{ validator: (_, v: number[] | undefined) => (!v?.length || v.length >= 2 ? Promise.resolve() : Promise.reject(new Error('请选择 2–4 个渠道，或清空以比较全部'))) }]}
          >
            <Select
              mode="multiple"
              allowClear
              maxCount={4}
              maxTagCount="responsive"
              placeholder="全部渠道（可选 2–4 个）"
              style={{ width: 260 }}
              options={[...carriers].sort((a, b) => Number(b.favourite) - Number(a.favourite)).map((c) => ({ value: c.id, label: c.favourite ? `★ ${c.name}` : c.name }))}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={loading}>
              比价
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {failure && <Alert type="error" showIcon message="比价失败" description={failure} />}
      {quotes === null && !failure ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <Card title={`可承运渠道（${eligible.length}）`} data-testid="quotes">
          <Table<Quote>
            rowKey={(q) => q.carrier.id}
            dataSource={eligible}
            loading={loading}
            pagination={false}
            scroll={{ x: 980 }}
            locale={{ emptyText: <Empty description="没有渠道能承运这票货物，请调整重量尺寸或目的地" /> }}
            columns={[
              {
                title: '渠道',
                width: 200,
                render: (_, q) => (
                  <Space direction="vertical" size={2}>
                    <Space size={4}>
                      {canFavourite && (
                        <Tooltip title={q.carrier.favourite ? '取消常用' : '设为常用'}>
                          <Button
                            type="text"
                            size="small"
                            aria-label={q.carrier.favourite ? '取消常用' : '设为常用'}
                            icon={q.carrier.favourite ? <StarFilled style={{ color: '#faad14' }} /> : <StarOutlined />}
                            onClick={() => void toggleFavourite(q)}
                          />
                        </Tooltip>
                      )}
                      <Typography.Text strong>{q.carrier.name}</Typography.Text>
                    </Space>
                    <Space size={4} wrap>
                      {q.tags.map((t) => (
                        <Tag key={t} color={TAG_COLORS[t]}>
                          {t}
                        </Tag>
                      ))}
                    </Space>
                  </Space>
                ),
              },
              {
                title: '运费',
                width: 120,
                render: (_, q) => (
                  <Typography.Text strong className="lg-price">
                    {yuan(q.total)}
                  </Typography.Text>
                ),
              },
              {
                title: '计费明细',
                render: (_, q) => (
                  <div className="lg-breakdown">
                    <div>
                      计费重 {q.chargeable_weight} kg（实重 {q.actual_weight} kg，体积重 {q.volumetric_weight} kg）
                    </div>
                    <div>
                      {q.heavy
                        ? `大货按公斤计 ${yuan(q.freight)}`
                        : `首重 ${q.first_weight} kg ${yuan(q.first_price)} + 续重 ${q.additional_steps} × ${yuan({ amount: q.additional_steps ? String(Number(q.additional_price.amount) / q.additional_steps) : '0', currency: 'CNY' })} = ${yuan(q.freight)}`}
                    </div>
                    <div>
                      {Number(q.fuel_surcharge.amount) > 0 ? `燃油附加费 ${q.carrier.fuel_surcharge_pct}% ${yuan(q.fuel_surcharge)}` : '无燃油附加费'}
                      {Number(q.remote_fee.amount) > 0 ? ` · 偏远地区附加费 ${yuan(q.remote_fee)}` : ''}
                    </div>
                  </div>
                ),
              },
              { title: '时效', width: 90, render: (_, q) => transit(q.transit_min, q.transit_max) },
              {
                title: (
                  <Tooltip title={ON_TIME_HELP}>
                    实测准时率 <QuestionCircleOutlined />
                  </Tooltip>
                ),
                width: 120,
                render: (_, q) => (q.carrier.on_time_rate === null ? <Typography.Text type="secondary">暂无</Typography.Text> : onTime(q.carrier.on_time_rate)),
              },
              {
                title: '操作',
                width: 130,
                fixed: 'right',
                render: (_, q) =>
                  canShip ? (
                    <Button type="primary" size="small" onClick={() => ship(q)} data-testid={`ship-${q.carrier.code}`}>
                      用此渠道发货
                    </Button>
                  ) : (
                    <Typography.Text type="secondary">只读</Typography.Text>
                  ),
              },
            ]}
          />
        </Card>
      )}
      {ruledOut.length > 0 && (
        <Card title={`不可承运（${ruledOut.length}）`} size="small">
          <Row gutter={[12, 12]}>
            {ruledOut.map((q) => (
              <Col key={q.carrier.id} xs={24} md={12} xl={8}>
                <div className="lg-ruled-out">
                  <Typography.Text strong>{q.carrier.name}</Typography.Text>
                  <ul>
                    {q.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                </div>
              </Col>
            ))}
          </Row>
        </Card>
      )}
    </Space>
  );
}
