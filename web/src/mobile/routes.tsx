/**
 * Mobile H5 routes (basename /m). The three tabs are pages; other catalog paths are looked up in
 * the service catalog from `/me`.
 */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { MobileRequireAuth, MobileSpin } from './components/MobileRequireAuth';
import { MobileFirstSignInPrompt } from './components/MobileFirstSignInPrompt';
// The tab shell and 首页 come with the entry: the H5 is opened signed in almost every time (the mini-program keeps
// the session), and as lazy chunks they cost the first paint ~20 script and style files, each a round trip and an
// element the loader inserts (Lighthouse, simulated slow 4G: LCP 3.0–3.3 s → 2.0 s; the sign-in page loads ~13 KB
// more and is no slower). The other two tabs are fetched beside `/me` when opened directly (preloadSignedInTab).
import { TabLayout } from './layouts/TabLayout';
import HomePage from './pages/home/HomePage';

const loadMessagesPage = () => import('./pages/messages/MessagesPage');
const loadMePage = () => import('./pages/me/MePage');
const TAB_PAGE_LOADERS = new Map<string, () => Promise<unknown>>([
  ['/messages', loadMessagesPage],
  ['/me', loadMePage],
]);

const LoginPage = lazy(() => import('./pages/auth/LoginPage'));
const MessagesPage = lazy(loadMessagesPage);
const MePage = lazy(loadMePage);
const CatalogPage = lazy(() => import('./pages/catalog/CatalogPage'));
const MeProfilePage = lazy(() => import('./pages/me/ProfilePage'));
const MeMerchantPage = lazy(() => import('./pages/me/MerchantPage'));
const MeMembersPage = lazy(() => import('./pages/me/MembersPage'));
const CustomsBatchesPage = lazy(() => import('./pages/customs/BatchesPage'));
const RegistrationProgressPage = lazy(() => import('./pages/registration/ProgressPage'));
const CustomsOrdersPage = lazy(() => import('./pages/customs/OrdersPage'));
const CustomsOrderDetailPage = lazy(() => import('./pages/customs/OrderDetailPage'));
const MeSecurityPage = lazy(() => import('./pages/me/SecurityPage'));
const RegistrationApplyPage = lazy(() => import('./pages/registration/ApplyPage'));
const RegistrationSupplementPage = lazy(() => import('./pages/registration/SupplementPage'));
const CustomsBatchDetailPage = lazy(() => import('./pages/customs/BatchDetailPage'));
const CustomsManifestsPage = lazy(() => import('./pages/customs/ManifestsPage'));
const CustomsSummariesPage = lazy(() => import('./pages/customs/SummariesPage'));
const CustomsCancelsPage = lazy(() => import('./pages/customs/CancelsPage'));
const CustomsGatewayPage = lazy(() => import('./pages/customs/GatewayPage'));
const CustomsNotificationsPage = lazy(() => import('./pages/customs/NotificationsPage'));
const MeLogsPage = lazy(() => import('./pages/me/LogsPage'));
const MeRatingsPage = lazy(() => import('./pages/me/RatingsPage'));
const DownloadsPage = lazy(() => import('./pages/downloads/DownloadsPage'));
const FxRatesPage = lazy(() => import('./pages/fx/FxRatesPage'));
const FxSettlementsPage = lazy(() => import('./pages/fx/FxSettlementsPage'));
const FxSettlementNewPage = lazy(() => import('./pages/fx/FxSettlementNewPage'));
const DocumentsPage = lazy(() => import('./pages/documents/DocumentsPage'));
const FilingsHomePage = lazy(() => import('./pages/filings/FilingsHomePage'));
const FilingPage = lazy(() => import('./pages/filings/FilingPage'));
const FilingNotificationsPage = lazy(() => import('./pages/filings/NotificationsPage'));
const RefundsPage = lazy(() => import('./pages/refunds/RefundsPage'));
const RefundNotificationsPage = lazy(() => import('./pages/refunds/NotificationsPage'));
const LogisticsCarriersPage = lazy(() => import('./pages/logistics/CarriersPage'));
const LogisticsShipmentsPage = lazy(() => import('./pages/logistics/ShipmentsPage'));
const LogisticsShipmentNewPage = lazy(() => import('./pages/logistics/ShipmentNewPage'));
const LogisticsShipmentDetailPage = lazy(() => import('./pages/logistics/ShipmentDetailPage'));
const ShowroomPage = lazy(() => import('./pages/showroom/ShowroomPage'));
const ShowroomProductPage = lazy(() => import('./pages/showroom/ProductDetailPage'));
const ShowroomMinePage = lazy(() => import('./pages/showroom/MyProductsPage'));
const TrainingCoursesPage = lazy(() => import('./pages/training/CoursesPage'));
const TrainingCoursePage = lazy(() => import('./pages/training/CoursePage'));
const TrainingHelpPage = lazy(() => import('./pages/training/HelpPage'));
const TrainingAssistantPage = lazy(() => import('./pages/training/AssistantPage'));
const CrystalAssistantPage = lazy(() => import('./pages/training/CrystalAssistantPage'));
const SearchPage = lazy(() => import('./pages/search/SearchPage'));
const ProgressPage = lazy(() => import('./pages/progress/ProgressPage'));

