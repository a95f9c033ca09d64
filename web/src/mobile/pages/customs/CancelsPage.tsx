/** 撤销申请单报送 (C5) on the H5: the 清单编号 brings the rest, the reason is the person's; 5 minutes to take it back. */
import { StopOutlined } from '@ant-design/icons';
import { Button, Dialog, ErrorBlock, Form, Input, List, NoticeBar, ProgressBar, PullToRefresh, TextArea, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { MobileEmpty } from '../../components/MobileEmpty';
import { DocSheet, Facts, useScrollTo } from './DocSheet';
import { MobileCustomsShell, MobileLoading } from './MobileCustomsShell';
import { MobileStatusTag } from './OrdersPage';

type Prefill = components['schemas']['CancelPrefillOut'];
type CancelRow = components['schemas']['CancelOut'];
type CancelDetail = components['schemas']['CancelDetailOut'];
const EDIT = 'customs:cancels:edit';

export default function CancelsPage() {
  const { api, access } = useMe();
  const canEdit = access.can(EDIT);
  const [params] = useSearchParams();
  const focusId = Number(params.get('id')) || null;
  const focusInvt = params.get('invt_no') ?? '';
  const [openId, setOpenId] = useState<number | null>(focusId);
  const [form] = Form.useForm<{ invt_no: string; reason: string }>();
  const [prefill, setPrefill] = useState<Prefill | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [rows, setRows] = useState<CancelRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setRows((await unwrap(api.client.GET('/api/v1/customs/cancels', { params: { query: { page: 1, page_size: 50, invt_no: '' } } }))).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const focused = (r: CancelRow) => r.id === focusId || (focusInvt !== '' && r.invt_no === focusInvt);
  const firstFocused = rows?.find(focused);
  useScrollTo(firstFocused ? `m-cancel-${firstFocused.id}` : null, rows !== null);

  const lookup = async (raw: string) => {
    const invtNo = raw.trim();
    setPrefill(null);
    setLookupError(null);
    if (!invtNo) return;
    try {
      setPrefill(await unwrap(api.client.GET('/api/v1/customs/cancels/prefill', { params: { query: { invt_no: invtNo } } })));
    } catch (e) {
      setLookupError(errorMessage(e));
    }
  };

  const submit = async (values: { invt_no: string; reason: string }) => {
    setBusy(true);
    try {
      const created = await unwrap(api.client.POST('/api/v1/customs/cancels', { body: { invt_no: values.invt_no.trim(), reason: values.reason.trim() } }));
      Toast.show({ icon: 'success', content: `已提交清单 ${created.invt_no} 的撤销申请，5 分钟内可「不再撤销」` });
      form.resetFields();
      setPrefill(null);
      await load();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async (row: CancelRow) => {
    const ok = await Dialog.confirm({ content: `不再撤销清单 ${row.invt_no}？撤销申请不会发往海关。`, confirmText: '不再撤销', cancelText: '返回' });
    if (!ok) return;
    try {
      await unwrap(api.client.POST('/api/v1/customs/cancels/{invtcancel_id}/withdraw', { params: { path: { invtcancel_id: row.id } } }));
      Toast.show({ icon: 'success', content: '已撤回撤销申请' });
      await load();
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };

  return (
    <MobileCustomsShell fallbackTitle="撤销申请单报送">
      <PullToRefresh onRefresh={load}>
        <div className="m-customs__card">
          <h3>提交撤销申请</h3>
          <Form
            form={form}
            layout="vertical"
            disabled={!canEdit}
            onFinish={(v) => void submit(v)}
            footer={
              <>
                <Button block type="submit" color="primary" shape="rounded" loading={busy} disabled={!canEdit || (prefill !== null && !prefill.cancellable)} data-testid="m-cancel-submit">
                  提交撤销申请
                </Button>
                {!canEdit ? <div className="m-customs__muted" style={{ marginTop: 6 }}>只读成员不能报送</div> : null}
              </>
            }
            style={{ '--border-top': 'none', '--border-bottom': 'none' } as React.CSSProperties}
          >
            <Form.Item name="invt_no" label="清单编号" rules={[{ required: true, message: '请填写要撤销的清单编号' }]} help="清单审结后取得，可在「订单状态」中查到">
              <Input placeholder="如 230520260E000000001" maxLength={20} clearable onBlur={(e) => void lookup((e.target as HTMLInputElement).value)} data-testid="m-cancel-invt-no" />
            </Form.Item>
            {lookupError ? <NoticeBar color="alert" wrap content={lookupError} /> : null}
            {prefill && !prefill.cancellable ? <NoticeBar color="alert" wrap content={prefill.refusal} /> : null}
            {prefill ? (
              <div className="m-customs__muted" style={{ padding: '0 12px 8px' }} data-testid="m-cancel-prefill">
                订单 {prefill.order_no} · 运单 {prefill.logistics_no} · {prefill.status_label}
                <br />
                电商企业 {prefill.ebc_name}
              </div>
            ) : null}
            <Form.Item name="reason" label="撤销原因" rules={[{ required: true, min: 2, message: '请填写撤销原因（海关必填）' }]}>
              <TextArea rows={3} maxLength={1000} showCount placeholder="如：买家取消订单，货物未出境" data-testid="m-cancel-reason" />
            </Form.Item>
          </Form>
        </div>
        {error ? <ErrorBlock status="default" title="加载失败" description={error} /> : null}
        {!rows && !error ? <MobileLoading /> : null}
        {rows && rows.length === 0 ? <MobileEmpty icon={<StopOutlined />} title="还没有撤销申请" /> : null}
        {rows && rows.length ? (
          <List header="撤销申请" style={{ margin: '0 12px 12px', borderRadius: 12, overflow: 'hidden' }} data-testid="m-cancels">
            {rows.map((r) => (
              <List.Item
                key={r.id}
                className={focused(r) ? 'm-customs__focus' : undefined}
                data-testid={`m-cancel-${r.id}`}
                data-focus={focused(r) || undefined}
                onClick={() => setOpenId(r.id)}
                extra={<MobileStatusTag status={r.status} />}
                description={
                  <div>
                    <ProgressBar percent={r.progress} style={{ margin: '6px 0' }} />
                    {r.sends_at ? `${formatDateTime(r.sends_at).slice(11)} 发往海关` : r.status.next_step}
                    {r.withdrawable ? (
                      <Button
                        size="mini"
                        fill="outline"
                        style={{ marginLeft: 8 }}
                        onClick={(e) => {
                          e.stopPropagation();
                          void withdraw(r);
                        }}
                      >
                        不再撤销
                      </Button>
                    ) : null}
                  </div>
                }
              >
                <span className="m-customs__no">{r.invt_no}</span>
              </List.Item>
            ))}
          </List>
        ) : null}
      </PullToRefresh>
      <DocSheet<CancelDetail>
        id={openId}
        onClose={() => setOpenId(null)}
        title={(d) => (d ? `撤销清单 ${d.invt_no}` : '撤销申请详情')}
        load={(id) => unwrap(api.client.GET('/api/v1/customs/cancels/{invtcancel_id}', { params: { path: { invtcancel_id: id } } }))}
      >
        {(d) => (
          <Facts
            rows={[
              ['清单编号', d.invt_no],
              ['撤销原因', d.reason],
              ['订单编号', d.order_no],
              ['电商企业', d.ebc_name],
              ['预录入编号', d.pre_no || '—'],
              ['提交时间', formatDateTime(d.created_at)],
            ]}
          />
        )}
      </DocSheet>
    </MobileCustomsShell>
  );
}
