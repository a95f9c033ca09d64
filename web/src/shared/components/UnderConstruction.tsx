import { ToolOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';

export interface UnderConstructionProps {
  title: string;
  feature?: string | null;
  description?: string | null;
  backTo?: string;
  backLabel?: string;
}

/** A catalog page whose feature is not built yet: says which one, and offers a way back. */
export function UnderConstruction({ title, description, backTo = '/', backLabel = '返回首页' }: UnderConstructionProps) {
  return (
    <Card variant="borderless" style={{ borderRadius: 12 }}>
      <Result
        icon={<ToolOutlined style={{ color: '#6366f1' }} />}
        title="功能建设中"
        subTitle={
          <Space direction="vertical" size={8} style={{ alignItems: 'center' }}>
            <Space size={8} wrap style={{ justifyContent: 'center' }}>
              <Typography.Text strong style={{ fontSize: 16 }} data-testid="placeholder-title">
                {title}
              </Typography.Text>
            </Space>
            {description ? <Typography.Text type="secondary">{description}</Typography.Text> : null}
            <Typography.Text type="secondary">该功能正在开发中，上线后将第一时间通过站内信通知您。</Typography.Text>
          </Space>
        }
        extra={
          <Link to={backTo}>
            <Button type="primary">{backLabel}</Button>
          </Link>
        }
      />
    </Card>
  );
}
