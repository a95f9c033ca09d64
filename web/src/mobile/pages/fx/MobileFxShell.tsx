/** The frame of an H5 收结汇 page: the catalog gate, a back bar with the page title, the grey page. */
import { NavBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '@/shared/session';
import CatalogPage from '../catalog/CatalogPage';
import '../customs/customs.css';
import './fx.css';

export function MobileFxShell({ title, children }: { title?: string; children: ReactNode }) {
  const { me, access } = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;
  return (
    <div className="m-customs">
      <NavBar onBack={() => (window.history.length > 1 ? navigate(-1) : navigate(gate.module.route))} style={{ background: '#fff' }}>
        {title ?? gate.item?.title ?? gate.module.title}
      </NavBar>
      {children}
    </div>
  );
}
