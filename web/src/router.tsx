import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { AdminHome, AdminLayout } from './routes/admin/AdminLayout';
import { CalendarAdminPage } from './routes/admin/CalendarAdminPage';
import { NewProcedurePage, ProcedureEditPage } from './routes/admin/ProcedureEditPage';
import { ProcedureListPage } from './routes/admin/ProcedureListPage';
import { ProcedureTransferPage } from './routes/admin/ProcedureTransferPage';
import { NotFound } from './routes/NotFound';
import { OfficeHome, OfficeLayout } from './routes/office/OfficeLayout';
import { HomePage } from './routes/portal/HomePage';
import { PortalLayout } from './routes/portal/PortalLayout';
import { LoginPage } from './routes/portal/LoginPage';
import { RegisterPage } from './routes/portal/RegisterPage';
import { VerifyPage } from './routes/portal/VerifyPage';
import { ForgotPasswordPage } from './routes/portal/ForgotPasswordPage';
import { ProfilePage } from './routes/portal/ProfilePage';
import { OfficeLoginPage } from './routes/office/OfficeLoginPage';
import { StaffPage } from './routes/admin/StaffPage';
import { RolesPage } from './routes/admin/RolesPage';
import { OutboxPage } from './routes/admin/OutboxPage';
import { CataloguePage } from './routes/portal/CataloguePage';
import { ProcedurePage } from './routes/portal/ProcedurePage';
import { KioskPage } from './routes/kiosk/KioskPage';
import { LookupPage } from './routes/portal/LookupPage';
import { MyDossierPage } from './routes/portal/MyDossierPage';
import { MyDossiersPage } from './routes/portal/MyDossiersPage';
import { SubmitDossierPage } from './routes/portal/SubmitDossierPage';
import { ReceptionDossierPage } from './routes/office/ReceptionDossierPage';
import { ReceptionQueuePage } from './routes/office/ReceptionQueuePage';
import { RegisterDossierPage } from './routes/office/RegisterDossierPage';
import { AgenciesPage } from './routes/portal/AgenciesPage';
import { AgencyPage } from './routes/portal/AgencyPage';
import { UnitsAdminPage } from './routes/admin/UnitsAdminPage';
import { AgenciesAdminPage } from './routes/admin/AgenciesAdminPage';
import { AgencyAdminPage } from './routes/admin/AgencyAdminPage';

/**
 * Three areas, each with its own layout and guard: the public portal (/), the staff office (/office)
 * and administration (/admin). Feature routes are added to the area they belong to.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <PortalLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'dang-nhap', element: <LoginPage /> },
      { path: 'dang-ky', element: <RegisterPage /> },
      { path: 'xac-thuc', element: <VerifyPage /> },
      { path: 'quen-mat-khau', element: <ForgotPasswordPage /> },
      { path: 'tai-khoan', element: <ProfilePage /> },
      { path: 'thu-tuc', element: <CataloguePage /> },
      { path: 'thu-tuc/:code', element: <ProcedurePage /> },
      { path: 'thu-tuc/:code/nop-ho-so', element: <SubmitDossierPage /> },
      { path: 'ho-so-cua-toi', element: <MyDossiersPage /> },
      { path: 'ho-so-cua-toi/:id', element: <MyDossierPage /> },
      { path: 'tra-cuu', element: <LookupPage /> },
      { path: 'tra-cuu/:code', element: <LookupPage /> },
      { path: 'co-quan', element: <AgenciesPage /> },
      { path: 'co-quan/:id', element: <AgencyPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
  { path: '/office/login', element: <OfficeLoginPage /> },
  {
    path: '/office',
    element: <OfficeLayout />,
    children: [
      { index: true, element: <OfficeHome /> },
      { path: 'tiep-nhan', element: <ReceptionQueuePage /> },
      { path: 'tiep-nhan/them-moi', element: <RegisterDossierPage /> },
      { path: 'ho-so/:id', element: <ReceptionDossierPage /> },
    ],
  },
  { path: '/kiosk', element: <KioskPage /> },
  {
    path: '/admin',
    element: <AdminLayout />,
    children: [
      { index: true, element: <AdminHome /> },
      { path: 'staff', element: <StaffPage /> },
      { path: 'roles', element: <RolesPage /> },
      { path: 'outbox', element: <OutboxPage /> },
      { path: 'calendar', element: <CalendarAdminPage /> },
      { path: 'don-vi', element: <UnitsAdminPage /> },
      { path: 'co-quan', element: <AgenciesAdminPage /> },
      { path: 'co-quan/:id', element: <AgencyAdminPage /> },
      { path: 'thu-tuc', element: <ProcedureListPage /> },
      { path: 'thu-tuc/moi', element: <NewProcedurePage /> },
      { path: 'thu-tuc/nhap-xuat', element: <ProcedureTransferPage /> },
      { path: 'thu-tuc/:code', element: <ProcedureEditPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
