/** A filing's board (填写材料 → 捷晶审核 → 主管部门办理 → 已办结), its hint, results and timeline. */
import { Alert, Card, Descriptions, Empty, Space, Steps, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { FILING_STATE_COLORS, type FilingOut } from '@/shared/filings';
import { formatDuration, formatTime } from '@/shared/registration';

type Progress = FilingOut['progress'];

export function FilingSteps({ progress }: { progress: Progress }) {
  const troubled = progress.state === 'returned' || progress.state === 'declined';
  return (
    <Steps
      items={progress.nodes.map((node) => ({
        title: node.status === 'current' && node.state_label ? node.state_label : node.label,
        status:
          node.status === 'done'
            ? ('finish' as const)
            : node.status === 'current'
              ? troubled
                ? ('error' as const)
                : ('process' as const)
              : ('wait' as const),
        description:
          node.status === 'done'
            ? '已完成'
            : node.status === 'current' && !progress.terminal
              ? `当前节点${node.expected_seconds ? ` · 预计${formatDuration(node.expected_seconds)}` : ''}`
              : node.expected_seconds
                ? `预计${formatDuration(node.expected_seconds)}`
                : '待办理',
      }))}
    />
  );
}

export function FilingTimeline({ progress }: { progress: Progress }) {
  if (progress.timeline.length === 0) return <Empty description="暂无办理记录" />;
  return (
    <Timeline
      items={progress.timeline.map((entry) => ({
        color:
          entry.to_state === 'declined' ? 'red' : entry.to_state === 'returned' ? 'orange' : entry.to_state === 'completed' ? 'green' : 'blue',
        children: (
          <Space direction="vertical" size={2}>
            <Typography.Text strong>{entry.title}</Typography.Text>
            {entry.comment && (
              <Typography.Text type={entry.to_state === 'declined' ? 'danger' : 'secondary'}>
                {entry.to_state === 'declined' ? '驳回原因：' : entry.to_state === 'returned' ? '修改意见：' : '说明：'}
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

export function FilingProgressCard({ filing, action }: { filing: FilingOut; action?: ReactNode }) {
  const { progress } = filing;
  const returned = filing.state === 'returned';
  const declined = filing.state === 'declined';
  return (
    <Card
      title={
        <Space>
          <span>办理进度</span>
          <Tag color={FILING_STATE_COLORS[filing.state]}>{filing.state_label}</Tag>
        </Space>
      }
      extra={action}
      data-testid="filing-progress"
    >
      <FilingSteps progress={progress} />
      <div style={{ marginTop: 20 }}>
        {declined ? (
          <Alert type="error" showIcon message="申报已驳回" description={`原因：${progress.last_comment || '—'}。可按原因准备后重新办理。`} />
        ) : returned ? (
          <Alert
            type="warning"
            showIcon
            message="捷晶请您修改部分内容"
            description="修改意见已标在下方对应的填写项上，修改后重新提交即可。"
          />
        ) : filing.state === 'completed' ? (
          <Alert
            type="success"
            showIcon
            message="已办结"
            description={
              filing.results.length ? (
                <Descriptions size="small" column={1} style={{ marginTop: 4 }}>
                  {filing.results.map((r) => (
                    <Descriptions.Item key={r.name} label={r.label}>
                      <Typography.Text strong copyable>
                        {r.value}
                      </Typography.Text>
                    </Descriptions.Item>
                  ))}
                </Descriptions>
              ) : (
                '办理结果已记录。'
              )
            }
          />
        ) : (
          <Alert type="info" showIcon message={progress.hint} />
        )}
      </div>
    </Card>
  );
}
