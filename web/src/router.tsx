import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { AdminHome, AdminLayout } from './routes/admin/AdminLayout';
import { CalendarAdminPage } from './routes/admin/CalendarAdminPage';
import { NotFound } from './routes/NotFound';
import { OfficeHome, OfficeLayout } from './routes/office/OfficeLayout';
import { HomePage } from './routes/portal/HomePage';
import { PortalLayout } from './routes/portal/PortalLayout';

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
      { path: '*', element: <NotFound /> },
    ],
  },
  { path: '/office', element: <OfficeLayout />, children: [{ index: true, element: <OfficeHome /> }] },
  {
    path: '/admin',
    element: <AdminLayout />,
    children: [
      { index: true, element: <AdminHome /> },
      { path: 'calendar', element: <CalendarAdminPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
