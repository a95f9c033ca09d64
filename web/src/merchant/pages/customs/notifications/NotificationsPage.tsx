/**
 * 业务办理通知 (C7) on the PC: the message center narrowed to 出口报关 — status changes, receipts and
 * the documents waiting to be filed, each opening its page.
 */
import { Breadcrumb } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { MessageCenter } from '@/shared/components/MessageCenter';
import { useMe } from '@/shared/session';
import CatalogPage from '../../catalog/CatalogPage';

export default function NotificationsPage() {
  const { api, me, access } = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;
  const title = gate.item?.title ?? '业务办理通知';
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to="/">首页</Link> }, { title: <Link to={gate.module.route}>{gate.module.title}</Link> }, { title }]}
      />
      <MessageCenter
        api={api}
        scope={me.merchant?.id}
        module="customs"
        title={title}
        subtitle="批次放行、海关回执、待提交的总分单与汇总申请等出口报关办理进展，同时推送到微信"
        onOpenLink={(link) => navigate(link)}
      />
    </>
  );
}
