/** The checklist before submit: each line says what is missing and where to fix it (overdue in red). */
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Button, List, Typography } from 'antd';
import type { ReadinessLineOut } from '@/shared/refunds';

const ICONS = {
  ok: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  warning: <ExclamationCircleFilled style={{ color: '#faad14' }} />,
  missing: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  overdue: <CloseCircleFilled style={{ color: '#cf1322' }} />,
};

export function ReadinessList({ lines, onFix }: { lines: ReadinessLineOut[]; onFix?: (line: ReadinessLineOut) => void }) {
  return (
    <List
      size="small"
      dataSource={lines}
      data-testid="readiness"
      renderItem={(line) => (
        <List.Item>
          <List.Item.Meta
            avatar={ICONS[line.level]}
            title={line.label}
            description={
              <>
                <Typography.Text type={line.level === 'overdue' || line.level === 'missing' ? 'danger' : line.level === 'warning' ? 'warning' : 'secondary'}>
                  {line.message}
                </Typography.Text>
                {!line.ok && line.fix_label && onFix && (
                  <div>
                    <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => onFix(line)}>
                      {line.fix_label} ›
                    </Button>
                  </div>
                )}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
