import { Button, Card, Result, Skeleton, Space } from 'antd';

export function ReportLoading() {
  return (
    <Card variant="borderless" className="jmt-card">
      <Skeleton active paragraph={{ rows: 6 }} />
    </Card>
  );
}

export function ReportLoadError({ message, onRetry, onStartOver }: { message: string; onRetry: () => void; onStartOver: () => void }) {
  return (
    <Card variant="borderless" className="jmt-card">
      <Result
        status="warning"
        title="校验报告加载失败"
        subTitle={message}
        extra={
          <Space>
            <Button type="primary" onClick={onRetry}>
              重试
            </Button>
            <Button onClick={onStartOver}>重新上传</Button>
          </Space>
        }
      />
    </Card>
  );
}
