import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Card, Spinner } from '../../components/ui';
import { AgencyContactForm, AgencyRetire } from '../../features/organisation/components/AgencyForms';
import {
  CodesEditor,
  DepartmentsEditor,
  DeskStaffEditor,
} from '../../features/organisation/components/AgencyLists';
import { useAgency, useIsSystemAdmin } from '../../features/organisation/hooks';
import '../../features/organisation/organisation.css';
import { useI18n } from '../../i18n/i18n';
import { formatDay } from '../../lib/dates';
import { useTitle } from '../../lib/useTitle';

/** /admin/co-quan/:id: one agency — identity and contact, codes history, departments, desk staff, retirement. */
export function AgencyAdminPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const agency = useAgency(id);
  useTitle(agency.data?.name ?? t('organisation.agencies.title'));
  const [message, setMessage] = useState('');
  const full = useIsSystemAdmin();
  if (agency.isPending) return <Spinner label={t('organisation.loading')} />;
  if (agency.isError) return <Alert kind="error">{agency.error.message}</Alert>;
  const a = agency.data;
  return (
    <>
      <p>
        <Link to="/admin/co-quan">{t('organisation.agencies.back')}</Link> ·{' '}
        <Link to={`/co-quan/${a.id}`}>{t('organisation.agencies.publicPage')}</Link>
      </p>
      <h1>{a.name}</h1>
      {a.validTo && (
        <Alert kind="warning">{t('organisation.public.ended', { date: formatDay(a.validTo) })}</Alert>
      )}
      <div aria-live="polite">{message && <Alert kind="success">{message}</Alert>}</div>
      <Card>
        <AgencyContactForm agency={a} full={full} onSaved={setMessage} />
      </Card>
      <Card>
        <DeskStaffEditor agency={a} onSaved={setMessage} />
      </Card>
      <Card>
        <DepartmentsEditor agency={a} onSaved={setMessage} />
      </Card>
      {full && (
        <Card>
          <CodesEditor agency={a} onSaved={setMessage} />
        </Card>
      )}
      {full && !a.validTo && (
        <Card>
          <AgencyRetire agency={a} onSaved={setMessage} />
        </Card>
      )}
    </>
  );
}
