import { Outlet } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { Shell, type NavItem } from '../Shell';
import { RequireStaff } from '../guards';
import { useTitle } from '../../lib/useTitle';

export const adminNav: NavItem[] = [
  { to: '/admin', label: 'nav.admin', end: true },
  { to: '/admin/staff', label: 'accounts.nav.staff' },
  { to: '/admin/roles', label: 'accounts.nav.roles' },
  { to: '/admin/outbox', label: 'accounts.nav.outbox' },
  { to: '/admin/canh-bao-tra-cuu', label: 'dossiers.nav.lookupAlerts' },
  { to: '/admin/dong-bo', label: 'integration.nav.sync' },
  { to: '/admin/webhook', label: 'integration.nav.webhooks' },
  { to: '/admin/ung-dung-ket-noi', label: 'integration.nav.apiClients' },
  { to: '/admin/calendar', label: 'calendar.nav' },
  { to: '/admin/don-vi', label: 'organisation.nav.units' },
  { to: '/admin/co-quan', label: 'organisation.nav.agencies' },
  { to: '/admin/thu-tuc', label: 'catalogueAdmin.nav' },
];

export function AdminLayout() {
  return (
    <Shell area="admin" nav={adminNav}>
      <RequireStaff roles={['system_admin', 'unit_admin', 'catalogue_editor']}>
        <Outlet />
      </RequireStaff>
    </Shell>
  );
}

export function AdminHome() {
  const { t } = useI18n();
  useTitle(t('admin.title'));
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p>{t('admin.lead')}</p>
    </>
  );
}
