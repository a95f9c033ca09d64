/** The frame of an H5 跨境申报 page: the catalog gate (工商注册 approved), a back bar, the grey page. */
import { DotLoading, NavBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '@/shared/session';
import CatalogPage from '../catalog/CatalogPage';
import './filings.css';

export function FilingShell({ title, children }: { title: string; children: ReactNode }) {
  const { me, access } = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;
  return (
    <div className="mfil">
      <NavBar onBack={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))} style={{ background: '#fff' }}>
        {title}
      </NavBar>
      {children}
    </div>
  );
}

export function FilingLoading() {
  return (
    <div className="mfil__loading">
      <DotLoading color="primary" />
    </div>
  );
}
