/** 智能客服 (E1) as a page of its own, /training/assistant. */
import { Card } from 'antd';
import { useLocation } from 'react-router-dom';
import { useMe } from '@/shared/session';
import CatalogPage from '../catalog/CatalogPage';
import AssistantPanel from './AssistantPanel';

export default function AssistantPage() {
  const { me, access } = useMe();
  const { pathname } = useLocation();
  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;
  return (
    <Card title="智能客服" styles={{ body: { height: 'calc(100vh - 220px)', minHeight: 480 } }}>
      <AssistantPanel />
    </Card>
  );
}
