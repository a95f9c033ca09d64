/** H5 外币到账展示及结汇 (F2–F5): the balance with 结汇中金额, 结汇明细 and 收结汇明细, 快速结汇. */
import { Button, ErrorBlock, InfiniteScroll, List, Popup, Tabs, Tag } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import { dateTime, money, type Account, type Entry, type Settlement } from '@/shared/fx';
import { useMe } from '@/shared/session';
import { MobileRateCard } from '../../components/MobileRateCard';
import { MobileLoading } from '../customs/MobileCustomsShell';
import { MobileFxShell } from './MobileFxShell';
import './fx.css';

const TAG_COLORS: Record<string, 'primary' | 'success' | 'danger' | 'warning' | 'default'> = {
  pending: 'warning',
  completed: 'success',
  rejected: 'danger',
};

export function MobileSettlementRows({ s }: { s: Settlement }) {
  const rows: [string, string][] = [
    ['申请编号', s.number],
    ['状态', s.state_label],
    ['结汇金额', money(s.amount)],
    ['结汇日期', s.settle_date],
    ['指定汇率', s.rate],
  ];
  if (s.state === 'completed') {
    rows.push(['实际结算汇率', s.actual_rate ?? '—'], ['人民币到账', money(s.cny_amount)], ['剩余未结汇', money(s.remaining_usd)]);
  }
  if (s.state === 'rejected') rows.push(['驳回原因', s.reject_reason]);
  rows.push(
    ['收款平台流水', s.statement_document?.name ?? '—'],
    ['物流发货信息', s.shipping_document?.name ?? '—'],
    ['结汇银行卡号', s.bank_account],
    ['开户行', s.bank_name],
    ['备注', s.remark || '—'],
    ['提交时间', dateTime(s.created_at)],
  );
  return (
    <div data-testid="m-fx-detail">
      {rows.map(([label, value]) => (
        <div className="m-fx-row" key={label}>
          <span>{label}</span>
          <span>{value}</span>
        </div>
      ))}
    </div>
  );
}

function usePaged<T>(load: (page: number) => Promise<{ items: T[]; total: number }>) {
  const [items, setItems] = useState<T[]>([]);
  const [page, setPage] = useState(1);
  const [hasMore, setHasMore] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const more = async () => {
    try {
      const data = await load(page);
      const next = [...items, ...data.items];
      setItems(next);
      setPage(page + 1);
      setHasMore(next.length < data.total);
    } catch (e) {
      setError(errorMessage(e));
      setHasMore(false);
    }
  };
  return { items, hasMore, error, more };
}

function SettlementList({ onOpen }: { onOpen: (s: Settlement) => void }) {
  const { api } = useMe();
  const paged = usePaged<Settlement>((page) => unwrap(api.client.GET('/api/v1/fx/settlements', { params: { query: { page, page_size: 20 } } })));
  return (
    <>
      {paged.error ? <ErrorBlock status="default" title="加载失败" description={paged.error} /> : null}
      <List data-testid="m-fx-settlements">
        {paged.items.map((s) => (
          <List.Item
            key={s.id}
            onClick={() => onOpen(s)}
            extra={<Tag color={TAG_COLORS[s.state]}>{s.state_label}</Tag>}
            description={s.state === 'completed' ? `实际汇率 ${s.actual_rate} · 到账 ${money(s.cny_amount)}` : `指定汇率 ${s.rate} · ${s.settle_date}`}
          >
            {money(s.amount)}
          </List.Item>
        ))}
      </List>
      {!paged.hasMore && paged.items.length === 0 && !paged.error ? <ErrorBlock status="empty" title="还没有结汇申请" description="点击下方「快速结汇」发起" /> : null}
      <InfiniteScroll loadMore={paged.more} hasMore={paged.hasMore}>
        {paged.hasMore ? <MobileLoading /> : <span className="m-fx-muted">{paged.items.length ? '没有更多了' : ''}</span>}
      </InfiniteScroll>
    </>
  );
}

