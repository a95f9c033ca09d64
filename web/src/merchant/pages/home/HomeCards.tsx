import { BellOutlined, CheckCircleOutlined, DollarOutlined, RightOutlined, WalletOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, List, Result, Skeleton, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Home } from '@/shared/api/types';

function Blank({ icon, title, hint }: { icon: ReactNode; title: string; hint: string }) {
  return (
    <Empty
      image={<span className="jmt-empty-icon">{icon}</span>}
      styles={{ image: { height: 56, marginBottom: 8 } }}
      description={
        <Space direction="vertical" size={2}>
          <Typography.Text>{title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {hint}
          </Typography.Text>
        </Space>
      }
      style={{ padding: '24px 0' }}
    />
  );
}

interface CardState {
  loading: boolean;
  error: string | null;
  onRetry: () => void;
}

function Failed({ error, onRetry }: { error: string; onRetry: () => void }) {
  return (
    <Result
      status="warning"
      title="加载失败"
      subTitle={error}
      extra={
        <Button size="small" onClick={onRetry}>
          重试
        </Button>
      }
      style={{ padding: '16px 0' }}
    />
  );
}

export function FeedCard({ feed, loading, error, onRetry }: { feed: Home['feed'] | undefined } & CardState) {
  return (
    <Card title="业务动态" variant="borderless" className="jmt-card" extra={<Typography.Text type="secondary">最新在前</Typography.Text>}>
      {loading ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : error ? (
        <Failed error={error} onRetry={onRetry} />
      ) : !feed?.length ? (
        <Blank icon={<BellOutlined />} title="暂无业务动态" hint="办理业务后，审核进度与状态变化会按时间显示在这里" />
      ) : (
        <List
          dataSource={feed}
          renderItem={(entry) => (
            <List.Item extra={<Typography.Text type="secondary">{dayjs(entry.created_at).format('MM-DD HH:mm')}</Typography.Text>}>
              <List.Item.Meta
                title={entry.route ? <Link to={entry.route}>{entry.title}</Link> : entry.title}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function TodoCard({ todos, loading, error, onRetry }: { todos: Home['todos'] | undefined } & CardState) {
  return (
    <Card title="待办事项" variant="borderless" className="jmt-card">
      {loading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : error ? (
        <Failed error={error} onRetry={onRetry} />
      ) : !todos?.length ? (
        <Blank icon={<CheckCircleOutlined />} title="暂无待办事项" hint="申报、报关等需要您处理的事项会出现在这里" />
      ) : (
        <List
          dataSource={todos}
          renderItem={(todo) => (
            <List.Item>
              <Link to={todo.route} style={{ display: 'flex', width: '100%', justifyContent: 'space-between', alignItems: 'center' }}>
                <span style={{ color: '#1f2337' }}>{todo.title}</span>
                <span>
                  <Badge count={todo.count} color="#4338ca" /> <RightOutlined style={{ color: '#b4b8c7', fontSize: 12 }} />
                </span>
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export function BalanceCard({ balance, loading, error, onRetry }: { balance: Home['balance'] | undefined } & CardState) {
  return (
    <Card title="账户余额" variant="borderless" className="jmt-card" extra={<DollarOutlined style={{ color: '#b45309' }} />}>
      {loading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : error ? (
        <Failed error={error} onRetry={onRetry} />
      ) : !balance ? (
        <Blank icon={<WalletOutlined />} title="暂无外币子账户余额" hint="开通收结汇并首次入账后，显示美元余额与更新时间" />
      ) : (
        <div>
          <Statistic
            value={balance.amount}
            precision={2}
            prefix={balance.currency === 'USD' ? 'US$' : balance.currency}
            valueStyle={{ fontSize: 30, fontWeight: 600 }}
          />
          {balance.frozen ? (
            <div style={{ color: '#d46b08', fontWeight: 500, marginBottom: 4 }} data-testid="home-balance-frozen">
              结汇中金额：${Number(balance.frozen).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
            </div>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            更新于 {dayjs(balance.updated_at).format('YYYY-MM-DD HH:mm')} · <Link to="/fx/settlements">收结汇明细</Link>
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
