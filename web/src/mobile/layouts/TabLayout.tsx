import { HomeOutlined, MessageOutlined, UserOutlined } from '@ant-design/icons';
import { NoticeBar, TabBar } from 'antd-mobile';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '@/shared/session';

const TABS = [
  { key: '/', title: '首页', icon: <HomeOutlined /> },
  { key: '/messages', title: '消息', icon: <MessageOutlined /> },
  { key: '/me', title: '我的', icon: <UserOutlined /> },
];

/** The three-tab shell: 首页 / 消息 / 我的. */
export function TabLayout() {
  const { me } = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = TABS.find((t) => t.key !== '/' && pathname.startsWith(t.key))?.key ?? '/';
  return (
    <div className="m-shell">
      <main className="m-shell__body" key={me.merchant?.id ?? 'none'}>
        {me.impersonator ? (
          <NoticeBar color="alert" wrap content={`捷晶工作人员「${me.impersonator.display_name}」正在代您操作`} data-testid="impersonation-banner" />
        ) : null}
        <Outlet />
      </main>
      <nav className="m-shell__tabbar">
        <TabBar activeKey={active} onChange={(key) => navigate(key)} safeArea>
          {TABS.map((t) => (
            <TabBar.Item key={t.key} icon={t.icon} title={t.title} />
          ))}
        </TabBar>
      </nav>
    </div>
  );
}
