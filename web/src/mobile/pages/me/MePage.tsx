import { AuditOutlined, CheckOutlined, CloudDownloadOutlined, FolderOpenOutlined, IdcardOutlined, LineChartOutlined, SafetyCertificateOutlined, ShopOutlined, SolutionOutlined, StarOutlined, SwapOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dialog, List, Popup, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '@/shared/errors';
import { registrationLabel } from '@/shared/greeting';
import { useMe } from '@/shared/session';
import { PushStatusItem } from '../../components/PushStatusItem';
import './me.css';

export default function MePage() {
  const { me, switchMerchant, signOut } = useMe();
  const navigate = useNavigate();
  const [picking, setPicking] = useState(false);
  const [switching, setSwitching] = useState<number | null>(null);
  const current = me.memberships.find((m) => m.current);
  const registration = registrationLabel(me.merchant?.registration_status, me.merchant?.registration_approved);

  const switchTo = async (merchantId: number, name: string) => {
    setSwitching(merchantId);
    try {
      await switchMerchant(merchantId);
      setPicking(false);
      Toast.show({ icon: 'success', content: `已切换到${name}` });
    } catch (e) {
      Toast.show({ content: errorMessage(e) });
    } finally {
      setSwitching(null);
    }
  };

  const logout = async () => {
    const ok = await Dialog.confirm({ content: '确定退出登录吗？', confirmText: '退出登录', cancelText: '取消' });
    if (!ok) return;
    await signOut();
    navigate('/login', { replace: true });
  };

  return (
    <div className="mme">
      <header className="mme__head">
        <Avatar src="" fallback={<UserOutlined />} style={{ '--size': '56px', '--border-radius': '50%' }} className="mme__avatar" />
        <div>
          <div className="mme__name">{me.user.display_name || me.user.name}</div>
          {me.user.phone_masked && me.user.phone_masked !== me.user.display_name ? <div className="mme__phone">{me.user.phone_masked}</div> : null}
          {me.user.display_name === me.user.phone_masked ? <div className="mme__phone">尚未设置姓名</div> : null}
        </div>
      </header>

      <List header="当前商户" mode="card" className="mme__list">
        <List.Item
          prefix={<ShopOutlined className="mme__icon" />}
          description={registration ? registration.text : undefined}
          extra={current ? <Tag color="primary" fill="outline">{current.role_label}</Tag> : null}
        >
          {me.merchant ? me.merchant.display_name || me.merchant.name : '未关联商户'}
        </List.Item>
        <List.Item
          prefix={<SwapOutlined className="mme__icon" />}
          extra={`${me.memberships.length} 个商户`}
          onClick={() => setPicking(true)}
          data-testid="switch-merchant"
        >
          切换商户
        </List.Item>
      </List>

      <List header="我的" mode="card" className="mme__list">
        <List.Item prefix={<IdcardOutlined className="mme__icon" />} onClick={() => navigate('/me/profile')} data-testid="me-profile">
          个人信息
        </List.Item>
        <List.Item prefix={<SafetyCertificateOutlined className="mme__icon" />} onClick={() => navigate('/me/security')} data-testid="me-security">
          账号安全
        </List.Item>
        <List.Item prefix={<AuditOutlined className="mme__icon" />} onClick={() => navigate('/me/logs')} data-testid="me-logs">
          操作记录
        </List.Item>
        <List.Item prefix={<CloudDownloadOutlined className="mme__icon" />} onClick={() => navigate('/downloads')} data-testid="me-downloads">
          下载中心
        </List.Item>
        {me.merchant ? (
          <>
            <List.Item prefix={<SolutionOutlined className="mme__icon" />} onClick={() => navigate('/me/merchant')} data-testid="me-merchant">
              商户信息
            </List.Item>
            <List.Item prefix={<TeamOutlined className="mme__icon" />} onClick={() => navigate('/me/members')} data-testid="me-members">
              成员
            </List.Item>
            <List.Item prefix={<FolderOpenOutlined className="mme__icon" />} onClick={() => navigate('/documents')} data-testid="me-documents">
              我的资料
            </List.Item>
            <List.Item prefix={<StarOutlined className="mme__icon" />} onClick={() => navigate('/me/ratings')} data-testid="me-ratings">
              我的评价
            </List.Item>
            <List.Item prefix={<LineChartOutlined className="mme__icon" />} onClick={() => navigate('/me/progress')} data-testid="me-progress">
              我的进度
            </List.Item>
          </>
        ) : null}
        <PushStatusItem iconClassName="mme__icon" />
      </List>

      <div className="mme__logout">
        <Button block size="large" shape="rounded" onClick={() => void logout()} style={{ color: '#e5484d' }}>
          退出登录
        </Button>
      </div>

      <Popup visible={picking} onMaskClick={() => setPicking(false)} bodyStyle={{ borderTopLeftRadius: 16, borderTopRightRadius: 16, paddingBottom: 'env(safe-area-inset-bottom)' }}>
        <div className="mme__sheet-title">切换商户</div>
        <List>
          {me.memberships.map((m) => (
            <List.Item
              key={m.merchant_id}
              prefix={<ShopOutlined className="mme__icon" />}
              description={m.role_label}
              extra={m.current ? <CheckOutlined style={{ color: 'var(--adm-color-primary)' }} /> : switching === m.merchant_id ? '切换中…' : null}
              arrow={false}
              disabled={switching !== null && switching !== m.merchant_id}
              onClick={() => (m.current ? setPicking(false) : void switchTo(m.merchant_id, m.merchant_name))}
            >
              {m.merchant_name}
            </List.Item>
          ))}
        </List>
        <div style={{ padding: 12 }}>
          <Button block onClick={() => setPicking(false)}>
            取消
          </Button>
        </div>
      </Popup>
    </div>
  );
}
