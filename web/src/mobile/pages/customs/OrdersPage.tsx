/** H5 订单状态 (read-only): declared orders with their explained status, filters, search. */
import { FileSearchOutlined } from '@ant-design/icons';
import { CapsuleTabs, DotLoading, ErrorBlock, InfiniteScroll, List, NavBar, SearchBar, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { showExportQueued } from '../../components/exportQueued';
import { MobileEmpty } from '../../components/MobileEmpty';
import './customs.css';

type OrderRow = components['schemas']['OrderRowOut'];
export type Explained = components['schemas']['ExplainedOut'];

const FILTERS = [
  { key: '', title: '全部' },
  { key: 'in_progress', title: '申报中' },
  { key: 'released', title: '已放行' },
  { key: 'closed', title: '已结关' },
  { key: 'problem', title: '需处理' },
];
const TONE: Record<string, 'success' | 'primary' | 'warning' | 'danger' | 'default'> = {
  success: 'success',
  processing: 'primary',
  warning: 'warning',
  error: 'danger',
  default: 'default',
};

export function MobileStatusTag({ status }: { status: Explained }) {
  return (
    <Tag color={TONE[status.tone] ?? 'default'} fill="outline" style={{ '--border-radius': '4px' }}>
      {status.label}
    </Tag>
  );
}

export default function OrdersPage() {
  const { api } = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const batchId = Number(params.get('batch')) || undefined;
  const [status, setStatus] = useState(FILTERS.some((f) => f.key === params.get('status')) ? (params.get('status') as string) : '');
  const [search, setSearch] = useState('');
  const [items, setItems] = useState<OrderRow[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);

  const fetchPage = useCallback(
    async (next: number) => {
      const mine = ++request.current;
      if (next === 1) setLoading(true);
      try {
        const data = await unwrap(api.client.GET('/api/v1/customs/orders', { params: { query: { page: next, page_size: 20, status, search, batch_id: batchId } } }));
        if (mine !== request.current) return;
        setItems((current) => (next === 1 ? data.items : [...current, ...data.items]));
        setTotal(data.total);
        setPage(next);
        setError(null);
      } catch (e) {
        if (mine === request.current) setError(errorMessage(e));
      } finally {
        if (mine === request.current) setLoading(false);
      }
    },
    [api, status, search, batchId],
  );

  useEffect(() => {
    setItems([]);
    void fetchPage(1);
  }, [fetchPage]);

  // When every row says the same next step, say it once above the list.
  const hints = new Set(items.map((o) => o.status.next_step));
  const sharedHint = items.length > 1 && hints.size === 1 ? items[0].status.next_step : null;

  const exportOrders = async () => {
    try {
      const query = { status, search, batch_id: batchId, format: 'xlsx' as const };
      const queued = await unwrap(api.client.POST('/api/v1/customs/orders/export', { params: { query } }));
      showExportQueued(queued.title, navigate);
    } catch (e) {
      Toast.show({ content: errorMessage(e) });
    }
  };

  return (
    <div className="m-customs">
      <NavBar
        onBack={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))}
        style={{ background: '#fff' }}
        right={
          <a className="m-customs__export" onClick={() => void exportOrders()} data-testid="m-orders-export">
            导出
          </a>
        }
      >
        {batchId ? '本批次订单' : '订单状态'}
      </NavBar>
      <div className="m-customs__bar">
        <SearchBar placeholder="订单编号 / 清单编号 / 运单号" onSearch={(v) => setSearch(v.trim())} onClear={() => setSearch('')} />
        <CapsuleTabs activeKey={status} onChange={setStatus}>
          {FILTERS.map((f) => (
            <CapsuleTabs.Tab key={f.key} title={f.title} />
          ))}
        </CapsuleTabs>
      </div>
      {error && items.length === 0 ? (
        <ErrorBlock status="disconnected" title="加载失败" description={error} />
      ) : loading && items.length === 0 ? (
        <div className="m-customs__loading">
          <DotLoading color="primary" />
        </div>
      ) : items.length === 0 ? (
        <MobileEmpty icon={<FileSearchOutlined />} title={status || search ? '没有符合条件的订单' : '还没有申报的订单'} hint="在电脑端「电子订单报送」上传并申报后，可在这里查看进度" />
      ) : (
        <>
          {sharedHint ? <div className="m-customs__hint" data-testid="m-orders-hint">下一步：{sharedHint}</div> : null}
          <List>
            {items.map((order) => (
              <List.Item
                key={order.id}
                onClick={() => navigate(`/customs/orders/${order.id}`)}
                extra={<MobileStatusTag status={order.status} />}
                description={sharedHint ? undefined : order.status.next_step}
              >
                <div className="m-customs__no">{order.order_no}</div>
                <div className="m-customs__sub">{order.invt_no ? `清单 ${order.invt_no}` : order.batch_name}</div>
              </List.Item>
            ))}
          </List>
          <InfiniteScroll loadMore={() => fetchPage(page + 1)} hasMore={items.length < total}>
            {items.length < total ? <DotLoading /> : <span className="m-customs__end">共 {total} 单</span>}
          </InfiniteScroll>
        </>
      )}
    </div>
  );
}
