/** 消息 tab (G3) on the H5: categories with unread counts, 只看未读, mark read on open, 全部已读, live. */
import { ClockCircleOutlined, MailOutlined, NotificationOutlined, SyncOutlined } from '@ant-design/icons';
import { Badge, Button, DotLoading, ErrorBlock, InfiniteScroll, List, NavBar, Popup, Switch, Tabs, Toast } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMessageEvents, useUnreadCounts } from '@/shared/hooks/useMessageStream';
import {
  badgeText,
  CATEGORIES,
  formatMessageTime,
  fullTime,
  KIND_COLORS,
  unreadOf,
  type Category,
  type MessageItem,
  type MessageKind,
} from '@/shared/messages';
import { useMe } from '@/shared/session';
import { MobileEmpty } from '../../components/MobileEmpty';
import './messages.css';

const PAGE_SIZE = 15;
const KIND_ICONS: Record<MessageKind, ReactNode> = {
  status: <SyncOutlined />,
  todo: <ClockCircleOutlined />,
  announcement: <NotificationOutlined />,
};

/**
 * The 消息 tab; with `module` the same list narrowed to one business module's notices, under its own
 * title and back bar (出口报关's 业务办理通知, C7).
 */
export default function MessagesPage({ module, title }: { module?: string; title?: string } = {}) {
  const { api, me } = useMe();
  const navigate = useNavigate();
  const counts = useUnreadCounts(api, me.merchant?.id);
  const { stream } = counts;
  const [category, setCategory] = useState<Category>('all');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [items, setItems] = useState<MessageItem[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<MessageItem | null>(null);
  const request = useRef(0);

  const fetchPage = useCallback(
    async (next: number) => {
      const mine = ++request.current;
      if (next === 1) setLoading(true);
      try {
        const data = await unwrap(
          api.client.GET('/api/v1/notifications/messages', {
            params: {
              query: {
                page: next,
                page_size: PAGE_SIZE,
                kind: category === 'all' ? undefined : category,
                unread: unreadOnly ? true : undefined,
                module: module || undefined,
              },
            },
          }),
        );
        if (mine !== request.current) return;
        setItems((current) => (next === 1 ? data.items : [...current, ...data.items.filter((m) => !current.some((x) => x.id === m.id))]));
        setTotal(data.total);
        setPage(next);
        setError(null);
        if (data.items.length) stream.seen(Math.max(...data.items.map((m) => m.id)));
      } catch (e) {
        if (mine === request.current) setError(errorMessage(e));
      } finally {
        if (mine === request.current) setLoading(false);
      }
    },
    [api, category, unreadOnly, stream, module],
  );

  useEffect(() => {
    setItems([]);
    void fetchPage(1);
  }, [fetchPage]);

  useMessageEvents(api, (event) => {
    if (event.type === 'refresh') {
      void fetchPage(1);
      return;
    }
    const m = event.message;
    if (module) {
      void fetchPage(1); // the server knows which module a message belongs to
      return;
    }
    if (category !== 'all' && category !== m.kind) return;
    setItems((current) => (current.some((x) => x.id === m.id) ? current : [m, ...current]));
    setTotal((t) => t + 1);
  });

  const openMessage = async (m: MessageItem) => {
    setOpen(m);
    if (m.read) return;
    setItems((current) => current.map((x) => (x.id === m.id ? { ...x, read: true } : x)));
    try {
      await unwrap(api.client.POST('/api/v1/notifications/messages/{message_id}/read', { params: { path: { message_id: m.id } } }));
    } catch {
      /* the badge stays true to the server below */
    }
    void stream.refreshCounts();
  };

  const readAll = async () => {
    try {
      const result = await unwrap(
        api.client.POST('/api/v1/notifications/messages/read-all', { body: { kind: category === 'all' ? null : category } }),
      );
      stream.setCounts(result.unread);
      Toast.show({ content: result.updated ? `已将 ${result.updated} 条标为已读` : '没有未读消息' });
      void fetchPage(1);
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };

  const label = CATEGORIES.find((c) => c.key === category)?.label ?? '';

  return (
    <div className="m-messages">
      {module ? (
        <NavBar onBack={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))} style={{ background: '#fff' }}>
          {title ?? '业务办理通知'}
        </NavBar>
      ) : (
        <div className="m-page-title m-messages__head">
          <span>消息</span>
          <Button size="small" fill="none" color="primary" disabled={unreadOf(counts, category) === 0} onClick={() => void readAll()} data-testid="read-all">
            全部已读
          </Button>
        </div>
      )}
      <div className="m-messages__tabs">
        <Tabs activeKey={category} onChange={(key) => setCategory(key as Category)} style={{ '--title-font-size': '15px' }}>
          {CATEGORIES.filter((c) => !module || c.key !== 'announcement').map((c) => {
            // The unread counts are of the whole message center: a module's view shows none.
            const n = module ? 0 : unreadOf(counts, c.key);
            return (
              <Tabs.Tab
                key={c.key}
                title={
                  <Badge content={n ? badgeText(n) : null} style={{ '--right': '-10px', '--top': '2px' }} data-testid={`category-${c.key}-count`}>
                    <span data-testid={`category-${c.key}`}>{c.short}</span>
                  </Badge>
                }
              />
            );
          })}
        </Tabs>
        <label className="m-messages__filter">
          <span>只看未读</span>
          <Switch checked={unreadOnly} onChange={setUnreadOnly} style={{ '--height': '22px', '--width': '40px' }} data-testid="unread-filter" />
        </label>
      </div>
      {error && items.length === 0 ? (
        <ErrorBlock status="default" title="消息加载失败" description={error} style={{ padding: '48px 0' }}>
          <Button color="primary" size="small" onClick={() => void fetchPage(1)}>
            重试
          </Button>
        </ErrorBlock>
      ) : loading && items.length === 0 ? (
        <div className="m-messages__loading">
          <DotLoading color="primary" />
          <span>加载中</span>
        </div>
      ) : items.length === 0 ? (
        <div style={{ paddingTop: 48 }}>
          <MobileEmpty
            icon={<MailOutlined />}
            title={unreadOnly ? `没有未读的${category === 'all' ? '' : label}消息` : `暂无${category === 'all' ? '' : label}消息`}
            hint={module ? '批次放行、回执、待提交的单证等办理进展会实时显示在这里' : '业务状态变化、待办提醒和系统公告会实时显示在这里'}
          />
        </div>
      ) : (
        <>
          <List className="m-messages__list">
            {items.map((m) => (
              <List.Item
                key={m.id}
                onClick={() => void openMessage(m)}
                data-testid="message-item"
                data-read={m.read ? 'true' : 'false'}
                prefix={
                  <Badge content={m.read ? null : Badge.dot} style={{ '--right': '5px', '--top': '5px' }}>
                    <span className="m-messages__icon" style={{ background: KIND_COLORS[m.kind].bg, color: KIND_COLORS[m.kind].color }}>
                      {KIND_ICONS[m.kind]}
                    </span>
                  </Badge>
                }
                description={m.body ? <span className="m-messages__body">{m.body}</span> : undefined}
                extra={<span className="m-messages__time">{formatMessageTime(m.created_at)}</span>}
                arrowIcon={false}
              >
                <span className={m.read ? 'm-messages__title' : 'm-messages__title m-messages__title--unread'} data-testid="message-title">
                  {m.title}
                </span>
              </List.Item>
            ))}
          </List>
          <InfiniteScroll loadMore={() => fetchPage(page + 1)} hasMore={items.length < total && !error}>
            {items.length < total ? <DotLoading /> : <span className="m-messages__end">没有更多了</span>}
          </InfiniteScroll>
        </>
      )}
      <Popup visible={open !== null} onMaskClick={() => setOpen(null)} bodyStyle={{ borderTopLeftRadius: 16, borderTopRightRadius: 16 }}>
        {open ? (
          <div className="m-messages__detail" data-testid="message-detail">
            <div className="m-messages__detail-kind" style={{ color: KIND_COLORS[open.kind].color }}>
              {KIND_ICONS[open.kind]} {open.kind_label}
            </div>
            <h3>{open.title}</h3>
            <div className="m-messages__time">{fullTime(open.created_at)}</div>
            {open.body ? <p>{open.body}</p> : null}
            <div className="m-messages__detail-actions">
              {open.link ? (
                <Button
                  block
                  color="primary"
                  onClick={() => {
                    const link = open.link;
                    setOpen(null);
                    navigate(link);
                  }}
                >
                  查看详情
                </Button>
              ) : null}
              <Button block onClick={() => setOpen(null)}>
                关闭
              </Button>
            </div>
          </div>
        ) : null}
      </Popup>
    </div>
  );
}
