/** 申报状态通知 (D7) on the H5: the 消息 list narrowed to 跨境申报. */
import { useLocation } from 'react-router-dom';
import { useMe } from '@/shared/session';
import CatalogPage from '../catalog/CatalogPage';
import MessagesPage from '../messages/MessagesPage';

export default function NotificationsPage() {
  const { me, access } = useMe();
  const { pathname } = useLocation();
  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;
  return <MessagesPage module="filings" title="申报状态通知" />;
}