function LedgerList() {
  const { api } = useMe();
  const paged = usePaged<Entry>((page) => unwrap(api.client.GET('/api/v1/fx/entries', { params: { query: { page, page_size: 20 } } })));
  return (
    <>
      {paged.error ? <ErrorBlock status="default" title="加载失败" description={paged.error} /> : null}
      <List data-testid="m-fx-ledger">
        {paged.items.map((e) => (
          <List.Item
            key={e.id}
            description={`${dateTime(e.created_at)} · 余额 ${money(e.balance_after)}${Number(e.frozen_after.amount) ? ` · 结汇中 ${money(e.frozen_after)}` : ''}`}
            extra={Number(e.amount.amount) !== 0 ? money(e.amount, true) : Number(e.frozen.amount) !== 0 ? `冻结 ${money(e.frozen, true)}` : '—'}
          >
            {e.kind_label}
          </List.Item>
        ))}
      </List>
      {!paged.hasMore && paged.items.length === 0 && !paged.error ? <ErrorBlock status="empty" title="暂无收结汇明细" description="" /> : null}
      <InfiniteScroll loadMore={paged.more} hasMore={paged.hasMore}>
        {paged.hasMore ? <MobileLoading /> : <span className="m-fx-muted">{paged.items.length ? '没有更多了' : ''}</span>}
      </InfiniteScroll>
    </>
  );
}

export default function MobileFxSettlementsPage() {
  const { api, access } = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Settlement | null>(null);
  const tab = params.get('tab') === 'ledger' ? 'ledger' : 'settlements';
  const openId = params.get('id');
  const load = useCallback(() => {
    unwrap(api.client.GET('/api/v1/fx/summary'))
      .then((s) => setAccount(s.account))
      .catch((e) => setError(errorMessage(e)));
  }, [api]);
  useEffect(load, [load]);
  useEffect(() => {
    if (!openId) return;
    unwrap(api.client.GET('/api/v1/fx/settlements/{settlement_id}', { params: { path: { settlement_id: Number(openId) } } }))
      .then(setOpen)
      .catch(() => setOpen(null));
  }, [api, openId]);

  return (
    <MobileFxShell>
      <div className="m-fx-card" data-testid="m-fx-balance">
        <div className="m-fx-muted">子账户余额（美元）</div>
        {error ? <ErrorBlock status="default" title="余额加载失败" description={error} /> : null}
        {account === undefined && !error ? <MobileLoading /> : null}
        {account === null ? <div className="m-fx-muted" style={{ padding: '12px 0' }}>捷晶上传子账户余额后，这里会显示您的美元余额</div> : null}
        {account ? (
          <>
            <div className="m-fx-balance">{money(account.balance)}</div>
            {Number(account.frozen.amount) > 0 ? <div className="m-fx-frozen">结汇中金额：{money(account.frozen)}</div> : null}
            <div className="m-fx-grid">
              <span className="m-fx-muted">可用余额</span>
              <span>{money(account.available)}</span>
              <span className="m-fx-muted">更新时间</span>
              <span>{dateTime(account.updated_at)}</span>
            </div>
          </>
        ) : null}
      </div>
      <div className="m-fx-actions">
        <Button block color="primary" disabled={!account || !access.can('fx:settlements:edit')} onClick={() => navigate('/fx/settlements/new')} data-testid="m-fx-new">
          快速结汇
        </Button>
      </div>
      <div className="m-fx-card" style={{ padding: '4px 0' }}>
        <Tabs activeKey={tab} onChange={(k) => setParams(k === 'ledger' ? { tab: 'ledger' } : {}, { replace: true })}>
          <Tabs.Tab key="settlements" title="结汇明细">
            <SettlementList onOpen={setOpen} />
          </Tabs.Tab>
          <Tabs.Tab key="ledger" title="收结汇明细">
            <LedgerList />
          </Tabs.Tab>
        </Tabs>
      </div>
      <Popup visible={open !== null} onMaskClick={() => setOpen(null)} bodyStyle={{ borderRadius: '12px 12px 0 0', padding: 16, maxHeight: '80vh', overflow: 'auto' }}>
        {open ? <MobileSettlementRows s={open} /> : null}
        {open?.state === 'completed' ? <MobileRateCard kind="settlement" objectId={open.id} /> : null}
      </Popup>
    </MobileFxShell>
  );
}
