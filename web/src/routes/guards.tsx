import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import type { TStaffRole } from '@motcua/contracts';
import { Alert, Spinner } from '../components/ui';
import { useMe } from '../features/session/hooks';
import { useI18n } from '../i18n/i18n';
import { Title } from '../lib/useTitle';

/** Staff-only areas: a person must be logged in as staff and hold one of the roles (when given). */
export function RequireStaff({ roles, children }: { roles?: TStaffRole[]; children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Spinner label={t('app.loading')} />;
  if (me.isError) return <Alert kind="error">{t('app.error')}</Alert>;
  if (!me.data || me.data.kind !== 'staff') {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <div className="guard">
        <Title page={t('accounts.office.title')} />
        <Alert kind="warning">{t('guard.loginRequired')}</Alert>
        <Link className="btn btn-primary" to={`/office/login?next=${next}`}>
          {t('guard.goToLogin')}
        </Link>
      </div>
    );
  }
  // 001 Đ25.1: nothing else works until a one-time password is replaced; the log-in page asks for the new one.
  if (me.data.mustChangePassword)
    return (
      <Navigate
        to={`/office/login?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  if (roles && !me.data.roles.some((r) => roles.includes(r)))
    return <Alert kind="error">{t('guard.forbidden')}</Alert>;
  return <>{children}</>;
}