/** Full-screen pages behind sign-in (each customs page checks its catalog item itself). */
const PAGES: { path: string; element: JSX.Element }[] = [
  { path: '/customs/batches/:batchId', element: <CustomsBatchDetailPage /> },
  { path: '/customs/manifests', element: <CustomsManifestsPage /> },
  { path: '/customs/summaries', element: <CustomsSummariesPage /> },
  { path: '/customs/cancels', element: <CustomsCancelsPage /> },
  { path: '/customs/gateway', element: <CustomsGatewayPage /> },
  { path: '/customs/notifications', element: <CustomsNotificationsPage /> },
  { path: '/filings', element: <FilingsHomePage /> },
  { path: '/filings/guide', element: <FilingsHomePage /> },
  { path: '/filings/notifications', element: <FilingNotificationsPage /> },
  { path: '/filings/:typeKey', element: <FilingPage /> },
  { path: '/documents', element: <DocumentsPage /> },
  { path: '/refunds/claims', element: <RefundsPage /> },
  { path: '/refunds/progress', element: <RefundsPage /> },
  { path: '/refunds/notifications', element: <RefundNotificationsPage /> },
  { path: '/logistics/carriers', element: <LogisticsCarriersPage /> },
  { path: '/logistics/shipments', element: <LogisticsShipmentsPage /> },
  { path: '/logistics/shipments/new', element: <LogisticsShipmentNewPage /> },
  { path: '/logistics/shipments/:id', element: <LogisticsShipmentDetailPage /> },
  { path: '/me/logs', element: <MeLogsPage /> },
  { path: '/me/ratings', element: <MeRatingsPage /> },
  { path: '/me/progress', element: <ProgressPage /> },
  { path: '/downloads', element: <DownloadsPage /> },
  { path: '/fx/rates', element: <FxRatesPage /> },
  { path: '/fx/settlements', element: <FxSettlementsPage /> },
  { path: '/fx/settlements/new', element: <FxSettlementNewPage /> },
  { path: '/showroom', element: <ShowroomPage /> },
  { path: '/showroom/categories', element: <ShowroomPage /> },
  { path: '/showroom/categories/:categoryId', element: <ShowroomPage /> },
  { path: '/showroom/products', element: <ShowroomMinePage /> },
  { path: '/showroom/products/:productId', element: <ShowroomProductPage /> },
  { path: '/training/courses', element: <TrainingCoursesPage /> },
  { path: '/training/courses/:courseId', element: <TrainingCoursePage /> },
  { path: '/training/help/:helpKey', element: <TrainingHelpPage /> },
  { path: '/training/assistant', element: <TrainingAssistantPage /> },
  { path: '/training/crystal', element: <CrystalAssistantPage /> },
  { path: '/search', element: <SearchPage /> },
];

/**
 * With a stored session, start fetching the tab being opened (`path` without the `/m` base; 消息 or 我的 — 首页 is in
 * the entry) while `/me` is still on its way: the sign-in guard renders it only once that is back, and fetched only
 * then its chunk would add a round trip before the first paint. A failed fetch here is retried by the page itself.
 */
export function preloadSignedInTab(path: string): void {
  void TAB_PAGE_LOADERS.get(path)?.().catch(() => undefined);
}

export const TABS = [
  { path: '/', title: '首页' },
  { path: '/messages', title: '消息' },
  { path: '/me', title: '我的' },
] as const;

export function MobileRoutes() {
  return (
    <Suspense fallback={<MobileSpin />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <MobileRequireAuth>
              <MobileFirstSignInPrompt />
              <TabLayout />
            </MobileRequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="messages" element={<MessagesPage />} />
          <Route path="me" element={<MePage />} />
        </Route>
        <Route
          path="/me/profile"
          element={
            <MobileRequireAuth>
              <MeProfilePage />
            </MobileRequireAuth>
          }
        />
        <Route
          path="/me/merchant"
          element={
            <MobileRequireAuth>
              <MeMerchantPage />
            </MobileRequireAuth>
          }
        />
        <Route
          path="/me/members"
          element={
            <MobileRequireAuth>
              <MeMembersPage />
            </MobileRequireAuth>
          }
        />
        <Route
          path="/customs/batches"
          element={
            <MobileRequireAuth>
              <CustomsBatchesPage />
            </MobileRequireAuth>
          }
        />
        <Route
          path="/registration/progress"
          element={
            <MobileRequireAuth>
              <RegistrationProgressPage />
            </MobileRequireAuth>
          }
        />
        <Route
          path="/customs/orders"
          element={
            <MobileRequireAuth>
              <CustomsOrdersPage />
            </MobileRequireAuth>
          }
        />
        <Route
          path="/customs/orders/:orderId"
          element={
            <MobileRequireAuth>
              <CustomsOrderDetailPage />
            </MobileRequireAuth>
          }
        />
        <Route
          path="/me/security"
          element={
            <MobileRequireAuth>
              <MeSecurityPage />
            </MobileRequireAuth>
          }
        />
        <Route
          path="/registration/apply"
          element={
            <MobileRequireAuth>
              <RegistrationApplyPage />
            </MobileRequireAuth>
          }
        />
        <Route
          path="/registration/supplement"
          element={
            <MobileRequireAuth>
              <RegistrationSupplementPage />
            </MobileRequireAuth>
          }
        />
        {PAGES.map((page) => (
          <Route key={page.path} path={page.path} element={<MobileRequireAuth>{page.element}</MobileRequireAuth>} />
        ))}
        <Route
          path="*"
          element={
            <MobileRequireAuth>
              <CatalogPage />
            </MobileRequireAuth>
          }
        />
      </Routes>
    </Suspense>
  );
}
