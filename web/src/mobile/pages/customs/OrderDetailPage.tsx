/** H5 order detail: the status explained and one timeline from upload to 结关 (read-only). */
import { DotLoading, ErrorBlock, List, NavBar, Steps } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { MobileStatusTag } from './OrdersPage';
import './customs.css';

type OrderDetail = components['schemas']['OrderDetailOut'];

function short(value: string): string {
  const d = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return Number.isNaN(d.getTime()) ? value : `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export default function OrderDetailPage() {
  const { api } = useMe();
  const navigate = useNavigate();
  const { orderId } = useParams();
  const [detail, setDetail] = useState<OrderDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const id = Number(orderId);
    if (!id) return;
    unwrap(api.client.GET('/api/v1/customs/orders/{order_id}', { params: { path: { order_id: id } } }))
      .then(setDetail)
      .catch((e) => setError(errorMessage(e)));
  }, [api, orderId]);

  const timeline = detail ? [...detail.timeline].reverse() : [];
  return (
    <div className="m-customs">
      <NavBar onBack={() => (window.history.length > 1 ? navigate(-1) : navigate('/customs/orders'))} style={{ background: '#fff' }}>
        {detail ? detail.order_no : '订单详情'}
      </NavBar>
      {error ? <ErrorBlock status="default" title="无法查看该订单" description={error} /> : null}
      {!detail && !error ? (
        <div className="m-customs__loading">
          <DotLoading color="primary" />
        </div>
      ) : null}
      {detail ? (
        <>
          <div className="m-customs__hero">
            <MobileStatusTag status={detail.status} />
            <div className="m-customs__meaning">{detail.status.meaning}</div>
            <div className="m-customs__next">下一步：{detail.status.next_step}</div>
          </div>
          <List header="单证">
            <List.Item extra={<MobileStatusTag status={detail.order_status} />}>电子订单</List.Item>
            {detail.logistics_status ? <List.Item extra={<MobileStatusTag status={detail.logistics_status} />} description={detail.logistics_no}>物流运单</List.Item> : null}
            {detail.inventory_status ? <List.Item extra={<MobileStatusTag status={detail.inventory_status} />} description={detail.invt_no || '审结后生成清单编号'}>申报清单</List.Item> : null}
          </List>
          <List header="办理进度">
            <div className="m-customs__timeline">
              <Steps direction="vertical" current={0}>
                {timeline.map((event, index) => (
                  <Steps.Step
                    key={index}
                    status={event.tone === 'error' ? 'error' : index === 0 ? 'process' : 'finish'}
                    title={event.title}
                    description={`${short(event.time)}${event.description ? ` · ${event.description}` : ''}`}
                  />
                ))}
              </Steps>
            </div>
          </List>
        </>
      ) : null}
    </div>
  );
}
