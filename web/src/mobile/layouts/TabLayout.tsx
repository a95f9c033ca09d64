import { HomeOutlined, MessageOutlined, UserOutlined } from '@ant-design/icons';
import { TabBar } from 'antd-mobile';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useUnreadCounts } from '@/shared/hooks/useMessageStream';
import { badgeText } from '@/shared/messages';
import { ImpersonationBanner } from '@/shared/components/ImpersonationBanner';
import { MobileNoticeBars } from '@/shared/notices/MobileNoticeBars';
import { useMe } from '@/shared/session';
import { AssistantEntry } from '../pages/training/AssistantEntry';

const TABS = [
  { key: '/', title: '首页', icon: <HomeOutlined /> },
  { key: '/messages', title: '消息', icon: <MessageOutlined /> },
  { key: '/me', title: '我的', icon: <UserOutlined /> },
];

/** The three-tab shell: 首页 / 消息 / 我的. */
export function TabLayout() {
  const { me, api } = useMe();
  const unread = useUnreadCounts(api, me.merchant?.id);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = TABS.find((t) => t.key !== '/' && pathname.startsWith(t.key))?.key ?? '/';
  return (
    <div className="m-shell">
      <ImpersonationBanner me={me} api={api} compact />
      <main className="m-shell__body" key={me.merchant?.id ?? 'none'}>
        <MobileNoticeBars api={api} />
        <Outlet />
        {me.merchant ? <AssistantEntry /> : null}
      </main>
      <nav className="m-shell__tabbar" data-unread={unread.total}>
        <TabBar activeKey={active} onChange={(key) => navigate(key)} safeArea>
          {TABS.map((t) => (
            <TabBar.Item
              key={t.key}
              icon={t.icon}
              title={t.title}
              badge={t.key === '/messages' && unread.total > 0 ? badgeText(unread.total) : undefined}
            />
          ))}
        </TabBar>
      </nav>
    </div>
  );
}
