import { CheckOutlined, CloudDownloadOutlined, FolderOpenOutlined, LogoutOutlined, ShopOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { App, Dropdown, Tag, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '@/shared/errors';
import { useMe } from '@/shared/session';

/** The account dropdown: who is signed in, the merchant switcher, sign out. */
export function AccountMenu({ children }: { children: ReactNode }) {
  const { me, switchMerchant, signOut } = useMe();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();

  const switchTo = async (merchantId: number, name: string) => {
    const hide = message.loading(`正在切换到「${name}」…`, 0);
    try {
      await switchMerchant(merchantId);
      hide();
      message.success(`已切换到「${name}」`);
      navigate('/');
    } catch (e) {
      hide();
      message.error(errorMessage(e));
    }
  };

  const items: MenuProps['items'] = [
    {
      key: 'who',
      type: 'group',
      label: (
        <div style={{ padding: '4px 0' }}>
          <div style={{ color: '#1f2337', fontWeight: 600, fontSize: 14 }}>{me.user.display_name || me.user.name}</div>
          {me.user.phone_masked && me.user.phone_masked !== me.user.display_name ? (
            <div style={{ color: '#6b7185', fontSize: 12 }}>{me.user.phone_masked}</div>
          ) : null}
        </div>
      ),
    },
    { type: 'divider' },
    {
      key: 'me',
      icon: <UserOutlined />,
      label: <span data-testid="account-menu-me">个人中心</span>,
      onClick: () => navigate('/me'),
    },
    {
      key: 'documents',
      icon: <FolderOpenOutlined />,
      label: <span data-testid="account-menu-documents">我的资料</span>,
      onClick: () => navigate('/documents'),
    },
    {
      key: 'downloads',
      icon: <CloudDownloadOutlined />,
      label: <span data-testid="account-menu-downloads">下载中心</span>,
      onClick: () => navigate('/downloads'),
    },
    { type: 'divider' },
    {
      key: 'merchants',
      type: 'group',
      label: (
        <span>
          <SwapOutlined /> 切换商户
        </span>
      ),
      children: me.memberships.length
        ? me.memberships.map((m) => ({
            key: `merchant:${m.merchant_id}`,
            icon: <ShopOutlined />,
            label: (
              <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minWidth: 200, justifyContent: 'space-between' }}>
                <span>{m.merchant_name}</span>
                <span>
                  <Tag bordered={false} color={m.current ? 'geekblue' : undefined} style={{ marginInlineEnd: m.current ? 4 : 0 }}>
                    {m.role_label}
                  </Tag>
                  {m.current ? <CheckOutlined style={{ color: '#4338ca' }} /> : null}
                </span>
              </span>
            ),
            onClick: () => (m.current ? undefined : void switchTo(m.merchant_id, m.merchant_name)),
          }))
        : [{ key: 'none', disabled: true, label: '暂无商户' }],
    },
    { type: 'divider' },
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
  ];

  return (
    <Dropdown menu={{ items }} placement="bottomRight" trigger={['click']} overlayStyle={{ minWidth: 260 }}>
      {children}
    </Dropdown>
  );
}
