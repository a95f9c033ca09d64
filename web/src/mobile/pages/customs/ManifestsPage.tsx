/** 清单总分单报送 (C3) on the H5: released waybills are linked by the system; the thumb fills in the transport. */
import { ContainerOutlined } from '@ant-design/icons';
import { Button, ErrorBlock, Form, Input, List, ProgressBar, PullToRefresh, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { MobileEmpty } from '../../components/MobileEmpty';
import { DocSheet, Facts, NumberTags, useScrollTo } from './DocSheet';
import { MobileCustomsShell, MobileLoading } from './MobileCustomsShell';
import { MobileStatusTag } from './OrdersPage';

type Listing = components['schemas']['ManifestsOut'];
type BatchState = components['schemas']['ManifestBatchOut'];
type ManifestDetail = components['schemas']['ManifestDetailOut'];
type FormValues = { traf_name: string; voyage_no: string; bill_no: string; domestic_traf_no?: string };

const EDIT = 'customs:manifests:edit';

function ReadyCard({ batch, canEdit, highlighted, onFiled }: { batch: BatchState; canEdit: boolean; highlighted: boolean; onFiled: () => void }) {
  const { api } = useMe();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: FormValues) => {
    setBusy(true);
    try {
      const created = await unwrap(api.client.POST('/api/v1/customs/manifests', { body: { batch_id: batch.batch_id, ...values, domestic_traf_no: values.domestic_traf_no ?? '' } }));
      Toast.show({ icon: 'success', content: `已提交 ${created.length} 份清单总分单` });
      form.resetFields();
      onFiled();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={`m-customs__card${highlighted ? ' m-customs__focus' : ''}`} data-testid={`m-manifest-batch-${batch.batch_id}`} data-focus={highlighted || undefined}>
      <h3 className="m-customs__no">{batch.batch_name}</h3>
      <div className="m-customs__muted">{batch.pending_logistics_nos.length} 个已放行运单已自动关联，只需填写运输信息</div>
      <div className="m-customs__tags">
        {batch.pending_logistics_nos.slice(0, 4).map((no) => (
          <Tag key={no} fill="outline">
            {no}
          </Tag>
        ))}
        {batch.pending_logistics_nos.length > 4 ? <span className="m-customs__muted">等 {batch.pending_logistics_nos.length} 个</span> : null}
      </div>
      <Form
        form={form}
        layout="vertical"
        disabled={!canEdit}
        initialValues={{ traf_name: batch.traf_name, voyage_no: batch.voyage_no, bill_no: batch.bill_no }}
        onFinish={(v) => void submit(v)}
        footer={
          <>
            <Button block type="submit" color="primary" shape="rounded" loading={busy} disabled={!canEdit} data-testid="m-manifest-submit">
              一键提交总分单
            </Button>
            {!canEdit ? <div className="m-customs__muted" style={{ marginTop: 6 }}>只读成员不能报送</div> : null}
          </>
        }
        style={{ '--border-top': 'none', '--border-bottom': 'none', marginTop: 8 } as React.CSSProperties}
      >
        <Form.Item name="traf_name" label="运输工具名称" rules={[{ required: true, message: '请填写运输工具名称' }]}>
          <Input placeholder="航班号、船名或车牌号，如 CA1234" maxLength={100} clearable />
        </Form.Item>
        <Form.Item name="voyage_no" label="航班航次号" rules={[{ required: true, message: '请填写航班航次号' }]}>
          <Input placeholder="如 20260320" maxLength={32} clearable />
        </Form.Item>
        <Form.Item name="bill_no" label="提运单号" rules={[{ required: true, message: '请填写提运单号' }]}>
          <Input placeholder="如 999-12345678" maxLength={37} clearable />
        </Form.Item>
        <Form.Item name="domestic_traf_no" label="境内运输工具编号（可选）">
          <Input placeholder="转关时填写" maxLength={100} clearable />
        </Form.Item>
      </Form>
    </div>
  );
}

export default function ManifestsPage() {
  const { api, access } = useMe();
  const canEdit = access.can(EDIT);
  const [params] = useSearchParams();
  const focus = Number(params.get('batch')) || null;
  const focusId = Number(params.get('id')) || null;
  const [openId, setOpenId] = useState<number | null>(focusId);
  const [data, setData] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setData(await unwrap(api.client.GET('/api/v1/customs/manifests')));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const batches = [...(data?.batches ?? [])].sort((a, b) => Number(b.ready) - Number(a.ready) || (a.batch_id === focus ? -1 : b.batch_id === focus ? 1 : 0));
  const ready = batches.filter((b) => b.ready);
  const waiting = batches.filter((b) => !b.ready);
  const items = data?.items ?? [];
  useScrollTo(focusId ? `m-manifest-${focusId}` : focus ? `m-manifest-batch-${focus}` : null, data !== null);

  return (
    <MobileCustomsShell fallbackTitle="清单总分单报送">
      {error ? <ErrorBlock status="default" title="加载失败" description={error} /> : null}
      {!data && !error ? <MobileLoading /> : null}
      {data ? (
        <PullToRefresh onRefresh={load}>
          {batches.length === 0 && items.length === 0 ? (
            <MobileEmpty icon={<ContainerOutlined />} title="还没有可提交的总分单" hint="批次的清单放行后，系统自动关联运单，在这里一键提交" />
          ) : null}
          {ready.map((b) => (
            <ReadyCard key={b.batch_id} batch={b} canEdit={canEdit} highlighted={b.batch_id === focus} onFiled={() => void load()} />
          ))}
          {waiting.length ? (
            <List header="各批次放行进度" style={{ margin: '0 12px 12px', borderRadius: 12, overflow: 'hidden' }}>
              {waiting.map((b) => (
                <List.Item
                  key={b.batch_id}
                  className={b.batch_id === focus ? 'm-customs__focus' : undefined}
                  data-testid={`m-manifest-batch-${b.batch_id}`}
                  data-focus={b.batch_id === focus || undefined}
                  description={<ProgressBar percent={b.active_inventories ? Math.round((b.released_inventories / b.active_inventories) * 100) : 0} style={{ marginTop: 6 }} />}
                  extra={b.filed ? <Tag color="primary">已提交 {b.filed} 份</Tag> : `${b.released_inventories}/${b.active_inventories} 放行`}
                >
                  {b.batch_name}
                </List.Item>
              ))}
            </List>
          ) : null}
          {items.length ? (
            <List header="已提交的总分单" style={{ margin: '0 12px 12px', borderRadius: 12, overflow: 'hidden' }} data-testid="m-manifests">
              {items.map((m) => (
                <List.Item
                  key={m.id}
                  className={m.id === focusId ? 'm-customs__focus' : undefined}
                  data-testid={`m-manifest-${m.id}`}
                  data-focus={m.id === focusId || undefined}
                  onClick={() => setOpenId(m.id)}
                  extra={<MobileStatusTag status={m.status} />}
                  description={`${m.traf_name} / ${m.voyage_no} · ${m.waybill_count} 个运单 · ${formatDateTime(m.created_at)}`}
                >
                  <span className="m-customs__no">{m.bill_no}</span>
                </List.Item>
              ))}
            </List>
          ) : null}
        </PullToRefresh>
      ) : null}
      <DocSheet<ManifestDetail>
        id={openId}
        onClose={() => setOpenId(null)}
        title={(d) => (d ? `总分单 ${d.bill_no}` : '总分单详情')}
        load={(id) => unwrap(api.client.GET('/api/v1/customs/manifests/{waybill_id}', { params: { path: { waybill_id: id } } }))}
      >
        {(d) => (
          <>
            <Facts
              rows={[
                ['批次', d.batch_name || '—'],
                ['运输工具', d.traf_name],
                ['航班航次号', d.voyage_no],
                ['提运单号', d.bill_no],
                ['物流企业', d.logistics_name],
                ['毛重', `${d.gross_weight} 千克`],
                ['预录入编号', d.pre_no || '—'],
                ['报送类型', d.app_type_label],
                ['提交时间', formatDateTime(d.created_at)],
              ]}
            />
            <List header={`关联的运单（${d.logistics_nos.length}）`}>
              <NumberTags numbers={d.logistics_nos} />
            </List>
          </>
        )}
      </DocSheet>
    </MobileCustomsShell>
  );
}
