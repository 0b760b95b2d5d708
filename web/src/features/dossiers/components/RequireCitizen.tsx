import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Alert, Spinner } from '../../../components/ui';
import { useMe } from '../../session/hooks';
import { useI18n } from '../../../i18n/i18n';
import { Title } from '../../../lib/useTitle';

/** Portal pages of a logged-in applicant; anyone else is sent to the log-in page and brought back after. */
export function RequireCitizen({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Spinner label={t('app.loading')} />;
  if (me.isError) return <Alert kind="error">{t('app.error')}</Alert>;
  if (!me.data || me.data.kind !== 'citizen') {
    const next = encodeURIComponent(location.pathname + location.search);
    return (
      <div className="guard">
        <Title page={t('accounts.login.title')} />
        <Alert kind="warning">{t('dossiers.login.required')}</Alert>
        <Link className="btn btn-primary" to={`/dang-nhap?next=${next}`}>
          {t('dossiers.login.go')}
        </Link>
      </div>
    );
  }
  return <>{children}</>;
}
