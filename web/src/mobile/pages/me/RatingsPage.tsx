/** 我的评价 on the H5 (U4): items 待评价 (rate them in a sheet) and the ratings given, with 捷晶's replies. */
import { StarOutlined } from '@ant-design/icons';
import { DotLoading, ErrorBlock, InfiniteScroll, List, Popup, Tabs, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage, unwrap } from '@/shared/errors';
import { EDIT_RULE, ratingFocus, submitRating, targetOf, type MyRating, type PendingRating, type RatingValues } from '@/shared/ratings';
import { useMe } from '@/shared/session';
import { MobileEmpty } from '../../components/MobileEmpty';
import { MobileRateForm, MobileRatingView } from '../../components/MobileRateCard';
import { SubPage } from './SubPage';

const PAGE_SIZE = 10;

function Given({ version, focus, onEdit }: { version: number; focus: number | null; onEdit: (r: MyRating) => void }) {
  const { api } = useMe();
  const navigate = useNavigate();
  const [rows, setRows] = useState<MyRating[]>([]);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    setRows([]);
    setPage(0);
    setHasMore(true);
  }, [version]);

  const loadMore = useCallback(async () => {
    const fetchPage = (n: number, focused?: number) =>
      unwrap(api.client.GET('/api/v1/ratings', { params: { query: { page: n, page_size: PAGE_SIZE, focus: focused } } }));
    try {
      if (page === 0 && focus !== null) {
        // A 站内信 link names one rating: load down to the page that holds it, then keep scrolling from there.
        const held = await fetchPage(1, focus);
        const earlier = await Promise.all(Array.from({ length: held.page - 1 }, (_, i) => fetchPage(i + 1)));
        setRows([...earlier.flatMap((p) => p.items), ...held.items]);
        setPage(held.page);
        setHasMore(held.page * PAGE_SIZE < held.total);
        return;
      }
      const next = page + 1;
      const data = await fetchPage(next);
      setRows((current) => [...current, ...data.items]);
      setPage(next);
      setHasMore(next * PAGE_SIZE < data.total);
    } catch (e) {
      setFailure(errorMessage(e));
      setHasMore(false);
    }
  }, [api, page, focus]);

  const shown = rows.length > 0;
  useEffect(() => {
    if (focus === null || !shown) return;
    document.querySelector(`[data-testid="m-my-rating-${focus}"]`)?.scrollIntoView({ block: 'center' });
  }, [focus, shown]);

  return (
    <>
      {failure ? <ErrorBlock status="default" title="加载失败" description={failure} /> : null}
      {!hasMore && !failure && rows.length === 0 ? (
        <MobileEmpty icon={<StarOutlined />} title="还没有评价" hint="业务办结后可在业务页面或「待评价」中评价" />
      ) : null}
      {rows.length ? (
        <List mode="card" data-testid="m-my-ratings">
          {rows.map((r) => (
            <List.Item
              key={r.id}
              className={r.id === focus ? 'm-rate__focus' : undefined}
              data-testid={`m-my-rating-${r.id}`}
              description={<MobileRatingView rating={r} />}
              extra={
                r.editable ? (
                  <span className="m-rate__edit" onClick={() => onEdit(r)}>
                    修改
                  </span>
                ) : null
              }
              onClick={r.subject_route ? () => navigate(r.subject_route) : undefined}
              arrow={false}
            >
              <Tag color="default" fill="outline">
                {r.kind_label}
              </Tag>{' '}
              <span className="mme-sub__static">{r.subject_title}</span>
            </List.Item>
          ))}
        </List>
      ) : null}
      <InfiniteScroll loadMore={loadMore} hasMore={hasMore}>
        {hasMore ? '加载中…' : rows.length ? '没有更多了' : ''}
      </InfiniteScroll>
    </>
  );
}

function Waiting({ version, onRate }: { version: number; onRate: (p: PendingRating) => void }) {
  const { api } = useMe();
  const [rows, setRows] = useState<PendingRating[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    setRows(null);
    unwrap(api.client.GET('/api/v1/ratings/pending'))
      .then(setRows)
      .catch((e) => setFailure(errorMessage(e)));
  }, [api, version]);
  if (failure) return <ErrorBlock status="default" title="加载失败" description={failure} />;
  if (rows === null) {
    return (
      <div style={{ textAlign: 'center', padding: 24 }}>
        <DotLoading color="primary" />
      </div>
    );
  }
  if (!rows.length) return <MobileEmpty icon={<StarOutlined />} title="没有待评价的业务" hint="近 30 天办结的业务都已评价，谢谢！" />;
  return (
    <List mode="card" data-testid="m-pending-ratings">
      {rows.map((p) => (
        <List.Item
          key={`${p.kind}-${p.object_id}`}
          description={`办结于 ${formatDateTime(p.completed_at)}`}
          extra={<span className="m-rate__edit">去评价</span>}
          onClick={() => onRate(p)}
        >
          <Tag color="default" fill="outline">
            {p.kind_label}
          </Tag>{' '}
          {p.title}
        </List.Item>
      ))}
    </List>
  );
}

export default function RatingsPage() {
  const { api } = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'pending' ? 'pending' : 'mine';
  const focus = ratingFocus(params);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<{ pending: PendingRating } | { rating: MyRating } | null>(null);

  const save = async (v: RatingValues) => {
    if (!editing) return;
    try {
      Toast.show({ icon: 'success', content: (await submitRating(api, targetOf(editing), v)) === 'updated' ? '评价已修改' : '感谢您的评价' });
      setEditing(null);
      setVersion((n) => n + 1);
    } catch (e) {
      Toast.show({ content: errorMessage(e) });
    }
  };

  return (
    <SubPage title="我的评价">
      <Tabs activeKey={tab} onChange={(key) => setParams(key === 'pending' ? { tab: 'pending' } : {}, { replace: true })}>
        <Tabs.Tab title="已评价" key="mine" />
        <Tabs.Tab title="待评价" key="pending" />
      </Tabs>
      <div className="mme-sub__note" style={{ margin: '12px 24px 0' }}>
        业务办结后可评价 1–5 星；{EDIT_RULE}。
      </div>
      {tab === 'mine' ? (
        <Given version={version} focus={focus} onEdit={(rating) => setEditing({ rating })} />
      ) : (
        <Waiting version={version} onRate={(pending) => setEditing({ pending })} />
      )}
      <Popup visible={editing !== null} onMaskClick={() => setEditing(null)} bodyStyle={{ borderRadius: '12px 12px 0 0', padding: 16 }} destroyOnClose>
        {editing ? (
          <>
            <div className="m-rate__title">{'pending' in editing ? `评价：${editing.pending.title}` : `修改评价：${editing.rating.subject_title}`}</div>
            <MobileRateForm
              initial={'rating' in editing ? editing.rating : undefined}
              submitText={'rating' in editing ? '保存修改' : '提交评价'}
              onSubmit={save}
              onCancel={() => setEditing(null)}
            />
          </>
        ) : null}
      </Popup>
    </SubPage>
  );
}
