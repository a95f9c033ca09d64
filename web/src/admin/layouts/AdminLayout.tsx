import { CloudDownloadOutlined, DashboardOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { Alert, App, Button, Dropdown, Tag, Tooltip } from 'antd';
import { useCallback, useMemo } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import logo from '@/shared/brand/logo.svg';
import { buildCatalogMenu, selectedMenuKeys } from '@/shared/catalogMenu';
import { GlobalSearch } from '@/shared/components/GlobalSearch';
import { unwrap } from '@/shared/errors';
import { NoticeBanners } from '@/shared/notices/NoticeBanners';
import { BellBadgeIcon } from '@/shared/components/BellBadge';
import { useUnreadCounts } from '@/shared/hooks/useMessageStream';
import { useMe } from '@/shared/session';
import { layoutToken } from '@/shared/layoutTokens';
import { brand } from '@/shared/theme';
import { PageErrorBoundary } from '@/shared/components/PageErrorBoundary';

export function AdminLayout() {
  const { me, access, signOut, api } = useMe();
  const unread = useUnreadCounts(api, me.merchant?.id);
  const { modal } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const search = useCallback(
    (q: string) => unwrap(api.client.GET('/api/v1/admin/search', { params: { query: { q } } })),
    [api],
  );
  const menu = useMemo(
    () => buildCatalogMenu(access.adminCatalog, access, { home: { name: '工作台', icon: <DashboardOutlined /> }, closed: 'hide' }),
    [access],
  );

  return (
    <ProLayout
      ErrorBoundary={PageErrorBoundary}
      className="jmt-pro-layout jmt-admin-layout"
      title="晶贸通 · 运营后台"
      logo={<img src={logo} alt="" />}
      layout="mix"
      fixSiderbar
      fixedHeader
      siderWidth={224}
      location={{ pathname: location.pathname }}
      route={{ path: '/', children: menu }}
      selectedKeys={selectedMenuKeys(access.adminCatalog, location.pathname)}
      token={layoutToken.admin}
      onMenuHeaderClick={() => navigate('/')}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      actionsRender={() => [
        <GlobalSearch key="search" surface="admin" search={search} onOpen={(route) => navigate(route)} width={240} />,
        <Tooltip key="bell" title="消息中心">
          <Link to="/messages" aria-label="消息中心">
            <Button type="text" shape="circle" icon={<BellBadgeIcon count={unread.total} color="rgba(255,255,255,0.85)" />} />
          </Link>
        </Tooltip>,
      ]}
      avatarProps={{
        icon: <UserOutlined />,
        size: 'small',
        style: { background: brand.violet },
        title: <span style={{ color: '#fff' }}>{me.user.display_name || me.user.name}</span>,
        render: (_p, dom) => (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'who',
                  type: 'group',
                  label: (
                    <span>
                      {me.user.display_name || me.user.name}{' '}
                      <Tag bordered={false} color="geekblue">
                        后台账号
                      </Tag>
                    </span>
                  ),
                },
                { type: 'divider' },
                {
                  key: 'downloads',
                  icon: <CloudDownloadOutlined />,
                  label: <span data-testid="admin-menu-downloads">下载中心</span>,
                  onClick: () => navigate('/downloads'),
                },
                {
                  key: 'logout',
                  icon: <LogoutOutlined />,
                  danger: true,
                  label: '退出登录',
                  onClick: () =>
                    modal.confirm({
                      title: '确定退出登录吗？',
                      okText: '退出登录',
                      cancelText: '取消',
                      onOk: async () => {
                        await signOut();
                        navigate('/login', { replace: true });
                      },
                    }),
                },
              ],
            }}
          >
            {dom}
          </Dropdown>
        ),
      }}
    >
      <div className="jmt-page">
        {access.mustChangePassword ? (
          <Alert
            type="warning"
            showIcon
            banner
            style={{ marginBottom: 24, borderRadius: 8 }}
            message="您正在使用临时密码，为保障账号安全，请尽快修改密码。"
          />
        ) : null}
        <NoticeBanners api={api} surface="admin" />
        <Outlet />
      </div>
    </ProLayout>
  );
}
