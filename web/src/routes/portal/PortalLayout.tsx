import { Outlet } from 'react-router-dom';
import { Shell, type NavItem } from '../Shell';

export const portalNav: NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/thu-tuc', label: 'nav.procedures' },
  { to: '/co-quan', label: 'organisation.nav.public' },
  { to: '/tra-cuu', label: 'nav.lookup' },
  { to: '/hoi-dap', label: 'feedback.nav.qa' },
  { to: '/phan-anh', label: 'feedback.nav.file' },
  { to: '/hai-long', label: 'feedback.nav.satisfaction' },
  { to: '/xac-thuc', label: 'nav.verifyResult' },
  { to: '/tai-khoan', label: 'accounts.nav.profile' },
  { to: '/ho-so-cua-toi', label: 'dossiers.nav.mine' },
];

export function PortalLayout() {
  return (
    <Shell area="portal" nav={portalNav}>
      <Outlet />
    </Shell>
  );
}
