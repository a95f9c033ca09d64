/**
 * Back-office routes (basename /admin). The dashboard is a page; every other path is looked up in
 * `me.admin_catalog` (module overview or 「功能建设中」), guarded by the item's permission.
 */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { FullPageSpin, RequireAuth } from '@/shared/components/RequireAuth';
import { RequireStaff } from './layouts/RequireStaff';
import { RequirePasswordChanged } from './pages/system/accounts/RequirePasswordChanged';

// The signed-in layout (and the kit it pulls in) loads after sign-in, not on the login page.
const AdminLayout = lazy(() => import('./layouts/AdminLayout').then((module) => ({ default: module.AdminLayout })));

const LoginPage = lazy(() => import('./pages/auth/LoginPage'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const MessagesPage = lazy(() => import('./pages/messages/MessagesPage'));
const DownloadsPage = lazy(() => import('./pages/downloads/DownloadsPage'));
const CatalogPage = lazy(() => import('./pages/catalog/CatalogPage'));
const AccountsPage = lazy(() => import('./pages/system/accounts/AccountsPage'));
const ChangePasswordPage = lazy(() => import('./pages/system/accounts/ChangePasswordPage'));
const RolesPage = lazy(() => import('./pages/system/roles/RolesPage'));
const ImpersonationPage = lazy(() => import('./pages/system/impersonation/ImpersonationPage'));
const LogsPage = lazy(() => import('./pages/system/logs/LogsPage'));
const ParametersPage = lazy(() => import('./pages/system/parameters/ParametersPage'));
const MonitorPage = lazy(() => import('./pages/system/monitor/MonitorPage'));
const MerchantsPage = lazy(() => import('./pages/merchants/list/MerchantsPage'));
const GatewayConfigsPage = lazy(() => import('./pages/operations/gateway/GatewayConfigsPage'));
const PortCodesPage = lazy(() => import('./pages/operations/ports/PortCodesPage'));
const CustomsBoardPage = lazy(() => import('./pages/operations/customs/CustomsBoardPage'));
const FxAdminPage = lazy(() => import('./pages/operations/fx/FxAdminPage'));
const FilingsQueuePage = lazy(() => import('./pages/operations/filings/FilingsQueuePage'));
const RefundsPage = lazy(() => import('./pages/operations/refunds/RefundsPage'));
const LogisticsAdminPage = lazy(() => import('./pages/operations/logistics/LogisticsPage'));
const RatingsAdminPage = lazy(() => import('./pages/operations/ratings/RatingsPage'));
const OnboardingPage = lazy(() => import('./pages/merchants/onboarding/OnboardingPage'));
const ShowroomAdminPage = lazy(() => import('./pages/content/showroom/ShowroomAdminPage'));
const TrainingPage = lazy(() => import('./pages/content/TrainingPage'));
const OverviewCockpitPage = lazy(() => import('./pages/dashboards/OverviewPage'));
const ServiceCockpitPage = lazy(() => import('./pages/dashboards/ServicePage'));
const CockpitScreenPage = lazy(() => import('./pages/dashboards/ScreenPage'));
const CrystalHintsPage = lazy(() => import('./pages/content/crystal/CrystalHintsPage'));

export const BUILT_PAGES = [
  { path: '/', title: '工作台', permission: null },
  { path: '/messages', title: '消息中心', permission: null },
  { path: '/downloads', title: '下载中心', permission: null },
  { path: '/system/accounts', title: '管理员账户', permission: 'system:accounts:view' },
  { path: '/system/roles', title: '角色权限', permission: 'system:roles:view' },
  { path: '/system/impersonation', title: '用户切换', permission: 'system:impersonation:view' },
  { path: '/system/logs', title: '日志管理', permission: 'system:logs:view' },
  { path: '/system/parameters', title: '系统参数', permission: 'system:parameters:view' },
  { path: '/system/monitor', title: '系统监控', permission: 'system:monitor:view' },
  { path: '/merchants', title: '商户信息管理', permission: 'merchants:list:view' },
  { path: '/operations/gateway', title: '点点通接口配置', permission: 'operations:gateway:view' },
  { path: '/operations/ports', title: '港口代码表', permission: 'operations:ports:view' },
  { path: '/operations/customs', title: '报关流程可视化', permission: 'operations:customs:view' },
  { path: '/operations/fx', title: '结汇管理', permission: 'operations:fx:view' },
  { path: '/operations/filings', title: '申报受理', permission: 'operations:filings:view' },
  { path: '/operations/refunds', title: '退税管理', permission: 'operations:refunds:view' },
  { path: '/operations/logistics', title: '物流管理', permission: 'operations:logistics:view' },
  { path: '/operations/ratings', title: '服务评价', permission: 'operations:ratings:view' },
  { path: '/merchants/onboarding', title: '注册与入驻管理', permission: 'merchants:onboarding:view' },
  { path: '/content/showroom', title: '商品管理', permission: 'content:showroom:view' },
  { path: '/dashboards/overview', title: '综合数据', permission: 'dashboards:overview:view' },
  { path: '/dashboards/service', title: '综合服务', permission: 'dashboards:service:view' },
  { path: '/content/crystal', title: '水晶行业专项', permission: 'content:crystal:view' },
] as const;

export function AdminRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="/change-password"
          element={
            <RequireAuth>
              <ChangePasswordPage />
            </RequireAuth>
          }
        />
        <Route
          path="/dashboards/overview/screen"
          element={
            <RequireAuth>
              <RequireStaff>
                <RequirePasswordChanged>
                  <CockpitScreenPage />
                </RequirePasswordChanged>
              </RequireStaff>
            </RequireAuth>
          }
        />
        <Route
          element={
            <RequireAuth>
              <RequireStaff>
                <RequirePasswordChanged>
                  <AdminLayout />
                </RequirePasswordChanged>
              </RequireStaff>
            </RequireAuth>
          }
        >
          <Route index element={<DashboardPage />} />
          <Route path="messages" element={<MessagesPage />} />
          <Route path="downloads" element={<DownloadsPage />} />
          <Route path="system/accounts" element={<AccountsPage />} />
          <Route path="system/roles" element={<RolesPage />} />
          <Route path="system/impersonation" element={<ImpersonationPage />} />
          <Route path="system/logs" element={<LogsPage />} />
          <Route path="system/parameters" element={<ParametersPage />} />
          <Route path="system/monitor" element={<MonitorPage />} />
          <Route path="merchants" element={<MerchantsPage />} />
          <Route path="operations/gateway" element={<GatewayConfigsPage />} />
          <Route path="operations/ports" element={<PortCodesPage />} />
          <Route path="operations/customs" element={<CustomsBoardPage />} />
          <Route path="operations/fx" element={<FxAdminPage />} />
          <Route path="operations/filings" element={<FilingsQueuePage />} />
          <Route path="operations/refunds" element={<RefundsPage />} />
          <Route path="operations/logistics" element={<LogisticsAdminPage />} />
          <Route path="operations/ratings" element={<RatingsAdminPage />} />
          <Route path="merchants/onboarding" element={<OnboardingPage />} />
          <Route path="content/showroom" element={<ShowroomAdminPage />} />
          <Route path="content/training" element={<TrainingPage />} />
          <Route path="dashboards/overview" element={<OverviewCockpitPage />} />
          <Route path="dashboards/service" element={<ServiceCockpitPage />} />
          <Route path="content/crystal" element={<CrystalHintsPage />} />
          <Route path="*" element={<CatalogPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
