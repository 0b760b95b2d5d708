import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { NotFound } from './routes/NotFound';
import { PageLoading } from './routes/PageLoading';
import { HomePage } from './routes/portal/HomePage';
import { PortalLayout } from './routes/portal/PortalLayout';

/**
 * A page loaded on first visit: each becomes its own chunk, so a citizen's phone downloads the portal's home page,
 * not the office and administration screens.
 */
function page<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): NonNullable<RouteObject['lazy']> {
  return async () => ({ Component: (await load())[name] });
}

/**
 * Three areas, each with its own layout and guard: the public portal (/), the staff office (/office)
 * and administration (/admin). Feature routes are added to the area they belong to.
 */
const areas: RouteObject[] = [
  {
    path: '/',
    element: <PortalLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'dang-nhap', lazy: page(() => import('./routes/portal/LoginPage'), 'LoginPage') },
      { path: 'dang-ky', lazy: page(() => import('./routes/portal/RegisterPage'), 'RegisterPage') },
      { path: 'kich-hoat', lazy: page(() => import('./routes/portal/VerifyPage'), 'VerifyPage') },
      {
        path: 'xac-thuc',
        lazy: page(() => import('./routes/portal/ResultVerifyPage'), 'ResultVerifyPage'),
      },
      {
        path: 'quen-mat-khau',
        lazy: page(() => import('./routes/portal/ForgotPasswordPage'), 'ForgotPasswordPage'),
      },
      { path: 'tai-khoan', lazy: page(() => import('./routes/portal/ProfilePage'), 'ProfilePage') },
      { path: 'thu-tuc', lazy: page(() => import('./routes/portal/CataloguePage'), 'CataloguePage') },
      { path: 'thu-tuc/:code', lazy: page(() => import('./routes/portal/ProcedurePage'), 'ProcedurePage') },
      {
        path: 'thu-tuc/:code/nop-ho-so',
        lazy: page(() => import('./routes/portal/SubmitDossierPage'), 'SubmitDossierPage'),
      },
      { path: 'ho-so-cua-toi', lazy: page(() => import('./routes/portal/MyDossiersPage'), 'MyDossiersPage') },
      {
        path: 'ho-so-cua-toi/:id',
        lazy: page(() => import('./routes/portal/MyDossierPage'), 'MyDossierPage'),
      },
      { path: 'tra-cuu', lazy: page(() => import('./routes/portal/LookupPage'), 'LookupPage') },
      { path: 'tra-cuu/:code', lazy: page(() => import('./routes/portal/LookupPage'), 'LookupPage') },
      { path: 'co-quan', lazy: page(() => import('./routes/portal/AgenciesPage'), 'AgenciesPage') },
      { path: 'co-quan/:id', lazy: page(() => import('./routes/portal/AgencyPage'), 'AgencyPage') },
      { path: 'phan-anh', lazy: page(() => import('./routes/portal/FeedbackPage'), 'FeedbackPage') },
      { path: 'hoi-dap', lazy: page(() => import('./routes/portal/QaPage'), 'QaPage') },
      { path: 'danh-gia', lazy: page(() => import('./routes/portal/RatingPage'), 'RatingPage') },
      { path: 'hai-long', lazy: page(() => import('./routes/portal/SatisfactionPage'), 'SatisfactionPage') },
      { path: 'thong-ke', lazy: page(() => import('./routes/portal/PublicStatsPage'), 'PublicStatsPage') },
      { path: '*', element: <NotFound /> },
    ],
  },
  { path: '/office/login', lazy: page(() => import('./routes/office/OfficeLoginPage'), 'OfficeLoginPage') },
  {
    path: '/office',
    lazy: page(() => import('./routes/office/OfficeLayout'), 'OfficeLayout'),
    children: [
      { index: true, lazy: page(() => import('./routes/office/OfficeLayout'), 'OfficeHome') },
      {
        path: 'tiep-nhan',
        lazy: page(() => import('./routes/office/ReceptionQueuePage'), 'ReceptionQueuePage'),
      },
      {
        path: 'tiep-nhan/them-moi',
        lazy: page(() => import('./routes/office/RegisterDossierPage'), 'RegisterDossierPage'),
      },
      {
        path: 'xu-ly',
        lazy: page(() => import('./routes/office/ProcessingInboxPage'), 'ProcessingInboxPage'),
      },
      {
        path: 'xu-ly/:id',
        lazy: page(() => import('./routes/office/ProcessingDossierPage'), 'ProcessingDossierPage'),
      },
      {
        path: 'ho-so/:id',
        lazy: page(() => import('./routes/office/ReceptionDossierPage'), 'ReceptionDossierPage'),
      },
      {
        path: 'so-theo-doi',
        lazy: page(() => import('./routes/office/RegisterBookPage'), 'RegisterBookPage'),
      },
      {
        path: 'lay-y-kien',
        lazy: page(() => import('./routes/office/ConsultationsPage'), 'ConsultationsPage'),
      },
      {
        path: 'lien-thong',
        lazy: page(() => import('./routes/office/InteragencyTasksPage'), 'InteragencyTasksPage'),
      },
      {
        path: 'doi-soat',
        lazy: page(() => import('./routes/office/ReconciliationPage'), 'ReconciliationPage'),
      },
      { path: 'buu-chinh', lazy: page(() => import('./routes/office/PostalPage'), 'PostalPage') },
      {
        path: 'phan-anh',
        lazy: page(() => import('./routes/office/FeedbackOfficePage'), 'FeedbackOfficePage'),
      },
      {
        path: 'danh-gia',
        lazy: page(() => import('./routes/office/SatisfactionOfficePage'), 'SatisfactionOfficePage'),
      },
      {
        path: 'bao-cao',
        lazy: page(() => import('./routes/office/ReportsDashboardPage'), 'ReportsDashboardPage'),
      },
      {
        path: 'bao-cao/ho-so',
        lazy: page(() => import('./routes/office/ReportsDossiersPage'), 'ReportsDossiersPage'),
      },
      {
        path: 'bao-cao/dinh-ky',
        lazy: page(() => import('./routes/office/PeriodicReportPage'), 'PeriodicReportPage'),
      },
      {
        path: 'bao-cao/chi-so',
        lazy: page(() => import('./routes/office/ServiceIndexPage'), 'ServiceIndexPage'),
      },
    ],
  },
  { path: '/kiosk', lazy: page(() => import('./routes/kiosk/KioskPage'), 'KioskPage') },
  {
    path: '/admin',
    lazy: page(() => import('./routes/admin/AdminLayout'), 'AdminLayout'),
    children: [
      { index: true, lazy: page(() => import('./routes/admin/AdminLayout'), 'AdminHome') },
      { path: 'staff', lazy: page(() => import('./routes/admin/StaffPage'), 'StaffPage') },
      { path: 'roles', lazy: page(() => import('./routes/admin/RolesPage'), 'RolesPage') },
      { path: 'outbox', lazy: page(() => import('./routes/admin/OutboxPage'), 'OutboxPage') },
      {
        path: 'canh-bao-tra-cuu',
        lazy: page(() => import('./routes/admin/LookupAlertsPage'), 'LookupAlertsPage'),
      },
      { path: 'dong-bo', lazy: page(() => import('./routes/admin/IntegrationPages'), 'PortalSyncPage') },
      { path: 'webhook', lazy: page(() => import('./routes/admin/IntegrationPages'), 'WebhooksPage') },
      {
        path: 'ung-dung-ket-noi',
        lazy: page(() => import('./routes/admin/IntegrationPages'), 'ApiClientsPage'),
      },
      { path: 'calendar', lazy: page(() => import('./routes/admin/CalendarAdminPage'), 'CalendarAdminPage') },
      { path: 'don-vi', lazy: page(() => import('./routes/admin/UnitsAdminPage'), 'UnitsAdminPage') },
      { path: 'co-quan', lazy: page(() => import('./routes/admin/AgenciesAdminPage'), 'AgenciesAdminPage') },
      { path: 'co-quan/:id', lazy: page(() => import('./routes/admin/AgencyAdminPage'), 'AgencyAdminPage') },
      { path: 'thu-tuc', lazy: page(() => import('./routes/admin/ProcedureListPage'), 'ProcedureListPage') },
      {
        path: 'thu-tuc/moi',
        lazy: page(() => import('./routes/admin/ProcedureEditPage'), 'NewProcedurePage'),
      },
      {
        path: 'thu-tuc/nhap-xuat',
        lazy: page(() => import('./routes/admin/ProcedureTransferPage'), 'ProcedureTransferPage'),
      },
      {
        path: 'thu-tuc/:code',
        lazy: page(() => import('./routes/admin/ProcedureEditPage'), 'ProcedureEditPage'),
      },
    ],
  },
];

/**
 * While the first page's chunk loads: inside the portal the layout stays and the page's place says "loading" (the
 * prerendered shell shows the same, so nothing moves); the office and administration load their layout too.
 */
const withFallback = (r: RouteObject): RouteObject =>
  r.index
    ? { ...r, hydrateFallbackElement: <PageLoading /> }
    : { ...r, hydrateFallbackElement: <PageLoading />, children: r.children?.map(withFallback) };
export const routes: RouteObject[] = areas.map(withFallback);

export const router = createBrowserRouter(routes);
