/**
 * Merchant PC routes. Pages that exist are listed here; every other path is looked up in the
 * service catalog from `/me` (module overview, gated notice, or a 「功能建设中」 placeholder).
 */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { FullPageSpin, RequireAuth } from '@/shared/components/RequireAuth';
import { MerchantLayout } from './layouts/MerchantLayout';

const LoginPage = lazy(() => import('./pages/auth/LoginPage'));
const WechatCallbackPage = lazy(() => import('./pages/auth/WechatCallbackPage'));
const HomePage = lazy(() => import('./pages/home/HomePage'));
const MessagesPage = lazy(() => import('./pages/messages/MessagesPage'));
const CatalogPage = lazy(() => import('./pages/catalog/CatalogPage'));
const DocumentsPage = lazy(() => import('./pages/documents/DocumentsPage'));
const CustomsOrdersPage = lazy(() => import('./pages/customs/CustomsOrdersPage'));
const ManifestsPage = lazy(() => import('./pages/customs/manifests/ManifestsPage'));
const SummariesPage = lazy(() => import('./pages/customs/summaries/SummariesPage'));
const CancelsPage = lazy(() => import('./pages/customs/cancels/CancelsPage'));

/** Built pages outside the catalog, with the permission each needs (none: any signed-in merchant user). */
export const BUILT_PAGES = [
  { path: '/', title: '首页', permission: null },
  { path: '/messages', title: '消息中心', permission: null },
] as const;

export function MerchantRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/login/wechat-callback" element={<WechatCallbackPage />} />
        <Route
          element={
            <RequireAuth>
              <MerchantLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="messages" element={<MessagesPage />} />
          <Route path="documents" element={<DocumentsPage />} />
          <Route path="customs/orders" element={<CustomsOrdersPage />} />
          <Route path="customs/manifests" element={<ManifestsPage />} />
          <Route path="customs/summaries" element={<SummariesPage />} />
          <Route path="customs/cancels" element={<CancelsPage />} />
          <Route path="*" element={<CatalogPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
