import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { AdminHome, AdminLayout } from './routes/admin/AdminLayout';
import { NotFound } from './routes/NotFound';
import { OfficeHome, OfficeLayout } from './routes/office/OfficeLayout';
import { HomePage } from './routes/portal/HomePage';
import { PortalLayout } from './routes/portal/PortalLayout';
import { KioskPage } from './routes/kiosk/KioskPage';
import { LookupPage } from './routes/portal/LookupPage';
import { MyDossierPage } from './routes/portal/MyDossierPage';
import { MyDossiersPage } from './routes/portal/MyDossiersPage';
import { SubmitDossierPage } from './routes/portal/SubmitDossierPage';
import { ReceptionDossierPage } from './routes/office/ReceptionDossierPage';
import { ReceptionQueuePage } from './routes/office/ReceptionQueuePage';
import { RegisterDossierPage } from './routes/office/RegisterDossierPage';

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
      { path: 'thu-tuc/:code/nop-ho-so', element: <SubmitDossierPage /> },
      { path: 'ho-so-cua-toi', element: <MyDossiersPage /> },
      { path: 'ho-so-cua-toi/:id', element: <MyDossierPage /> },
      { path: 'tra-cuu', element: <LookupPage /> },
      { path: 'tra-cuu/:code', element: <LookupPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
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
  { path: '/admin', element: <AdminLayout />, children: [{ index: true, element: <AdminHome /> }] },
];

export const router = createBrowserRouter(routes);
