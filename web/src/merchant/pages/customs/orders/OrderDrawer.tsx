/** One order: its three documents' statuses, its lines, and one timeline from upload to 结关. */
import { Alert, Descriptions, Drawer, Empty, Skeleton, Space, Table, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { formatTime, num, StatusExplained, StatusTag } from './shared';

type OrderDetail = components['schemas']['OrderDetailOut'];

const TONE_DOT: Record<string, string> = { success: 'green', processing: 'blue', warning: 'orange', error: 'red', default: 'gray' };

export function OrderTimeline({ events }: { events: OrderDetail['timeline'] }) {
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />;
  return (
    <Timeline
      data-testid="order-timeline"
      items={events.map((event) => ({
        color: TONE_DOT[event.tone] ?? 'gray',
        children: (
          <Space direction="vertical" size={0}>
            <Typography.Text strong>{event.title}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(event.time)}
            </Typography.Text>
            {event.description ? <Typography.Text>{event.description}</Typography.Text> : null}
          </Space>
        ),
      }))}
    />
  );
}

export function OrderDrawer({ orderId, onClose }: { orderId: number | null; onClose: () => void }) {
  const { api } = useMe();
  const [detail, setDetail] = useState<OrderDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!orderId) return;
    setDetail(null);
    setError(null);
    unwrap(api.client.GET('/api/v1/customs/orders/{order_id}', { params: { path: { order_id: orderId } } }))
      .then(setDetail)
      .catch((e) => setError(errorMessage(e)));
  }, [api, orderId]);

  return (
    <Drawer open={orderId !== null} onClose={onClose} width={640} title={detail ? `订单 ${detail.order_no}` : '订单详情'} destroyOnHidden>
      {error ? <Alert type="error" showIcon message="订单加载失败" description={error} /> : null}
      {!detail && !error ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {detail ? (
        <Space direction="vertical" size={20} style={{ width: '100%' }}>
          <StatusExplained status={detail.status} />
          <Descriptions size="small" column={2} bordered labelStyle={{ whiteSpace: 'nowrap' }}>
            <Descriptions.Item label="批次">{detail.batch_name || '—'}</Descriptions.Item>
            <Descriptions.Item label="商品金额">
              {num(detail.goods_value)} <Typography.Text type="secondary">（币制 {detail.currency}）</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="电子订单">
              <StatusTag status={detail.order_status} />
            </Descriptions.Item>
            <Descriptions.Item label="物流运单">{detail.logistics_status ? <StatusTag status={detail.logistics_status} /> : '—'}</Descriptions.Item>
            <Descriptions.Item label="申报清单">{detail.inventory_status ? <StatusTag status={detail.inventory_status} /> : '—'}</Descriptions.Item>
            <Descriptions.Item label="清单编号">{detail.invt_no || '审结后生成'}</Descriptions.Item>
            <Descriptions.Item label="物流运单号">{detail.logistics_no || '—'}</Descriptions.Item>
            <Descriptions.Item label="电商平台">{detail.ebp_name}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>商品</Typography.Title>
            <Table
              size="small"
              rowKey="gnum"
              pagination={false}
              dataSource={detail.lines}
              columns={[
                { title: '序号', dataIndex: 'gnum', width: 60 },
                { title: '商品', dataIndex: 'item_name' },
                { title: '数量', dataIndex: 'qty', width: 80, render: num },
                { title: '单价', dataIndex: 'price', width: 90, render: num },
                { title: '总价', dataIndex: 'total_price', width: 90, render: num },
              ]}
            />
          </div>
          <div>
            <Typography.Title level={5}>办理进度（从上传到结关）</Typography.Title>
            <OrderTimeline events={detail.timeline} />
          </div>
        </Space>
      ) : null}
    </Drawer>
  );
}
