/** 出口订单批次 on the H5 (C1): the approval progress of every batch, 新建批次, and each batch's page
 * with its submit button. */
import { ContainerOutlined } from '@ant-design/icons';
import { Button, DotLoading, ErrorBlock, List, NavBar, NoticeBar, ProgressBar, PullToRefresh, Tag } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { MobileEmpty } from '../../components/MobileEmpty';
import CatalogPage from '../catalog/CatalogPage';
import { EDIT_PERMISSION } from '@/merchant/pages/customs/batches/batches';
import { MobileBatchForm } from './BatchForm';

/** The batch's status (草稿 / 已申报 / 部分放行 / 已放行 / 已结关) as an antd-mobile Tag colour. */
const MOBILE_BATCH_COLOR: Record<string, string> = { draft: 'default', declared: 'primary', partly_released: 'warning', released: 'success', cleared: 'success' };

type Overview = components['schemas']['BatchOverviewOut'];

export default function BatchesPage() {
  const { api, me, access } = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const gate = access.routeGate(me.catalog, pathname);
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const canEdit = access.can(EDIT_PERMISSION);
  const linked = Number(useSearchParams()[0].get('id')) || null; // a message's link names one batch

  const load = useCallback(async () => {
    setError(null);
    try {
      setData(await unwrap(api.client.GET('/api/v1/customs/batches/overview')));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api]);

  useEffect(() => {
    if (gate?.ok && !linked) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  if (!gate || !gate.ok) return <CatalogPage />;
  if (linked) return <Navigate to={`/customs/batches/${linked}`} replace />;
  const t = data?.totals;

  return (
    <div style={{ minHeight: '100vh', background: '#f5f6fa' }}>
      <NavBar onBack={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))} style={{ background: '#fff' }}>
        {gate.item?.title ?? '出口订单批次'}
      </NavBar>
      {data && !data.gateway.ready ? <NoticeBar content={data.gateway.message} color="alert" wrap data-testid="m-gateway-alert" /> : null}
      {error ? <ErrorBlock status="default" title="加载失败" description={error} /> : null}
      {!data && !error ? (
        <div style={{ textAlign: 'center', padding: 48 }}>
          <DotLoading color="primary" />
        </div>
      ) : null}
      {data ? (
        <PullToRefresh onRefresh={load}>
          <div style={{ margin: 12, padding: 16, background: '#fff', borderRadius: 12 }} data-testid="m-batches-overview">
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
              <span style={{ color: '#6b7085' }}>总体审批进度</span>
              <span style={{ fontSize: 24, fontWeight: 600 }}>{t?.progress ?? 0}%</span>
            </div>
            <ProgressBar percent={t?.progress ?? 0} style={{ margin: '8px 0 12px' }} />
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', textAlign: 'center', gap: 8 }}>
              <div>
                <div style={{ fontSize: 18, fontWeight: 600 }}>{t?.batches ?? 0}</div>
                <div style={{ color: '#8a8fa3', fontSize: 12 }}>批次</div>
              </div>
              <div>
                <div style={{ fontSize: 18, fontWeight: 600 }}>
                  {t?.released ?? 0}/{t?.closed ?? 0}
                </div>
                <div style={{ color: '#8a8fa3', fontSize: 12 }}>放行/结关</div>
              </div>
              <div>
                <div style={{ fontSize: 18, fontWeight: 600, color: (t?.needs_attention ?? 0) > 0 ? '#cf1322' : undefined }}>{t?.needs_attention ?? 0}</div>
                <div style={{ color: '#8a8fa3', fontSize: 12 }}>需处理</div>
              </div>
            </div>
          </div>
          {data.batches.length === 0 ? (
            <MobileEmpty icon={<ContainerOutlined />} title="还没有批次" hint={canEdit ? '点击下方「新建批次」开始一次出口申报' : '商户管理员新建批次后会显示在这里'} />
          ) : (
            <List header="批次进度（点开查看与提交）" style={{ margin: '0 12px', borderRadius: 12, overflow: 'hidden' }}>
              {data.batches.map((b) => (
                <List.Item
                  key={b.batch.id}
                  onClick={() => navigate(`/customs/batches/${b.batch.id}`)}
                  data-testid={`m-batch-${b.batch.id}`}
                  description={
                    <div>
                      <ProgressBar percent={b.progress} style={{ margin: '6px 0', '--fill-color': b.needs_attention > 0 ? '#fa8c16' : undefined } as React.CSSProperties} />
                      订单 {b.orders.approved}/{b.orders.total} · 清单 {b.inventories.approved}/{b.inventories.total} · 放行 {b.released}
                    </div>
                  }
                  extra={b.needs_attention > 0 ? <Tag color="danger">需处理 {b.needs_attention}</Tag> : <span>{b.progress}%</span>}
                >
                  {b.batch.name}{' '}
                  <Tag color={b.batch.statistics_flag === 'A' ? 'danger' : 'primary'} fill="outline">
                    {b.batch.statistics_flag_label}
                  </Tag>{' '}
                  <Tag color={MOBILE_BATCH_COLOR[b.batch.status] ?? 'default'} data-testid={`m-batch-status-${b.batch.id}`}>
                    {b.batch.status_label}
                  </Tag>
                </List.Item>
              ))}
            </List>
          )}
          {canEdit ? (
            <div className="m-customs__actions">
              <Button block color="primary" shape="rounded" onClick={() => setCreating(true)} data-testid="m-batch-new">
                新建批次
              </Button>
            </div>
          ) : null}
        </PullToRefresh>
      ) : null}
      <MobileBatchForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(batch) => {
          setCreating(false);
          navigate(`/customs/batches/${batch.id}`);
        }}
      />
    </div>
  );
}
