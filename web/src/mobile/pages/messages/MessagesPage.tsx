import { MailOutlined } from '@ant-design/icons';
import { Tabs } from 'antd-mobile';
import { MobileEmpty } from '../../components/MobileEmpty';

const CATEGORIES = [
  { key: 'all', title: '全部' },
  { key: 'status', title: '业务状态' },
  { key: 'todo', title: '待办提醒' },
  { key: 'announcement', title: '系统公告' },
];

export default function MessagesPage() {
  return (
    <div style={{ minHeight: 'calc(100vh - 64px)', background: '#fff' }}>
      <div className="m-page-title">消息</div>
      <Tabs style={{ background: '#fff', '--title-font-size': '15px' }}>
        {CATEGORIES.map((c) => (
          <Tabs.Tab key={c.key} title={c.title}>
            <div style={{ paddingTop: 48 }}>
              <MobileEmpty icon={<MailOutlined />} title={`暂无${c.key === 'all' ? '' : c.title}消息`} hint="业务状态变化、待办提醒和系统公告会显示在这里" />
            </div>
          </Tabs.Tab>
        ))}
      </Tabs>
    </div>
  );
}
