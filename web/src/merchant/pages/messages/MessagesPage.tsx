import { MailOutlined } from '@ant-design/icons';
import { Card, Empty, Space, Tabs, Typography } from 'antd';

const CATEGORIES = [
  { key: 'all', label: '全部' },
  { key: 'status', label: '业务状态' },
  { key: 'todo', label: '待办提醒' },
  { key: 'announcement', label: '系统公告' },
];

/** 消息中心 (G3): categories are in place; messages arrive once the notification service lands. */
export default function MessagesPage() {
  return (
    <Space direction="vertical" size={24} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          消息中心
        </Typography.Title>
        <Typography.Text type="secondary">业务状态变化、待办提醒和系统公告都会汇总在这里</Typography.Text>
      </div>
      <Card variant="borderless" className="jmt-card" styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          items={CATEGORIES.map((c) => ({
            key: c.key,
            label: c.label,
            children: (
              <Empty
                image={
                  <span className="jmt-empty-icon">
                    <MailOutlined />
                  </span>
                }
                styles={{ image: { height: 56 } }}
                description={
                  <Space direction="vertical" size={2}>
                    <Typography.Text>暂无{c.key === 'all' ? '' : c.label}消息</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      有新消息时会在右上角铃铛提醒您
                    </Typography.Text>
                  </Space>
                }
                style={{ padding: '48px 0' }}
              />
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
