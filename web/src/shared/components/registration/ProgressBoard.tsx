/** The four-node board (材料填报 → 材料初审 → 现场核验 → 核准通过), the hint and the timeline of one application. */
import { ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Space, Steps, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDuration, formatTime, STATE_COLORS, type ProgressOut } from '@/shared/registration';

function stepStatus(node: ProgressOut['nodes'][number], rejected: boolean) {
  if (node.status === 'done') return 'finish' as const;
  if (node.status === 'current') return rejected ? ('error' as const) : ('process' as const);
  return 'wait' as const;
}

export function ProgressSteps({ progress }: { progress: ProgressOut }) {
  const rejected = progress.state === 'rejected';
  return (
    <Steps
      className="reg-board-steps"
      items={progress.nodes.map((node) => ({
        title: node.status === 'current' && node.state_label ? node.state_label : node.label,
        status: stepStatus(node, rejected),
        description:
          node.status === 'current' && !progress.terminal
            ? `当前节点${node.expected_seconds ? ` · 预计${formatDuration(node.expected_seconds)}` : ''}`
            : node.status === 'done'
              ? '已完成'
              : node.expected_seconds
                ? `预计${formatDuration(node.expected_seconds)}`
                : '待办理',
      }))}
    />
  );
}

export function ProgressTimeline({ progress }: { progress: ProgressOut }) {
  if (progress.timeline.length === 0) return <Empty description="暂无办理记录" />;
  return (
    <Timeline
      items={progress.timeline.map((entry) => ({
        color: entry.to_state === 'rejected' ? 'red' : entry.to_state === 'approved' ? 'green' : 'blue',
        children: (
          <Space direction="vertical" size={2}>
            <Typography.Text strong>{entry.title}</Typography.Text>
            {entry.comment && (
              <Typography.Text type={entry.to_state === 'rejected' ? 'danger' : 'secondary'}>
                {entry.to_state === 'rejected' ? '驳回原因：' : '说明：'}
                {entry.comment}
              </Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(entry.created_at)} · {entry.actor_side === 'platform' ? '捷晶' : '商户'}
              {entry.actor_name ? ` ${entry.actor_name}` : ''}
            </Typography.Text>
          </Space>
        ),
      }))}
    />
  );
}

export function ProgressCard({ progress, extra, action }: { progress: ProgressOut; extra?: ReactNode; action?: ReactNode }) {
  const rejected = progress.state === 'rejected';
  return (
    <Card
      title={
        <Space>
          <span>办理进度</span>
          <Tag color={STATE_COLORS[progress.state] ?? 'default'}>{progress.state_label}</Tag>
        </Space>
      }
      extra={extra}
    >
      <ProgressSteps progress={progress} />
      <div style={{ marginTop: 24 }}>
        {rejected ? (
          <Alert
            type="error"
            showIcon
            message="申请已被驳回"
            description={
              <Space direction="vertical">
                <span>驳回原因：{progress.last_comment || '未说明'}</span>
                {action}
              </Space>
            }
          />
        ) : (
          <Alert
            type={progress.terminal ? 'success' : 'info'}
            showIcon
            icon={progress.terminal ? undefined : <ClockCircleOutlined />}
            message={progress.hint || progress.state_label}
            description={
              progress.expected_seconds && !progress.terminal
                ? `该环节预计耗时${formatDuration(progress.expected_seconds)}`
                : undefined
            }
            action={action}
          />
        )}
      </div>
    </Card>
  );
}
