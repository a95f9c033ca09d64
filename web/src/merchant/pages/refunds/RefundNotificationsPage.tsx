/**
 * 退税状态通知 (T3) on the PC: the message center narrowed to 出口退税 — every node of every claim
 * (申报, 审核, 审核不通过, 退库, 到账), each opening its board; the same messages go to WeChat.
 */
import { Breadcrumb } from 'antd';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { MessageCenter } from '@/shared/components/MessageCenter';
import { useMe } from '@/shared/session';
import CatalogPage from '../catalog/CatalogPage';

export default function RefundNotificationsPage() {
  const { api, me, access } = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;
  const title = gate.item?.title ?? '退税状态通知';
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to="/">首页</Link> }, { title: <Link to={gate.module.route}>{gate.module.title}</Link> }, { title }]}
      />
      <MessageCenter
        api={api}
        scope={me.merchant?.id}
        module="refunds"
        title={title}
        subtitle="申报、审核、审核不通过、退库、到账每个节点的通知，同时推送到微信"
        onOpenLink={(link) => navigate(link)}
      />
    </>
  );
}
