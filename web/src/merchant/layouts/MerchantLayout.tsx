import { CustomerServiceOutlined, HomeOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { Avatar, Button, FloatButton, Tooltip } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import logo from '@/shared/brand/logo.svg';
import { COMING_SOON } from '@/shared/access';
import { buildCatalogMenu, selectedMenuKeys } from '@/shared/catalogMenu';
import { GlobalSearch } from '@/shared/components/GlobalSearch';
import { unwrap } from '@/shared/errors';
import { NoticeBanners } from '@/shared/notices/NoticeBanners';
import { ImpersonationBanner } from '@/shared/components/ImpersonationBanner';
import { BellBadgeIcon } from '@/shared/components/BellBadge';
import { useUnreadCounts } from '@/shared/hooks/useMessageStream';
import { useMe } from '@/shared/session';
import { layoutToken } from '@/shared/layoutTokens';
import { brand } from '@/shared/theme';
import { PageErrorBoundary } from '@/shared/components/PageErrorBoundary';
import { AccountMenu } from './AccountMenu';

// The assistant (Ant Design X and its panel) loads on first open, so the first-load bundle does not grow.
const AssistantDrawer = lazy(() => import('../pages/training/AssistantDrawer'));

export function MerchantLayout() {
  const [assistantOpen, setAssistantOpen] = useState(false);
  const [assistantLoaded, setAssistantLoaded] = useState(false);
  const { me, access, api } = useMe();
  const unread = useUnreadCounts(api, me.merchant?.id);
  const location = useLocation();
  const navigate = useNavigate();
  const search = useCallback(
    (q: string) => unwrap(api.client.GET('/api/v1/search', { params: { query: { q } } })),
    [api],
  );
  const menu = useMemo(
    () => [
      ...buildCatalogMenu(me.catalog, access, { home: { name: '首页', icon: <HomeOutlined /> }, closed: 'disable' }),
      { path: '/messages', key: '/messages', name: '消息中心', hideInMenu: true },
    ],
    [me.catalog, access],
  );
  const merchantName = me.merchant?.display_name || me.merchant?.name;

  return (
    <>
    <ImpersonationBanner me={me} api={api} />
    <ProLayout
      ErrorBoundary={PageErrorBoundary}
      className="jmt-pro-layout"
      title="晶贸通"
      logo={<img src={logo} alt="" />}
      layout="mix"
      fixSiderbar
      fixedHeader
      siderWidth={232}
      location={{ pathname: location.pathname }}
      route={{ path: '/', children: menu }}
      selectedKeys={selectedMenuKeys(me.catalog, location.pathname)}
      token={layoutToken.merchant}
      onMenuHeaderClick={() => navigate('/')}
      menuItemRender={(item, dom) => {
        if (item.disabled) {
          return (
            <Tooltip title={item.tooltip} placement="right">
              <span className="jmt-menu-disabled" data-testid={`menu-disabled-${item.key}`}>
                {dom}
                {item.tooltip === COMING_SOON ? <span className="jmt-menu-soon">{COMING_SOON}</span> : <LockOutlined style={{ fontSize: 12 }} />}
              </span>
            </Tooltip>
          );
        }
        return item.path ? <Link to={item.path}>{dom}</Link> : dom;
      }}
      actionsRender={() => [
        <GlobalSearch key="search" surface="pc" search={search} onOpen={(route) => navigate(route)} />,
        <Tooltip key="bell" title="消息中心">
          <Link to="/messages" aria-label="消息中心">
            <Button type="text" shape="circle" icon={
              <BellBadgeIcon count={unread.total} />
            } />
          </Link>
        </Tooltip>,
      ]}
      avatarProps={{
        icon: <UserOutlined />,
        size: 'small',
        style: { background: brand.primary },
        title: (
          <span className="jmt-account-title">
            <span>{me.user.display_name || me.user.name}</span>
            {merchantName ? <span className="jmt-account-merchant">{merchantName}</span> : null}
          </span>
        ),
        render: (_props, dom) => <AccountMenu>{dom}</AccountMenu>,
      }}
      menuFooterRender={(props) =>
        props?.collapsed ? null : (
          <div className="jmt-menu-footer">
            <Avatar size={20} src={logo} /> 捷晶 · 晶贸通 v2
          </div>
        )
      }
    >
      <div key={me.merchant?.id ?? 'none'} className="jmt-page">
        <NoticeBanners api={api} surface="merchant" />
        <Outlet />
      </div>
      {me.merchant && !location.pathname.startsWith('/training/assistant') ? (
        <FloatButton
          icon={<CustomerServiceOutlined />}
          type="primary"
          tooltip="智能客服"
          data-testid="assistant-float"
          style={{ insetInlineEnd: 32, insetBlockEnd: 120, width: 52, height: 52 }}
          onClick={() => {
            setAssistantLoaded(true);
            setAssistantOpen(true);
          }}
        />
      ) : null}
      {assistantLoaded ? (
        <Suspense fallback={null}>
          <AssistantDrawer open={assistantOpen} onClose={() => setAssistantOpen(false)} />
        </Suspense>
      ) : null}
    </ProLayout>
    </>
  );
}
