/**
 * 消息中心 on the PC surfaces (merchant PC and the back office's own): categories with unread counts,
 * 只看未读, mark read on open, 全部已读, each message opening its target; new messages arrive live.
 */
import {
  CheckOutlined,
  ClockCircleOutlined,
  MailOutlined,
  NotificationOutlined,
  RightOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { App, Avatar, Badge, Button, Card, Empty, List, Modal, Result, Segmented, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Api } from '../api/client';
import { errorMessage, unwrap } from '../errors';
import { useMessageEvents, useUnreadCounts } from '../hooks/useMessageStream';
import {
  CATEGORIES,
  KIND_COLORS,
  formatMessageTime,
  fullTime,
  unreadOf,
  type Category,
  type MessageItem,
  type MessageKind,
} from '../messages';
import './messageCenter.css';

const PAGE_SIZE = 10;

const KIND_ICONS: Record<MessageKind, ReactNode> = {
  status: <SyncOutlined />,
  todo: <ClockCircleOutlined />,
  announcement: <NotificationOutlined />,
};

interface Props {
  api: Api;
  /** The session's scope (merchant id): the live connection is per scope. */
  scope: string | number | null | undefined;
  /** Open a message's target route on this surface. */
  onOpenLink: (link: string) => void;
  subtitle?: string;
  /** Only one business module's notices (e.g. 'customs' for 业务办理通知), under this title. */
  module?: string;
  title?: string;
  /** The page shows its own title above (the back office's tabs sit under it). */
  hideTitle?: boolean;
}

export function MessageCenter({ api, scope, onOpenLink, subtitle, module, title, hideTitle }: Props) {
  const { message: toast } = App.useApp();
  const counts = useUnreadCounts(api, scope);
  const { stream } = counts;
  const [category, setCategory] = useState<Category>('all');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [items, setItems] = useState<MessageItem[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<MessageItem | null>(null);
  const [fresh, setFresh] = useState<Set<number>>(new Set());
  const [marking, setMarking] = useState(false);
  const request = useRef(0);

  const load = useCallback(async () => {
    const mine = ++request.current;
    setLoading(true);
    try {
      const data = await unwrap(
        api.client.GET('/api/v1/notifications/messages', {
          params: {
            query: {
              page,
              page_size: PAGE_SIZE,
              kind: category === 'all' ? undefined : category,
              unread: unreadOnly ? true : undefined,
              module: module || undefined,
            },
          },
        }),
      );
      if (mine !== request.current) return;
      setItems(data.items);
      setTotal(data.total);
      setError(null);
      if (data.items.length) stream.seen(Math.max(...data.items.map((m) => m.id)));
    } catch (e) {
      if (mine === request.current) setError(errorMessage(e));
    } finally {
      if (mine === request.current) setLoading(false);
    }
  }, [api, page, category, unreadOnly, stream, module]);

  useEffect(() => {
    void load();
  }, [load]);

  useMessageEvents(api, (event) => {
    if (event.type === 'refresh') {
      void load();
      return;
    }
    const m = event.message;
    if (module) {
      void load(); // the server knows which module a message belongs to
      return;
    }
    if (page !== 1 || (category !== 'all' && category !== m.kind)) return;
    setItems((current) => (current.some((x) => x.id === m.id) ? current : [m, ...current].slice(0, PAGE_SIZE)));
    setTotal((t) => t + 1);
    setFresh((s) => new Set(s).add(m.id));
  });

  const markRead = async (m: MessageItem) => {
    if (m.read) return;
    setItems((current) => current.map((x) => (x.id === m.id ? { ...x, read: true } : x)));
    try {
      await unwrap(api.client.POST('/api/v1/notifications/messages/{message_id}/read', { params: { path: { message_id: m.id } } }));
    } catch {
      /* the list reloads below; the badge stays true to the server */
    }
    void stream.refreshCounts();
    if (unreadOnly) void load();
  };

  const openMessage = (m: MessageItem) => {
    setOpen(m);
    void markRead(m);
  };

  const readAll = async () => {
    setMarking(true);
    try {
      const result = await unwrap(
        api.client.POST('/api/v1/notifications/messages/read-all', { body: { kind: category === 'all' ? null : category } }),
      );
      stream.setCounts(result.unread);
      toast.success(result.updated ? `已将 ${result.updated} 条消息标为已读` : '没有未读消息');
      await load();
    } catch (e) {
      toast.error(errorMessage(e));
    } finally {
      setMarking(false);
    }
  };

  const unreadHere = unreadOf(counts, category);
  const label = CATEGORIES.find((c) => c.key === category)?.label ?? '';

  return (
    <Space direction="vertical" size={20} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
        {hideTitle ? (
          <Typography.Text type="secondary">{subtitle ?? '业务状态变化、待办提醒和系统公告都会汇总在这里，新消息会实时送达'}</Typography.Text>
        ) : (
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {title ?? '消息中心'}
            </Typography.Title>
            <Typography.Text type="secondary">{subtitle ?? '业务状态变化、待办提醒和系统公告都会汇总在这里，新消息会实时送达'}</Typography.Text>
          </div>
        )}
        <Space>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            options={[
              { label: '全部消息', value: 'all' },
              { label: '只看未读', value: 'unread' },
            ]}
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setPage(1);
            }}
            data-testid="unread-filter"
          />
          {module ? null : (
            <Button icon={<CheckOutlined />} onClick={() => void readAll()} loading={marking} disabled={unreadHere === 0} data-testid="read-all">
              全部已读
            </Button>
          )}
        </Space>
      </div>
      <Card variant="borderless" className="jmt-card" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={category}
          onChange={(key) => {
            setCategory(key as Category);
            setPage(1);
          }}
          items={CATEGORIES.filter((c) => !module || c.key !== 'announcement').map((c) => ({
            key: c.key,
            label: (
              <span data-testid={`category-${c.key}`}>
                {c.label}
                <Badge count={module ? 0 : unreadOf(counts, c.key)} size="small" overflowCount={99} offset={[6, -2]} data-testid={`category-${c.key}-count`} />
              </span>
            ),
          }))}
        />
        {error ? (
          <Result
            status="warning"
            title="消息加载失败"
            subTitle={error}
            extra={<Button onClick={() => void load()}>重试</Button>}
          />
        ) : (
          <List
            loading={loading && items.length === 0 ? { tip: '加载中…' } : loading}
            dataSource={items}
            locale={{
              emptyText: loading ? ' ' : (
                <Empty
                  image={
                    <span className="jmt-empty-icon">
                      <MailOutlined />
                    </span>
                  }
                  styles={{ image: { height: 56 } }}
                  description={
                    <Space direction="vertical" size={2}>
                      <Typography.Text>{unreadOnly ? `没有未读的${category === 'all' ? '' : label}消息` : `暂无${category === 'all' ? '' : label}消息`}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        有新消息时会实时出现在这里，并在铃铛上提醒您
                      </Typography.Text>
                    </Space>
                  }
                  style={{ padding: '40px 0' }}
                />
              ),
            }}
            pagination={
              total > PAGE_SIZE
                ? { current: page, pageSize: PAGE_SIZE, total, onChange: setPage, showSizeChanger: false, size: 'small', showTotal: (t) => `共 ${t} 条` }
                : false
            }
            renderItem={(m) => (
              <List.Item
                key={m.id}
                className={`jmt-message${m.read ? '' : ' jmt-message--unread'}${fresh.has(m.id) ? ' jmt-message--fresh' : ''}`}
                onClick={() => openMessage(m)}
                data-testid="message-item"
                data-read={m.read ? 'true' : 'false'}
                actions={[
                  <Tooltip key="time" title={fullTime(m.created_at)}>
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                      {formatMessageTime(m.created_at)}
                    </Typography.Text>
                  </Tooltip>,
                ]}
              >
                <List.Item.Meta
                  avatar={
                    <Badge dot={!m.read} offset={[-2, 2]}>
                      <Avatar style={{ background: KIND_COLORS[m.kind].bg, color: KIND_COLORS[m.kind].color }} icon={KIND_ICONS[m.kind]} />
                    </Badge>
                  }
                  title={
                    <Space size={8}>
                      <Tag bordered={false} color={KIND_COLORS[m.kind].tag} style={{ marginInlineEnd: 0 }}>
                        {m.kind_label}
                      </Tag>
                      <Typography.Text strong={!m.read} data-testid="message-title">
                        {m.title}
                      </Typography.Text>
                    </Space>
                  }
                  description={
                    m.body ? (
                      <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0 }}>
                        {m.body}
                      </Typography.Paragraph>
                    ) : null
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Modal
        open={open !== null}
        onCancel={() => setOpen(null)}
        title={
          open ? (
            <Space>
              <Avatar size="small" style={{ background: KIND_COLORS[open.kind].bg, color: KIND_COLORS[open.kind].color }} icon={KIND_ICONS[open.kind]} />
              {open.kind_label}
            </Space>
          ) : null
        }
        footer={
          open?.link ? (
            <Button
              type="primary"
              icon={<RightOutlined />}
              onClick={() => {
                const link = open.link;
                setOpen(null);
                onOpenLink(link);
              }}
            >
              查看详情
            </Button>
          ) : (
            <Button onClick={() => setOpen(null)}>知道了</Button>
          )
        }
      >
        {open ? (
          <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="message-detail">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {open.title}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {fullTime(open.created_at)}
            </Typography.Text>
            {open.body ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{open.body}</Typography.Paragraph> : null}
          </Space>
        ) : null}
      </Modal>
    </Space>
  );
}
