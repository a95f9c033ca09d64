/** 我的 (U1 个人账户, U2 商户信息, U3 成员管理): one page, a left menu of tabs, one URL per tab. */
import { AuditOutlined, IdcardOutlined, SafetyOutlined, ShopOutlined, StarOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Card, Space, Tabs, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useMe } from '@/shared/session';
import { LogsTab } from './LogsTab';
import { MembersTab } from './MembersTab';
import { MerchantTab } from './MerchantTab';
import { PushStatusCard } from './PushStatusCard';
import { ProfileTab } from './ProfileTab';
import { RatingsTab } from './RatingsTab';
import { SecurityTab } from './SecurityTab';
import { isMerchantAdmin } from './me';
import './me.css';

export default function MePage() {
  const { me } = useMe();
  const navigate = useNavigate();
  const { tab } = useParams();
  const admin = isMerchantAdmin(me);
  const current = me.memberships.find((m) => m.current);

  const tabs = [
    { key: 'profile', label: '个人信息', icon: <IdcardOutlined />, children: <ProfileTab /> },
    { key: 'security', label: '账号安全', icon: <SafetyOutlined />, children: <SecurityTab /> },
    ...(me.merchant ? [{ key: 'merchant', label: '商户信息', icon: <ShopOutlined />, children: <MerchantTab /> }] : []),
    ...(me.merchant && admin ? [{ key: 'members', label: '成员管理', icon: <TeamOutlined />, children: <MembersTab /> }] : []),
    ...(me.merchant ? [{ key: 'ratings', label: '我的评价', icon: <StarOutlined />, children: <RatingsTab /> }] : []),
    { key: 'logs', label: '操作记录', icon: <AuditOutlined />, children: <LogsTab /> },
  ];
  const active = tabs.some((t) => t.key === tab) ? (tab as string) : 'profile';

  return (
    <div className="jmt-me">
      <Card variant="borderless" className="jmt-me__hero">
        <Space size={16} align="center">
          <Avatar size={56} icon={<UserOutlined />} className="jmt-me__avatar" />
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {me.user.display_name || me.user.name}
            </Typography.Title>
            <Space size={8} style={{ marginTop: 4 }} wrap>
              {me.user.phone_masked ? <Typography.Text type="secondary">{me.user.phone_masked}</Typography.Text> : null}
              {me.merchant ? (
                <>
                  <Typography.Text type="secondary">·</Typography.Text>
                  <Typography.Text type="secondary">{me.merchant.display_name}</Typography.Text>
                  {current ? (
                    <Tag bordered={false} color={admin ? 'geekblue' : undefined}>
                      {current.role_label}
                    </Tag>
                  ) : null}
                </>
              ) : null}
            </Space>
          </div>
        </Space>
      </Card>
      <PushStatusCard />
      <Card variant="borderless" className="jmt-me__body">
        <Tabs
          tabPosition="left"
          activeKey={active}
          onChange={(key) => navigate(key === 'profile' ? '/me' : `/me/${key}`)}
          destroyOnHidden
          items={tabs.map((t) => ({
            key: t.key,
            label: (
              <span data-testid={`me-tab-${t.key}`}>
                {t.icon}
                {t.label}
              </span>
            ),
            children: t.children,
          }))}
        />
      </Card>
    </div>
  );
}
