import { Outlet } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { Shell, type NavItem } from '../Shell';
import { RequireStaff } from '../guards';
import { useTitle } from '../../lib/useTitle';

export const officeNav: NavItem[] = [
  { to: '/office', label: 'nav.office', end: true },
  { to: '/office/tiep-nhan', label: 'dossiers.nav.queue' },
  {
    to: '/office/xu-ly',
    label: 'processing.nav.inbox',
    roles: ['specialist', 'approver', 'reception_officer'],
  },
  { to: '/office/lay-y-kien', label: 'processing.consult.nav', roles: ['specialist', 'approver'] },
  { to: '/office/lien-thong', label: 'interagency.nav', roles: ['specialist', 'approver'] },
  {
    to: '/office/so-theo-doi',
    label: 'registerBook.nav',
    roles: ['reception_officer', 'approver', 'leader'],
  },
  {
    to: '/office/doi-soat',
    label: 'payments.nav.reconciliation',
    roles: ['reception_officer', 'approver', 'leader', 'unit_admin'],
  },
  { to: '/office/buu-chinh', label: 'payments.nav.postal', roles: ['postal_operator', 'reception_officer'] },
  {
    to: '/office/phan-anh',
    label: 'feedback.nav.office',
    roles: ['reception_officer', 'specialist', 'approver', 'leader', 'unit_admin'],
  },
  { to: '/office/danh-gia', label: 'feedback.nav.officeRatings' },
  {
    to: '/office/bao-cao',
    label: 'reports.nav.dashboard',
    roles: ['leader', 'approver', 'unit_admin', 'system_admin'],
    end: true,
  },
  {
    to: '/office/bao-cao/dinh-ky',
    label: 'reports.nav.periodic',
    roles: ['leader', 'approver', 'unit_admin', 'system_admin'],
  },
  {
    to: '/office/bao-cao/chi-so',
    label: 'reports.nav.index',
    roles: ['leader', 'approver', 'unit_admin', 'system_admin'],
  },
];

export function OfficeLayout() {
  return (
    <Shell area="office" nav={officeNav}>
      <RequireStaff>
        <Outlet />
      </RequireStaff>
    </Shell>
  );
}

export function OfficeHome() {
  const { t } = useI18n();
  useTitle(t('office.title'));
  return (
    <>
      <h1>{t('office.title')}</h1>
      <p>{t('office.lead')}</p>
    </>
  );
}
