/** A batch's approval progress: one bar, and the counts of each kind of document below it. */
import { Progress, Space, Tooltip, Typography } from 'antd';
import type { BatchBoard, DocGroup } from './batches';

function count(label: string, group: DocGroup) {
  return (
    <Tooltip title={`${label}：共 ${group.total}，已通过 ${group.approved}，审批中 ${group.in_progress}，待发送 ${group.pending}，需处理 ${group.attention}`}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label} {group.approved}/{group.total}
      </Typography.Text>
    </Tooltip>
  );
}

export function BatchProgress({ board, compact = false }: { board: BatchBoard; compact?: boolean }) {
  const status = board.needs_attention > 0 ? 'exception' : board.progress === 100 ? 'success' : 'active';
  return (
    <div style={{ minWidth: compact ? 180 : 240 }}>
      <Progress percent={board.progress} size="small" status={status === 'exception' ? 'normal' : status} strokeColor={board.needs_attention > 0 ? '#fa8c16' : undefined} />
      <Space size={10} wrap>
        {count('订单', board.orders)}
        {count('运单', board.logistics)}
        {count('清单', board.inventories)}
      </Space>
    </div>
  );
}
