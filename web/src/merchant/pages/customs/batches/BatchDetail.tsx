/** One batch: its declaration fields, its documents by status, and the submit button. */
import { SendOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Descriptions, Drawer, Empty, Progress, Row, Space, Spin, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { BATCH_STATUS_COLOR, submitBlocker, type BatchDetail as Detail, type DocGroup } from './batches';
import { CrystalBatchReminders } from '@/shared/crystal/CrystalHint';

interface Props {
  batchId: number | null;
  canEdit: boolean;
  onClose: () => void;
  onEdit: (detail: Detail) => void;
  onChanged: () => void;
}

const KINDS: { key: 'orders' | 'logistics' | 'inventories' | 'waybills'; label: string }[] = [
  { key: 'orders', label: '电子订单' },
  { key: 'logistics', label: '物流运单' },
  { key: 'inventories', label: '申报清单' },
  { key: 'waybills', label: '清单总分单' },
];

function statusTags(group: DocGroup) {
  if (group.total === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {group.by_status.map((s) => (
        <Tag key={s.status} bordered={false} color={s.status === 'rejected' || s.status === 'error' || s.status === 'needs_attention' ? 'red' : undefined}>
          {s.label} {s.count}
        </Tag>
      ))}
    </Space>
  );
}

export function BatchDetailDrawer({ batchId, canEdit, onClose, onEdit, onChanged }: Props) {
  const { api } = useMe();
  const { message, modal } = App.useApp();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const load = useCallback(async () => {
    if (batchId === null) return;
    setError(null);
    try {
      setDetail(await unwrap(api.client.GET('/api/v1/customs/batches/{batch_id}', { params: { path: { batch_id: batchId } } })));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api, batchId]);

  useEffect(() => {
    setDetail(null);
    void load();
  }, [load]);

  const submit = () => {
    if (!detail) return;
    modal.confirm({
      title: `提交批次「${detail.batch.name}」？`,
      content: '待申报的电子订单和物流运单将通过点点通发送海关；申报清单在订单与运单海关入库后自动申报。',
      okText: '提交',
      cancelText: '取消',
      onOk: async () => {
        setSubmitting(true);
        try {
          const result = await unwrap(api.client.POST('/api/v1/customs/batches/{batch_id}/submit', { params: { path: { batch_id: detail.batch.id } } }));
          message.success(result.documents > 0 ? `已提交，${result.documents} 份单证进入发送队列` : '已提交，没有待发送的单证');
          await load();
          onChanged();
        } catch (e) {
          message.error(errorMessage(e));
        } finally {
          setSubmitting(false);
        }
      },
    });
  };

  const blocker = detail ? submitBlocker({ canEdit, readiness: detail.gateway, orders: detail.orders.total, status: detail.batch.status }) : null;
  const b = detail?.batch;

  return (
    <Drawer
      title={b ? b.name : '批次详情'}
      width={760}
      open={batchId !== null}
      onClose={onClose}
      destroyOnHidden
      extra={
        detail ? (
          <Space>
            <Link to={`/customs/orders?tab=status&batch_id=${detail.batch.id}`} data-testid="batch-orders-link">
              <Button icon={<UnorderedListOutlined />}>查看订单状态</Button>
            </Link>
            {canEdit ? <Button onClick={() => onEdit(detail)}>修改</Button> : null}
            <Tooltip title={blocker}>
              <Button type="primary" icon={<SendOutlined />} disabled={blocker !== null} loading={submitting} onClick={submit} data-testid="batch-submit">
                提交批次
              </Button>
            </Tooltip>
          </Space>
        ) : null
      }
    >
      {error ? <Alert type="error" showIcon message="加载批次失败" description={error} action={<Button onClick={() => void load()}>重试</Button>} /> : null}
      {!detail && !error ? <Spin style={{ display: 'block', margin: '64px auto' }} /> : null}
      {detail && b ? (
        <Space direction="vertical" size={20} style={{ width: '100%' }}>
          {detail.gateway.ready ? null : (
            <Alert
              type="warning"
              showIcon
              data-testid="gateway-alert"
              message="点点通接口未就绪，暂不能提交"
              description={
                <>
                  {detail.gateway.message}。<Link to="/customs/gateway">查看接口配置</Link>
                </>
              }
            />
          )}
          {b.statistics_flag_warning ? <Alert type="error" showIcon message={b.statistics_flag_warning} /> : null}
          <CrystalBatchReminders batchId={b.id} />
          {detail.orders.total === 0 ? (
            <Alert
              type="info"
              showIcon
              message="批次中还没有电子订单"
              description={
                <>
                  在「<Link to="/customs/orders">电子订单报送</Link>」中用 Excel 导入订单，申报时选择本批次；订单导入后即可在这里提交批次、跟踪审批进度。
                </>
              }
            />
          ) : null}
          <Row gutter={16}>
            <Col span={6}>
              <Progress type="circle" percent={detail.progress} size={96} strokeColor={detail.needs_attention > 0 ? '#fa8c16' : undefined} />
            </Col>
            <Col span={6}>
              <Statistic title="电子订单" value={detail.orders.total} suffix={<span style={{ fontSize: 13 }}>份</span>} />
            </Col>
            <Col span={6}>
              <Statistic title="已放行 / 结关" value={`${detail.released} / ${detail.closed}`} />
            </Col>
            <Col span={6}>
              <Statistic title="需处理" value={detail.needs_attention} valueStyle={detail.needs_attention > 0 ? { color: '#cf1322' } : undefined} />
            </Col>
          </Row>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={KINDS.map((k) => ({ key: k.key, label: k.label, group: detail[k.key] }))}
            locale={{ emptyText: <Empty description="暂无单证" /> }}
            columns={[
              { title: '单证', dataIndex: 'label', width: 110 },
              { title: '合计', width: 64, render: (_v, r) => r.group.total },
              { title: '已通过', width: 72, render: (_v, r) => r.group.approved },
              { title: '按状态', render: (_v, r) => statusTags(r.group) },
            ]}
          />
          <Descriptions size="small" column={2} bordered title="申报信息">
            <Descriptions.Item label="状态">
              <Tag color={BATCH_STATUS_COLOR[b.status]}>{b.status_label}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="申报业务类型">{b.statistics_flag_label}</Descriptions.Item>
            <Descriptions.Item label="申报地海关">{b.customs_code}</Descriptions.Item>
            <Descriptions.Item label="出口口岸">{b.port_code}</Descriptions.Item>
            <Descriptions.Item label="运输方式">{b.traf_mode_label}</Descriptions.Item>
            <Descriptions.Item label="运输工具 / 航次">{[b.traf_name, b.voyage_no].filter(Boolean).join(' / ') || '—'}</Descriptions.Item>
            <Descriptions.Item label="电商企业">{`${b.ebc_name}（${b.ebc_code}）`}</Descriptions.Item>
            <Descriptions.Item label="申报企业">{`${b.agent_name}（${b.agent_code}）`}</Descriptions.Item>
            <Descriptions.Item label="DXP ID">{b.dxp_id}</Descriptions.Item>
            <Descriptions.Item label="提运单号">{b.bill_no || '—'}</Descriptions.Item>
          </Descriptions>
        </Space>
      ) : null}
    </Drawer>
  );
}
