import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled, InboxOutlined, RightOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Empty, List, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { moduleAccent, ModuleIcon } from '@/shared/catalogVisuals';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMessageEvents } from '@/shared/hooks/useMessageStream';
import { greeting } from '@/shared/greeting';
import { useMe } from '@/shared/session';

interface Health {
  status: string;
  database: { ok: boolean; vendor: string; latency_ms: number };
  worker: { ok: boolean; workers: number; last_seen: string | null; queue_depth: number };
}

function isHealth(value: unknown): value is Health {
  return typeof value === 'object' && value !== null && 'database' in value && 'worker' in value;
}

function HealthCard() {
  const { api } = useMe();
  const [health, setHealth] = useState<Health | null>(null);
  const [failed, setFailed] = useState(false);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      // 503 carries the same body: the service answers but something is degraded.
      const { data, error } = await api.client.GET('/api/v1/health');
      const body: unknown = data ?? error;
      setHealth(isHealth(body) ? body : null);
      setFailed(!isHealth(body));
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const mark = (ok: boolean) =>
    ok ? <CheckCircleFilled style={{ color: '#16a34a' }} /> : <CloseCircleFilled style={{ color: '#dc2626' }} />;

  return (
    <Card
      title="系统状态"
      variant="borderless"
      className="jmt-card"
      extra={
        <Button type="link" size="small" onClick={() => void load()}>
          刷新
        </Button>
      }
    >
      {loading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : failed || !health ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无法获取系统状态，请稍后刷新" />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Tag color={health.status === 'ok' ? 'success' : 'warning'} style={{ fontSize: 13, padding: '2px 10px' }}>
            {health.status === 'ok' ? '运行正常' : '部分服务异常'}
          </Tag>
          <Row gutter={16}>
            <Col span={12}>
              <Statistic title={<span>{mark(health.database.ok)} 数据库</span>} value={health.database.latency_ms} suffix="ms" precision={1} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {health.database.vendor}
              </Typography.Text>
            </Col>
            <Col span={12}>
              <Statistic title={<span>{mark(health.worker.ok)} 任务进程</span>} value={health.worker.workers} suffix="个在线" />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                队列待执行 {health.worker.queue_depth} 个
              </Typography.Text>
            </Col>
          </Row>
        </Space>
      )}
    </Card>
  );
}

type WorkQueue = components['schemas']['WorkQueueOut'];

/**
 * The queue list scrolls inside a body of fixed height (about six queues): loading, empty or long, the card keeps its
 * size, so the 功能入口 below do not jump down when the counts arrive.
 */
const WORK_QUEUES_BODY_HEIGHT = 432;

/** 待处理事项: every queue this person may work, from the workbench registry, with counts and links. */
function WorkQueuesCard() {
  const { api } = useMe();
  const [queues, setQueues] = useState<WorkQueue[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    setFailure(null);
    try {
      setQueues((await unwrap(api.client.GET('/api/v1/admin/system/workbench'))).queues);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);
  useMessageEvents(api, () => void load());

  const total = queues?.reduce((n, q) => n + q.count, 0) ?? 0;
  return (
    <Card
      title="待处理事项"
      variant="borderless"
      className="jmt-card"
      style={{ height: '100%' }}
      styles={{ body: { height: WORK_QUEUES_BODY_HEIGHT, overflowY: 'auto' } }}
      extra={queues?.length ? <Typography.Text type="secondary" data-testid="workbench-total">共 {total} 项待处理</Typography.Text> : null}
    >
      {failure ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`加载失败：${failure}`}>
          <Button size="small" onClick={() => void load()}>
            重试
          </Button>
        </Empty>
      ) : queues === null ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : queues.length === 0 ? (
        <Empty
          image={
            <span className="jmt-empty-icon">
              <InboxOutlined />
            </span>
          }
          styles={{ image: { height: 56 } }}
          description={
            <Space direction="vertical" size={2}>
              <Typography.Text>暂无您可办理的队列</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                分配审核、受理等权限后，对应的待处理事项会汇总在这里
              </Typography.Text>
            </Space>
          }
          style={{ padding: '32px 0' }}
        />
      ) : (
        <List
          dataSource={queues}
          renderItem={(queue) => (
            <List.Item data-testid={`work-queue-${queue.key}`}>
              <Link to={queue.route} style={{ display: 'flex', width: '100%', justifyContent: 'space-between', alignItems: 'center', gap: 16 }}>
                <span>
                  <Typography.Text strong={queue.count > 0} style={{ display: 'block' }}>
                    {queue.title}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {queue.description}
                  </Typography.Text>
                </span>
                <span style={{ whiteSpace: 'nowrap' }}>
                  <Badge count={queue.count} showZero color={queue.count > 0 ? '#4338ca' : '#d4d7e0'} /> <RightOutlined style={{ color: '#b4b8c7', fontSize: 12 }} />
                </span>
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

export default function DashboardPage() {
  const { me, access } = useMe();
  const modules = access.adminCatalog.filter((m) => access.moduleGate(m).ok);

  return (
    <Space direction="vertical" size={24} style={{ width: '100%' }}>
      <Card variant="borderless" className="jmt-hero">
        <div className="jmt-hero__row">
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {greeting()}，{me.user.display_name || me.user.name}
            </Typography.Title>
            <Space size={8} wrap style={{ marginTop: 8 }}>
              <Typography.Text type="secondary">
                <ClockCircleOutlined /> {dayjs().format('YYYY年M月D日 dddd')}
              </Typography.Text>
              <Typography.Text type="secondary">欢迎回到晶贸通运营后台</Typography.Text>
            </Space>
          </div>
        </div>
      </Card>

      <Row gutter={[24, 24]}>
        <Col xs={24} xl={16}>
          <WorkQueuesCard />
        </Col>
        <Col xs={24} xl={8}>
          <HealthCard />
        </Col>
      </Row>

      <Card title="功能入口" variant="borderless" className="jmt-card">
        {modules.length === 0 ? (
          <Empty description="您的角色暂未分配任何后台功能，请联系超级管理员" />
        ) : (
          <Row gutter={[16, 16]}>
            {modules.map((module) => {
              const accent = moduleAccent(module.key);
              return (
                <Col key={module.key} xs={24} md={12} xl={8} xxl={6}>
                  <Link to={module.route}>
                    <Card hoverable className="jmt-tile" styles={{ body: { padding: 20 } }} data-testid={`admin-module-${module.key}`}>
                      <Space align="start" size={12}>
                        <span className="jmt-tile__icon" style={{ color: accent.fg, background: accent.bg }}>
                          <ModuleIcon icon={module.icon} />
                        </span>
                        <div>
                          <Typography.Text strong style={{ fontSize: 15 }}>
                            {module.title}
                          </Typography.Text>
                          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }} ellipsis={{ rows: 2 }}>
                            {module.description}
                          </Typography.Paragraph>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {access.openItems(module).length} 项功能
                          </Typography.Text>
                        </div>
                      </Space>
                    </Card>
                  </Link>
                </Col>
              );
            })}
          </Row>
        )}
      </Card>
    </Space>
  );
}
