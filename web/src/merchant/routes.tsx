/**
 * Merchant PC routes. Pages that exist are listed here; every other path is looked up in the
 * service catalog from `/me` (module overview, gated notice, or a 「功能建设中」 placeholder).
 */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { FirstSignInPrompt } from '@/shared/components/FirstSignInPrompt';
import { FullPageSpin, RequireAuth } from '@/shared/components/RequireAuth';

// The signed-in layout (and the kit it pulls in) loads after sign-in, not on the login page.
const MerchantLayout = lazy(() => import('./layouts/MerchantLayout').then((module) => ({ default: module.MerchantLayout })));

const LoginPage = lazy(() => import('./pages/auth/LoginPage'));
const WechatCallbackPage = lazy(() => import('./pages/auth/WechatCallbackPage'));
const HomePage = lazy(() => import('./pages/home/HomePage'));
const MessagesPage = lazy(() => import('./pages/messages/MessagesPage'));
const DownloadsPage = lazy(() => import('./pages/downloads/DownloadsPage'));
const CatalogPage = lazy(() => import('./pages/catalog/CatalogPage'));
const DocumentsPage = lazy(() => import('./pages/documents/DocumentsPage'));
const CustomsOrdersPage = lazy(() => import('./pages/customs/CustomsOrdersPage'));
const MePage = lazy(() => import('./pages/me/MePage'));
const CustomsBatchesPage = lazy(() => import('./pages/customs/batches/BatchesPage'));
const CustomsGatewayPage = lazy(() => import('./pages/customs/gateway/GatewayPage'));
const RegistrationApplyPage = lazy(() => import('./pages/registration/RegistrationApplyPage'));
const RegistrationSupplementPage = lazy(() => import('./pages/registration/RegistrationSupplementPage'));
const RegistrationProgressPage = lazy(() => import('./pages/registration/RegistrationProgressPage'));
const ManifestsPage = lazy(() => import('./pages/customs/manifests/ManifestsPage'));
const SummariesPage = lazy(() => import('./pages/customs/summaries/SummariesPage'));
const CancelsPage = lazy(() => import('./pages/customs/cancels/CancelsPage'));
const CustomsNotificationsPage = lazy(() => import('./pages/customs/notifications/NotificationsPage'));
const FxRatesPage = lazy(() => import('./pages/fx/FxRatesPage'));
const FxSettlementsPage = lazy(() => import('./pages/fx/FxSettlementsPage'));
const FxSettlementNewPage = lazy(() => import('./pages/fx/FxSettlementNewPage'));
const FilingsHomePage = lazy(() => import('./pages/filings/FilingsHomePage'));
const FilingPage = lazy(() => import('./pages/filings/FilingPage'));
const FilingNotificationsPage = lazy(() => import('./pages/filings/FilingNotificationsPage'));
const RefundClaimsPage = lazy(() => import('./pages/refunds/RefundClaimsPage'));
const RefundProgressPage = lazy(() => import('./pages/refunds/RefundProgressPage'));
const RefundNotificationsPage = lazy(() => import('./pages/refunds/RefundNotificationsPage'));
const LogisticsCarriersPage = lazy(() => import('./pages/logistics/CarriersPage'));
const LogisticsShipmentsPage = lazy(() => import('./pages/logistics/ShipmentsPage'));
const LogisticsShipmentNewPage = lazy(() => import('./pages/logistics/ShipmentNewPage'));
const LogisticsShipmentDetailPage = lazy(() => import('./pages/logistics/ShipmentDetailPage'));
const ShowroomPage = lazy(() => import('./pages/showroom/ShowroomPage'));
const ShowroomCategoryPage = lazy(() => import('./pages/showroom/CategoryPage'));
const ShowroomProductPage = lazy(() => import('./pages/showroom/ProductDetailPage'));
const ShowroomMinePage = lazy(() => import('./pages/showroom/MyProductsPage'));
const TrainingCoursesPage = lazy(() => import('./pages/training/CoursesPage'));
const TrainingCoursePage = lazy(() => import('./pages/training/CoursePage'));
const TrainingHelpPage = lazy(() => import('./pages/training/HelpPage'));
const TrainingAssistantPage = lazy(() => import('./pages/training/AssistantPage'));
const CrystalAssistantPage = lazy(() => import('./pages/training/CrystalAssistantPage'));

/** Built pages outside the catalog, with the permission each needs (none: any signed-in merchant user). */
export const BUILT_PAGES = [
  { path: '/', title: '首页', permission: null },
  { path: '/messages', title: '消息中心', permission: null },
  { path: '/me', title: '个人中心', permission: null },
  { path: '/documents', title: '我的资料', permission: null },
  { path: '/downloads', title: '下载中心', permission: null },
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
              <FirstSignInPrompt />
              <MerchantLayout />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="messages" element={<MessagesPage />} />
          <Route path="downloads" element={<DownloadsPage />} />
          <Route path="documents" element={<DocumentsPage />} />
          <Route path="customs/orders" element={<CustomsOrdersPage />} />
          <Route path="me" element={<MePage />} />
          <Route path="me/:tab" element={<MePage />} />
          <Route path="customs/batches" element={<CustomsBatchesPage />} />
          <Route path="customs/gateway" element={<CustomsGatewayPage />} />
          <Route path="registration/apply" element={<RegistrationApplyPage />} />
          <Route path="registration/supplement" element={<RegistrationSupplementPage />} />
          <Route path="registration/progress" element={<RegistrationProgressPage />} />
          <Route path="customs/manifests" element={<ManifestsPage />} />
          <Route path="customs/summaries" element={<SummariesPage />} />
          <Route path="customs/cancels" element={<CancelsPage />} />
          <Route path="customs/notifications" element={<CustomsNotificationsPage />} />
          <Route path="fx/rates" element={<FxRatesPage />} />
          <Route path="fx/settlements" element={<FxSettlementsPage />} />
          <Route path="fx/settlements/new" element={<FxSettlementNewPage />} />
          <Route path="filings" element={<FilingsHomePage />} />
          <Route path="filings/guide" element={<FilingsHomePage />} />
          <Route path="filings/notifications" element={<FilingNotificationsPage />} />
          <Route path="filings/:typeKey" element={<FilingPage />} />
          <Route path="refunds/claims" element={<RefundClaimsPage />} />
          <Route path="refunds/progress" element={<RefundProgressPage />} />
          <Route path="refunds/notifications" element={<RefundNotificationsPage />} />
          <Route path="logistics/carriers" element={<LogisticsCarriersPage />} />
          <Route path="logistics/shipments" element={<LogisticsShipmentsPage />} />
          <Route path="logistics/shipments/new" element={<LogisticsShipmentNewPage />} />
          <Route path="logistics/shipments/:id" element={<LogisticsShipmentDetailPage />} />
          <Route path="showroom" element={<ShowroomPage />} />
          <Route path="showroom/categories" element={<ShowroomCategoryPage />} />
          <Route path="showroom/categories/:categoryId" element={<ShowroomCategoryPage />} />
          <Route path="showroom/products" element={<ShowroomMinePage />} />
          <Route path="showroom/products/:productId" element={<ShowroomProductPage />} />
          <Route path="training/courses" element={<TrainingCoursesPage />} />
          <Route path="training/courses/:courseId" element={<TrainingCoursePage />} />
          <Route path="training/help/:helpKey" element={<TrainingHelpPage />} />
          <Route path="training/assistant" element={<TrainingAssistantPage />} />
          <Route path="training/crystal" element={<CrystalAssistantPage />} />
          <Route path="*" element={<CatalogPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
