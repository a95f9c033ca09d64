/** The frame of an H5 出口报关 page: the catalog gate, a back bar with the catalog title, the grey page. */
import { DotLoading, NavBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '@/shared/session';
import CatalogPage from '../catalog/CatalogPage';
import './customs.css';

export function MobileCustomsShell({ fallbackTitle, right, bare, children }: { fallbackTitle: string; right?: ReactNode; bare?: boolean; children: ReactNode }) {
  const { me, access } = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;
  if (bare) return <>{children}</>; // the page draws its own bar
  return (
    <div className="m-customs">
      <NavBar onBack={() => (window.history.length > 1 ? navigate(-1) : navigate(gate.module.route))} right={right} style={{ background: '#fff' }}>
        {gate.item?.title ?? fallbackTitle}
      </NavBar>
      {children}
    </div>
  );
}

export function MobileLoading() {
  return (
    <div className="m-customs__loading">
      <DotLoading color="primary" />
    </div>
  );
}
