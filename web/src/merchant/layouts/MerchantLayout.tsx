import { BellOutlined, HomeOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { ProLayout } from '@ant-design/pro-components';
import { Alert, Avatar, Badge, Button, Tooltip } from 'antd';
import { useMemo } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import logo from '@/shared/brand/logo.svg';
import { buildCatalogMenu, selectedMenuKeys } from '@/shared/catalogMenu';
import { CatalogSearch } from '@/shared/components/CatalogSearch';
import { useMe } from '@/shared/session';
import { brand } from '@/shared/theme';
import { AccountMenu } from './AccountMenu';

export function MerchantLayout() {
  const { me, access } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const menu = useMemo(
    () => [
      ...buildCatalogMenu(me.catalog, access, { home: { name: '首页', icon: <HomeOutlined /> }, closed: 'disable' }),
      { path: '/messages', key: '/messages', name: '消息中心', hideInMenu: true },
    ],
    [me.catalog, access],
  );
  const merchantName = me.merchant?.display_name || me.merchant?.name;

  return (
    <ProLayout
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
      token={{
        header: { colorBgHeader: '#ffffff', heightLayoutHeader: 60 },
        sider: {
          colorMenuBackground: '#ffffff',
          colorTextMenuSelected: brand.primary,
          colorBgMenuItemSelected: '#eef2ff',
          colorTextMenuItemHover: brand.primary,
        },
        pageContainer: { paddingBlockPageContainerContent: 24, paddingInlinePageContainerContent: 24 },
      }}
      onMenuHeaderClick={() => navigate('/')}
      menuItemRender={(item, dom) => {
        if (item.disabled) {
          return (
            <Tooltip title={item.tooltip} placement="right">
              <span className="jmt-menu-disabled" data-testid={`menu-disabled-${item.key}`}>
                {dom}
                <LockOutlined style={{ fontSize: 12 }} />
              </span>
            </Tooltip>
          );
        }
        return item.path ? <Link to={item.path}>{dom}</Link> : dom;
      }}
      actionsRender={() => [
        <CatalogSearch key="search" modules={me.catalog} access={access} onOpen={(route) => navigate(route)} />,
        <Tooltip key="bell" title="消息中心">
          <Link to="/messages" aria-label="消息中心">
            <Button type="text" shape="circle" icon={
              <Badge count={0} size="small" showZero={false}>
                <BellOutlined style={{ fontSize: 18 }} />
              </Badge>
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
        {me.impersonator ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 24, borderRadius: 8 }}
            message={`捷晶工作人员「${me.impersonator.display_name}」正在代您操作，所有操作都会记录双方身份。`}
            data-testid="impersonation-banner"
          />
        ) : null}
        <Outlet />
      </div>
    </ProLayout>
  );
}
