/** H5 运单详情 (L2): the board, the carrier's tracking events, and what was shipped. */
import { DotLoading, ErrorBlock, List, NavBar, NoticeBar, Steps } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import { formatDateTime } from '@/shared/datetime';
import { yuan, type Shipment } from '@/shared/logistics';
import { useMe } from '@/shared/session';
import { MobileRateCard } from '../../components/MobileRateCard';
import './logistics.css';

export default function ShipmentDetailPage() {
  const { api } = useMe();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [shipment, setShipment] = useState<Shipment | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    unwrap(api.client.GET('/api/v1/logistics/shipments/{shipment_id}', { params: { path: { shipment_id: id } } })).then(setShipment, (e) => setFailure(errorMessage(e)));
  }, [api, id]);

  const nodes = shipment?.progress.nodes ?? [];
  const current = nodes.findIndex((n) => n.status === 'current');
  return (
    <div className="m-lg">
      <NavBar onBack={() => (window.history.length > 1 ? navigate(-1) : navigate('/logistics/shipments'))} style={{ background: '#fff' }}>
        {shipment ? shipment.number : '运单详情'}
      </NavBar>
      {failure ? <ErrorBlock status="default" title="无法查看该运单" description={failure} /> : null}
      {!shipment && !failure ? (
        <div className="m-lg__loading">
          <DotLoading color="primary" />
        </div>
      ) : null}
      {shipment ? (
        <>
          {shipment.state === 'exception' ? <NoticeBar color="error" wrap content={`运单异常：${shipment.exception_reason}`} /> : null}
          <div className="m-lg__card">
            <div className="m-lg__row">
              <span className="m-lg__name">{shipment.carrier_name}</span>
              <span className="m-lg__price">{yuan(shipment.amount)}</span>
            </div>
            <div className="m-lg__muted">{shipment.tracking_no ? `承运商运单号 ${shipment.tracking_no}` : '承运商运单号待录入'}</div>
            <Steps current={current < 0 ? nodes.length : current} style={{ '--title-font-size': '12px', padding: '12px 0 0' } as never}>
              {nodes.map((n) => (
                <Steps.Step key={n.key} title={n.status === 'current' && n.state_label ? n.state_label : n.label} status={n.status === 'current' && shipment.state === 'exception' ? 'error' : n.status === 'done' ? 'finish' : n.status === 'current' ? 'process' : 'wait'} />
              ))}
            </Steps>
          </div>
          {shipment.state === 'delivered' ? <MobileRateCard kind="shipment" objectId={shipment.id} /> : null}
          <div className="m-lg__card" data-testid="tracking-events">
            <div className="m-lg__name">物流轨迹</div>
            {shipment.events.length ? (
              <Steps direction="vertical" current={0}>
                {shipment.events.map((e, i) => (
                  <Steps.Step key={e.id} status={e.status === 'exception' ? 'error' : i === 0 ? 'process' : 'finish'} title={e.description} description={`${formatDateTime(e.occurred_at)}${e.location ? ` · ${e.location}` : ''}`} />
                ))}
              </Steps>
            ) : (
              <div className="m-lg__muted" style={{ padding: '12px 0' }}>{shipment.tracking_no ? '等待承运商更新轨迹' : '承运商揽收并录入运单号后显示轨迹'}</div>
            )}
          </div>
          <List header="寄收件与货品">
            <List.Item extra={`${shipment.country_name} · ${shipment.recipient_name}`}>收件人</List.Item>
            <List.Item extra={`${shipment.chargeable_weight} kg`}>计费重</List.Item>
            <List.Item description={shipment.goods.map((g) => `${String(g.name)} × ${String(g.quantity)}`).join('；')}>货品</List.Item>
            {shipment.fragile ? <List.Item description={shipment.packing_hint}>易碎品包装要求</List.Item> : null}
          </List>
        </>
      ) : null}
    </div>
  );
}
