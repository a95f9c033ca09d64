/**
 * 申报状态通知 (D7) on the PC: the message center narrowed to 跨境申报 — every status change of every
 * filing, each opening the filing's page.
 */
import { Breadcrumb } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { MessageCenter } from '@/shared/components/MessageCenter';
import { useMe } from '@/shared/session';
import CatalogPage from '../catalog/CatalogPage';

export default function NotificationsPage() {
  const { api, me, access } = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;
  const title = gate.item?.title ?? '申报状态通知';
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to="/">首页</Link> }, { title: <Link to={gate.module.route}>{gate.module.title}</Link> }, { title }]}
      />
      <MessageCenter
        api={api}
        scope={me.merchant?.id}
        module="filings"
        title={title}
        subtitle="每一项申报的每次状态变化（提交、审核、退回修改、办结）都会通知您，同时推送到微信"
        onOpenLink={(link) => navigate(link)}
      />
    </>
  );
}
