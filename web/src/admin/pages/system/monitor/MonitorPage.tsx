/** G7 系统监控: application, database, task queue, requests and server, refreshed every 5 seconds. */
import {
  ApiOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  CloudServerOutlined,
  DatabaseOutlined,
  ReloadOutlined,
  ScheduleOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { Alert, Badge, Button, Card, Col, Empty, Progress, Row, Skeleton, Space, Statistic, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { SystemPage } from '../accounts/SystemPage';
import { formatBytes, formatTime } from '../logs/logs';
import { RequestChart } from './RequestChart';
import { formatDuration, formatEvery, MONITOR_CODE, REFRESH_MS, usageColor, type Monitor } from './monitor';

/** 「11-26 09:57」: the year is today's anyway. */
const shortTime = (value: string | null | undefined) => (value ? formatTime(value, false).slice(5) : '—');

function StatusMark({ ok }: { ok: boolean }) {
  return ok ? <CheckCircleFilled style={{ color: '#16a34a' }} /> : <CloseCircleFilled style={{ color: '#dc2626' }} />;
}

function Gauge({ title, percent, detail }: { title: string; percent: number; detail: string }) {
  return (
    <div style={{ textAlign: 'center' }}>
      <Progress type="dashboard" percent={Math.round(percent * 10) / 10} size={104} strokeColor={usageColor(percent)} format={(p) => `${p}%`} />
      <div style={{ marginTop: 4, fontWeight: 500 }}>{title}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {detail}
      </Typography.Text>
    </div>
  );
}

function Overview({ data }: { data: Monitor }) {
  const { app, database, tasks, requests } = data;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12} xl={6}>
        <Card variant="borderless" className="jmt-card" title={<span><CloudServerOutlined /> 应用</span>} style={{ height: '100%' }} data-testid="monitor-app">
          <Statistic title="已运行" value={formatDuration(app.uptime_seconds)} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            版本 {app.version} · Python {app.python} · Django {app.django}
            <br />
            {app.hostname} · 进程 {app.pid}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card variant="borderless" className="jmt-card" title={<span><DatabaseOutlined /> 数据库</span>} style={{ height: '100%' }} data-testid="monitor-database">
          <Statistic title={<span><StatusMark ok={database.ok} /> {database.ok ? '连接正常' : '无法连接'}</span>} value={formatBytes(database.size_bytes)} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {database.vendor === 'postgresql' ? 'PostgreSQL' : database.vendor === 'sqlite' ? 'SQLite' : database.vendor} {database.version} · 响应{' '}
            {database.latency_ms ?? '—'} ms
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card variant="borderless" className="jmt-card" title={<span><ScheduleOutlined /> 任务队列</span>} style={{ height: '100%' }} data-testid="monitor-tasks">
          <Row>
            <Col span={8}><Statistic title="待执行" value={tasks.queue_depth} /></Col>
            <Col span={8}><Statistic title="执行中" value={tasks.running} /></Col>
            <Col span={8}>
              <Statistic title="失败" value={tasks.failed} valueStyle={{ color: tasks.failed_last_day > 0 ? '#dc2626' : undefined }} />
            </Col>
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <Badge status={tasks.workers_online > 0 ? 'success' : 'error'} /> {tasks.workers_online} 个任务进程在线 · 近 24 小时失败 {tasks.failed_last_day} 个
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card variant="borderless" className="jmt-card" title={<span><ThunderboltOutlined /> 请求</span>} style={{ height: '100%' }} data-testid="monitor-requests">
          <Row>
            <Col span={12}><Statistic title={`近 ${requests.rate_minutes} 分钟`} value={requests.rate_per_minute} suffix="次/分" /></Col>
            <Col span={12}>
              <Statistic title="p95 延迟" value={requests.p95_ms ?? '—'} suffix={requests.p95_ms === null ? undefined : 'ms'} valueStyle={{ color: (requests.p95_ms ?? 0) > 2000 ? '#dc2626' : undefined }} />
            </Col>
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            近 {requests.window_minutes} 分钟 {requests.total} 次 · 错误率 {(requests.error_rate * 100).toFixed(2)}% · 中位数 {requests.p50_ms ?? '—'} ms
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}

function Details({ data }: { data: Monitor }) {
  const { server, tasks, requests } = data;
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} xl={14}>
        <Card variant="borderless" className="jmt-card" title={<span><ApiOutlined /> 请求量与 p95 延迟（近 {requests.window_minutes} 分钟）</span>} style={{ height: '100%' }}>
          {requests.total === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="这段时间没有请求记录（各进程每 5 秒汇总一次）" />
          ) : (
            <RequestChart series={requests.series} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card variant="borderless" className="jmt-card" title="服务器资源" style={{ height: '100%' }} data-testid="monitor-server">
          <Row gutter={8}>
            <Col span={8}>
              <Gauge title="CPU" percent={server.cpu_percent} detail={`${server.cpu_count} 核 · 负载 ${server.load_average.map((x) => x.toFixed(2)).join(' / ')}`} />
            </Col>
            <Col span={8}>
              <Gauge title="内存" percent={server.memory_percent} detail={`${formatBytes(server.memory_used)} / ${formatBytes(server.memory_total)}`} />
            </Col>
            <Col span={8}>
              <Gauge title="磁盘" percent={server.disk_percent} detail={`${formatBytes(server.disk_used)} / ${formatBytes(server.disk_total)}`} />
            </Col>
          </Row>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 12, textAlign: 'center' }}>
            当前应答进程占用内存 {formatBytes(server.process_rss)} · 数据目录 {server.disk_path}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card variant="borderless" className="jmt-card" title="任务进程">
          <Table
            rowKey="worker_id"
            size="small"
            pagination={false}
            dataSource={tasks.workers}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有任务进程：请用 manage.py worker 启动" /> }}
            columns={[
              { title: '主机', dataIndex: 'hostname', render: (_v, w) => `${w.hostname} · ${w.pid}` },
              { title: '状态', dataIndex: 'online', width: 90, render: (_v, w) => <Badge status={w.online ? 'success' : 'default'} text={w.online ? '在线' : '离线'} /> },
              { title: '启动时间', dataIndex: 'started_at', width: 120, render: (_v, w) => shortTime(w.started_at) },
              { title: '最近心跳', dataIndex: 'last_seen', width: 150, render: (_v, w) => formatTime(w.last_seen).slice(5) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card variant="borderless" className="jmt-card" title="定时任务">
          <Table
            rowKey="name"
            size="small"
            pagination={false}
            dataSource={tasks.schedule}
            columns={[
              { title: '任务', dataIndex: 'title', render: (_v, s) => <Tooltip title={s.name}>{s.title}</Tooltip> },
              { title: '周期', dataIndex: 'every_seconds', width: 110, render: (_v, s) => formatEvery(s.every_seconds, s.at) },
              { title: '上次排入队列', dataIndex: 'last_enqueued_at', width: 120, render: (_v, s) => shortTime(s.last_enqueued_at) },
              { title: '下次', dataIndex: 'next_run_at', width: 120, render: (_v, s) => shortTime(s.next_run_at) },
            ]}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card variant="borderless" className="jmt-card" title="最近失败的任务">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={tasks.recent_failures}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有失败的任务" /> }}
            columns={[
              { title: '任务', dataIndex: 'task', render: (_v, f) => <Tooltip title={f.task_path}><Typography.Text code>{f.task}</Typography.Text></Tooltip> },
              { title: '错误', dataIndex: 'error', render: (_v, f) => <Tag color="error" bordered={false}>{f.error || '未知错误'}</Tag> },
              { title: '失败时间', dataIndex: 'finished_at', width: 180, render: (_v, f) => formatTime(f.finished_at) },
              { title: '任务编号', dataIndex: 'id', render: (_v, f) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.id}</Typography.Text> },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

export default function MonitorPage() {
  const { api, access } = useMe();
  const [data, setData] = useState<Monitor | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [auto, setAuto] = useState(true);
  const [loading, setLoading] = useState(false);
  const busy = useRef(false);
  const allowed = access.can(MONITOR_CODE);

  const load = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setLoading(true);
    try {
      setData(await unwrap(api.client.GET('/api/v1/admin/system/monitor')));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      busy.current = false;
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    if (!allowed) return;
    void load();
    if (!auto) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [allowed, auto, load]);

  return (
    <SystemPage
      title="系统监控"
      description="应用、数据库、任务队列、请求速率与延迟、服务器资源的实时状态。"
      permission={MONITOR_CODE}
      extra={
        <Space size={12}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="monitor-updated">
            {data ? `更新于 ${formatTime(data.generated_at).slice(11)}` : ''}
          </Typography.Text>
          <Space size={6}>
            <Switch size="small" checked={auto} onChange={setAuto} aria-label="自动刷新" />
            <span>每 5 秒自动刷新</span>
          </Space>
          <Button icon={<ReloadOutlined spin={loading} />} onClick={() => void load()}>
            刷新
          </Button>
        </Space>
      }
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16, borderRadius: 8 }}
          message="获取监控数据失败"
          description={data ? `${error}（下面是上一次的数据）` : error}
        />
      ) : null}
      {data ? (
        <>
          <Overview data={data} />
          <Details data={data} />
        </>
      ) : error ? null : (
        <Row gutter={[16, 16]}>
          {[0, 1, 2, 3].map((i) => (
            <Col key={i} xs={24} md={12} xl={6}>
              <Card variant="borderless" className="jmt-card">
                <Skeleton active paragraph={{ rows: 3 }} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </SystemPage>
  );
}
