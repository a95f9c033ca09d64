/**
 * Back-office routes (basename /admin). The dashboard is a page; every other path is looked up in
 * `me.admin_catalog` (module overview or 「功能建设中」), guarded by the item's permission.
 */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { FullPageSpin, RequireAuth } from '@/shared/components/RequireAuth';
import { AdminLayout } from './layouts/AdminLayout';
import { RequireStaff } from './layouts/RequireStaff';

const LoginPage = lazy(() => import('./pages/auth/LoginPage'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const CatalogPage = lazy(() => import('./pages/catalog/CatalogPage'));

export const BUILT_PAGES = [{ path: '/', title: '工作台', permission: null }] as const;

export function AdminRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <RequireStaff>
                <AdminLayout />
              </RequireStaff>
            </RequireAuth>
          }
        >
          <Route index element={<DashboardPage />} />
          <Route path="*" element={<CatalogPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
