/** One batch on the H5: its declaration in short, its documents by stage, and 提交批次. */
import { Button, Dialog, ErrorBlock, List, NoticeBar, ProgressBar, PullToRefresh, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { EDIT_PERMISSION, submitBlocker, type BatchDetail, type DocGroup } from '@/merchant/pages/customs/batches/batches';
import { MobileCrystalBatchReminders } from '@/shared/crystal/MobileCrystalHint';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { MobileBatchForm } from './BatchForm';
import { MobileCustomsShell, MobileLoading } from './MobileCustomsShell';

const STATUS_COLOR: Record<string, 'default' | 'primary' | 'success'> = { draft: 'default', submitted: 'primary', closed: 'success' };

function Stage({ title, group }: { title: string; group: DocGroup }) {
  return (
    <List.Item
      description={group.total ? `已入库 ${group.approved} · 处理中 ${group.in_progress} · 待发送 ${group.pending}` : '还没有单证'}
      extra={group.attention > 0 ? <Tag color="danger">需处理 {group.attention}</Tag> : `${group.approved}/${group.total}`}
    >
      {title}
    </List.Item>
  );
}

export default function BatchDetailPage() {
  const { api, access } = useMe();
  const navigate = useNavigate();
  const batchId = Number(useParams().batchId);
  const canEdit = access.can(EDIT_PERMISSION);
  const [detail, setDetail] = useState<BatchDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    try {
      setDetail(await unwrap(api.client.GET('/api/v1/customs/batches/{batch_id}', { params: { path: { batch_id: batchId } } })));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api, batchId]);

  useEffect(() => {
    void load();
  }, [load]);

  const submit = async () => {
    if (!detail) return;
    const ok = await Dialog.confirm({
      title: `提交批次「${detail.batch.name}」？`,
      content: '待申报的电子订单和物流运单将通过点点通发送海关；申报清单在订单与运单海关入库后自动申报。',
      confirmText: '提交',
      cancelText: '取消',
    });
    if (!ok) return;
    setSubmitting(true);
    try {
      const result = await unwrap(api.client.POST('/api/v1/customs/batches/{batch_id}/submit', { params: { path: { batch_id: detail.batch.id } } }));
      Toast.show({ icon: 'success', content: result.documents > 0 ? `已提交，${result.documents} 份单证进入发送队列` : '已提交，没有待发送的单证' });
      await load();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setSubmitting(false);
    }
  };

  const blocker = detail ? submitBlocker({ canEdit, readiness: detail.gateway, orders: detail.orders.total, status: detail.batch.status }) : null;
  const b = detail?.batch;

  return (
    <MobileCustomsShell fallbackTitle="批次详情">
      {error ? <ErrorBlock status="default" title="加载失败" description={error} /> : null}
      {!detail && !error ? <MobileLoading /> : null}
      {detail && b ? (
        <PullToRefresh onRefresh={load}>
          {!detail.gateway.ready ? <NoticeBar color="alert" wrap content={detail.gateway.message} /> : null}
          <div className="m-customs__card" data-testid="m-batch-detail">
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'flex-start' }}>
              <h3 className="m-customs__no">{b.name}</h3>
              <Tag color={STATUS_COLOR[b.status] ?? 'default'}>{b.status_label}</Tag>
            </div>
            <div className="m-customs__muted">
              {b.statistics_flag_label} · {b.traf_mode_label} · 海关 {b.customs_code || '—'} · 口岸 {b.port_code || '—'}
            </div>
            {b.statistics_flag_warning ? <div style={{ color: '#cf1322', fontSize: 13, marginTop: 4 }}>{b.statistics_flag_warning}</div> : null}
            <ProgressBar percent={detail.progress} style={{ marginTop: 12 }} />
            <div className="m-customs__grid">
              <div>
                <b>{detail.progress}%</b>
                <span>审批进度</span>
              </div>
              <div>
                <b>
                  {detail.released}/{detail.closed}
                </b>
                <span>放行/结关</span>
              </div>
              <div>
                <b style={{ color: detail.needs_attention ? '#cf1322' : undefined }}>{detail.needs_attention}</b>
                <span>需处理</span>
              </div>
            </div>
            <div className="m-customs__muted" style={{ marginTop: 8 }}>
              创建于 {formatDateTime(b.created_at)}
            </div>
          </div>
          <MobileCrystalBatchReminders batchId={b.id} />
          <List header="单证进度" style={{ margin: '0 12px', borderRadius: 12, overflow: 'hidden' }}>
            <Stage title="电子订单" group={detail.orders} />
            <Stage title="物流运单" group={detail.logistics} />
            <Stage title="申报清单" group={detail.inventories} />
            <Stage title="清单总分单" group={detail.waybills} />
          </List>
          <div className="m-customs__actions">
            <Button block color="primary" shape="rounded" loading={submitting} disabled={blocker !== null} onClick={() => void submit()} data-testid="m-batch-submit">
              提交批次
            </Button>
            {blocker ? <div className="m-customs__muted" data-testid="m-batch-blocker">{blocker}</div> : null}
            {canEdit ? (
              <Button block shape="rounded" onClick={() => setEditing(true)} data-testid="m-batch-edit">
                {b.locked ? '修改批次名称' : '修改批次'}
              </Button>
            ) : null}
            <Button block shape="rounded" onClick={() => navigate(`/customs/orders?batch=${b.id}`)}>
              查看本批次订单
            </Button>
          </div>
        </PullToRefresh>
      ) : null}
      {b ? (
        <MobileBatchForm
          open={editing}
          batch={b}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void load();
          }}
        />
      ) : null}
    </MobileCustomsShell>
  );
}
