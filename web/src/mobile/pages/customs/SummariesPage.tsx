/** 汇总申请单报送 (C4) on the H5: pick a month's 结关 inventories and submit; the 报关单号 comes back here. */
import { CalendarOutlined } from '@ant-design/icons';
import { Button, Dialog, ErrorBlock, List, NoticeBar, PullToRefresh, Toast } from 'antd-mobile';
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

type Listing = components['schemas']['SummariesOut'];
type SummaryDetail = components['schemas']['SummaryDetailOut'];
const EDIT = 'customs:summaries:edit';

export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${Number(y)}年${Number(m)}月`;
}

export default function SummariesPage() {
  const { api, access } = useMe();
  const canEdit = access.can(EDIT);
  const [params] = useSearchParams();
  const [data, setData] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [month, setMonth] = useState<string | null>(params.get('month'));
  const focusMonth = params.get('month');
  const focusId = Number(params.get('id')) || null;
  const [openId, setOpenId] = useState<number | null>(focusId);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setError(null);
    try {
      const listing = await unwrap(api.client.GET('/api/v1/customs/summaries'));
      setData(listing);
      setMonth((m) => (m && listing.candidates.some((c) => c.month === m) ? m : (listing.candidates[0]?.month ?? null)));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const candidates = data?.candidates ?? [];
  const items = data?.items ?? [];
  const count = candidates.filter((c) => c.month === month).reduce((n, c) => n + c.inventories, 0);
  const blocker = !canEdit ? '只读成员不能报送' : candidates.length === 0 ? '暂无已结关、待汇总的清单' : !month ? '请先选择结关月份' : count === 0 ? `${monthLabel(month)}没有待汇总的清单` : null;
  useScrollTo(focusId ? `m-summary-${focusId}` : focusMonth ? `m-summary-month-${focusMonth}` : null, data !== null);
  const urgent = [...candidates].sort((a, b) => a.due_date.localeCompare(b.due_date))[0];

  const submit = async () => {
    if (!month) return;
    const ok = await Dialog.confirm({ content: `生成并提交 ${monthLabel(month)} 的汇总申请（${count} 票清单）？`, confirmText: '提交', cancelText: '取消' });
    if (!ok) return;
    setBusy(true);
    try {
      const created = await unwrap(api.client.POST('/api/v1/customs/summaries', { body: { month, customs_code: '' } }));
      Toast.show({ icon: 'success', content: `已提交 ${monthLabel(created.month)} 汇总申请` });
      await load();
      setOpenId(created.id);
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <MobileCustomsShell fallbackTitle="汇总申请单报送">
      {error ? <ErrorBlock status="default" title="加载失败" description={error} /> : null}
      {!data && !error ? <MobileLoading /> : null}
      {data ? (
        <PullToRefresh onRefresh={load}>
          {urgent ? (
            <NoticeBar
              color={urgent.overdue ? 'alert' : 'info'}
              wrap
              icon={<CalendarOutlined />}
              content={urgent.overdue ? `${monthLabel(urgent.month)}的汇总已超过截止日（${urgent.due_date}），请尽快提交` : `请在 ${urgent.due_date} 前提交 ${monthLabel(urgent.month)} 的汇总申请`}
              data-testid="m-summary-reminder"
            />
          ) : null}
          {candidates.length === 0 && items.length === 0 ? (
            <MobileEmpty icon={<CalendarOutlined />} title="暂无待汇总的结关清单" hint="每月 15 日前，把上月已结关的清单汇总申报；报关单号用于出口退税" />
          ) : null}
          {candidates.length ? (
            <List header="选择结关月份" style={{ margin: '12px 12px 0', borderRadius: 12, overflow: 'hidden' }}>
              {candidates.map((c) => (
                <List.Item
                  key={`${c.month}-${c.customs_code}`}
                  onClick={() => setMonth(c.month)}
                  className={c.month === focusMonth ? 'm-customs__focus' : undefined}
                  data-focus={c.month === focusMonth || undefined}
                  arrowIcon={false}
                  extra={month === c.month ? <span style={{ color: '#4f46e5', fontWeight: 600 }}>已选</span> : null}
                  description={c.current_month ? '本月尚未结束，可先汇总已结关部分' : `截止 ${c.due_date}`}
                  data-testid={`m-summary-month-${c.month}`}
                >
                  {monthLabel(c.month)} · {c.inventories} 票待汇总
                </List.Item>
              ))}
            </List>
          ) : null}
          {candidates.length ? (
            <div className="m-customs__actions">
              <Button block color="primary" shape="rounded" loading={busy} disabled={blocker !== null} onClick={() => void submit()} data-testid="m-summary-submit">
                {count ? `生成并提交汇总（${count} 票）` : '生成并提交汇总'}
              </Button>
              {blocker ? <div className="m-customs__muted">{blocker}</div> : null}
            </div>
          ) : null}
          {items.length ? (
            <List header="已提交的汇总申请" style={{ margin: '12px', borderRadius: 12, overflow: 'hidden' }} data-testid="m-summaries">
              {items.map((r) => (
                <List.Item
                  key={r.id}
                  className={r.id === focusId ? 'm-customs__focus' : undefined}
                  data-testid={`m-summary-${r.id}`}
                  data-focus={r.id === focusId || undefined}
                  onClick={() => setOpenId(r.id)}
                  extra={<MobileStatusTag status={r.status} />}
                  description={r.entry_id ? `报关单号 ${r.entry_id}` : `等待海关生成报关单 · ${formatDateTime(r.created_at)}`}
                >
                  {monthLabel(r.month)} · {r.inventories} 票
                </List.Item>
              ))}
            </List>
          ) : null}
        </PullToRefresh>
      ) : null}
      <DocSheet<SummaryDetail>
        id={openId}
        onClose={() => setOpenId(null)}
        title={(d) => (d ? `${monthLabel(d.month)} 汇总申请` : '汇总申请详情')}
        load={(id) => unwrap(api.client.GET('/api/v1/customs/summaries/{summary_apply_id}', { params: { path: { summary_apply_id: id } } }))}
      >
        {(d) => (
          <>
            {d.entry_id ? (
              <NoticeBar color="success" wrap content={`报关单号 ${d.entry_id}（已保存，办理出口退税时使用）`} data-testid="m-summary-entry-id" />
            ) : null}
            <Facts
              rows={[
                ['汇总月份', monthLabel(d.month)],
                ['截止日期', d.due_date],
                ['汇总申请编号', d.sum_no || '海关入库后生成'],
                ['企业编号', d.cop_no],
                ['清单数', `${d.inventories} 票`],
                ['毛重合计', `${d.gross_weight} 千克`],
                ['提交时间', formatDateTime(d.created_at)],
              ]}
            />
            <List header="汇总的清单">
              <NumberTags numbers={d.invt_nos} />
            </List>
          </>
        )}
      </DocSheet>
    </MobileCustomsShell>
  );
}
