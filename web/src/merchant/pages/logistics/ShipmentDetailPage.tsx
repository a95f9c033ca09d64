/** 运单详情 (L2): the board 已下单 → … → 已签收, the tracking events, parcels, goods, price, and the
 * merchant's one act before pickup (换渠道, re-priced at today's rates). */
import { Alert, Button, Card, Col, Descriptions, Empty, Result, Row, Select, Skeleton, Space, Steps, Tag, Timeline, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { RateCard } from '@/shared/components/RateCard';
import { PageHeading } from '@/shared/components/PageHeading';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage, unwrap } from '@/shared/errors';
import { STATE_COLORS, yuan, type Carrier, type Shipment } from '@/shared/logistics';
import { useMe } from '@/shared/session';
import CatalogPage from '../catalog/CatalogPage';
import './logistics.css';

export default function ShipmentDetailPage() {
  const { api, me, access } = useMe();
  const gate = access.routeGate(me.catalog, '/logistics/shipments');
  const canShip = access.can('logistics:shipments:edit');
  const id = Number(useParams().id);
  const [shipment, setShipment] = useState<Shipment | null>(null);
  const [carriers, setCarriers] = useState<Carrier[]>([]);
  const [target, setTarget] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setShipment(await unwrap(api.client.GET('/api/v1/logistics/shipments/{shipment_id}', { params: { path: { shipment_id: id } } })));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api, id]);

  useEffect(() => {
    void load();
    unwrap(api.client.GET('/api/v1/logistics/carriers')).then(setCarriers, () => setCarriers([]));
  }, [api, load]);

  if (!gate || !gate.ok) return <CatalogPage />;
  if (failure) return <Result status="error" title="加载失败" subTitle={failure} extra={<Button onClick={() => void load()}>重试</Button>} />;
  if (!shipment) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;

  const switchCarrier = async () => {
    if (!target) return;
    try {
      setShipment(await unwrap(api.client.POST('/api/v1/logistics/shipments/{shipment_id}/switch-carrier', { params: { path: { shipment_id: id } }, body: { carrier_id: target } })));
      message.success('已更换物流渠道');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const nodes = shipment.progress.nodes;
  const current = nodes.findIndex((n) => n.status === 'current');
  const address = (shipment.recipient.address ?? {}) as Record<string, string>; // a row without one must still open

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={`运单 ${shipment.number}`} />
      <Card
        title={
          <Space>
            <span>{shipment.carrier_name}</span>
            <Tag color={STATE_COLORS[shipment.state]}>{shipment.state_label}</Tag>
          </Space>
        }
        extra={shipment.tracking_no ? <Typography.Text copyable>承运商运单号 {shipment.tracking_no}</Typography.Text> : <Typography.Text type="secondary">承运商运单号待录入</Typography.Text>}
      >
        <Steps
          current={current < 0 ? nodes.length : current}
          status={shipment.state === 'exception' ? 'error' : undefined}
          items={nodes.map((n) => ({ title: n.status === 'current' && n.state_label ? n.state_label : n.label }))}
          responsive
        />
        {shipment.state === 'exception' && <Alert style={{ marginTop: 16 }} type="error" showIcon message="运单异常" description={`承运商说明：${shipment.exception_reason}`} />}
        {shipment.progress.hint && shipment.state !== 'exception' && <Alert style={{ marginTop: 16 }} type="info" showIcon message={shipment.progress.hint} />}
        {shipment.carrier_status !== 'active' && (
          <Alert style={{ marginTop: 16 }} type="warning" showIcon message={`该渠道已${shipment.carrier.status_label}收件`} description="已下单的运单仍可正常跟踪。" />
        )}
      </Card>
      {shipment.state === 'delivered' ? <RateCard kind="shipment" objectId={shipment.id} /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="物流轨迹" data-testid="tracking-events">
            {shipment.events.length ? (
              <Timeline
                items={shipment.events.map((e, index) => ({
                  color: e.status === 'exception' ? 'red' : index === 0 ? 'green' : 'gray',
                  children: (
                    <div>
                      <Typography.Text strong={index === 0}>{e.description}</Typography.Text>
                      <div>
                        <Typography.Text type="secondary">
                          {formatDateTime(e.occurred_at)} · {e.status_label}
                          {e.location ? ` · ${e.location}` : ''}
                        </Typography.Text>
                      </div>
                    </div>
                  ),
                }))}
              />
            ) : (
              <Empty description={shipment.tracking_no ? '等待承运商更新轨迹' : '承运商揽收并录入运单号后显示轨迹'} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Card title="运费">
              <Descriptions column={1} size="small">
                <Descriptions.Item label="计费重">{shipment.chargeable_weight} kg</Descriptions.Item>
                <Descriptions.Item label="运费">{yuan({ amount: String(shipment.quote.freight ?? '0'), currency: 'CNY' })}</Descriptions.Item>
                {Number(shipment.quote.fuel_surcharge ?? 0) > 0 && <Descriptions.Item label="燃油附加费">{yuan({ amount: String(shipment.quote.fuel_surcharge), currency: 'CNY' })}</Descriptions.Item>}
                <Descriptions.Item label="合计"><Typography.Text strong className="lg-price">{yuan(shipment.amount)}</Typography.Text></Descriptions.Item>
                <Descriptions.Item label="承诺时效">{shipment.promised_days} 天内</Descriptions.Item>
              </Descriptions>
            </Card>
            {canShip && shipment.switchable && (
              <Card title="揽收前可更换渠道">
                <Space wrap>
                  <Select
                    style={{ width: 200 }}
                    placeholder="选择新渠道"
                    value={target ?? undefined}
                    onChange={setTarget}
                    options={carriers.filter((c) => c.status === 'active' && c.id !== shipment.carrier_id).map((c) => ({ value: c.id, label: c.name }))}
                  />
                  <Button disabled={!target} onClick={() => void switchCarrier()}>更换渠道</Button>
                </Space>
              </Card>
            )}
          </Space>
        </Col>
      </Row>
      <Card title="寄收件与货品">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="寄件人">{[shipment.sender.company, shipment.sender.name, shipment.sender.phone].filter(Boolean).join(' · ')}</Descriptions.Item>
          <Descriptions.Item label="寄件地址">{String(shipment.sender.address ?? '')}</Descriptions.Item>
          <Descriptions.Item label="收件人">{`${shipment.recipient_name} · ${String(shipment.recipient.phone ?? '')}`}</Descriptions.Item>
          <Descriptions.Item label="收件地址">{`${shipment.country_name} ${Object.values(address).filter(Boolean).join(' ')}`}</Descriptions.Item>
          <Descriptions.Item label="包裹">{shipment.parcels.map((p) => `${p.weight_kg} kg ${p.length_cm}×${p.width_cm}×${p.height_cm} cm`).join('；')}</Descriptions.Item>
          <Descriptions.Item label="货品">{shipment.goods.map((g) => `${g.name} × ${g.quantity}${g.crystal ? '（水晶 · 易碎）' : ''}`).join('；')}</Descriptions.Item>
          <Descriptions.Item label="下单时间">{formatDateTime(shipment.created_at)}</Descriptions.Item>
        </Descriptions>
        {shipment.fragile && <Alert style={{ marginTop: 12 }} type="warning" showIcon message="易碎品包装要求" description={<span className="lg-hint">{shipment.packing_hint}</span>} />}
      </Card>
    </Space>
  );
}
