import { Link, useParams } from 'react-router-dom';
import { Alert, Card, Spinner } from '../../components/ui';
import { useAgency } from '../../features/organisation/hooks';
import '../../features/organisation/organisation.css';
import { useI18n } from '../../i18n/i18n';
import { formatDay } from '../../lib/dates';
import { useTitle } from '../../lib/useTitle';

const tel = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

/** /co-quan/:id: identifier code, public contact data, the one-stop desk's staff (003 Đ10.1.g), departments. */
export function AgencyPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const agency = useAgency(id);
  useTitle(agency.data?.name ?? t('organisation.public.title'));
  if (agency.isPending) return <Spinner label={t('organisation.loading')} />;
  if (agency.isError) return <Alert kind="error">{agency.error.message}</Alert>;
  const a = agency.data;
  const current = a.codes.filter((c) => c.validTo === null);
  const desk = a.departments.find((d) => d.kind === 'one_stop_desk');
  const specialists = a.departments.filter((d) => d.kind === 'specialist');
  return (
    <>
      <p>
        <Link to="/co-quan">{t('organisation.public.back')}</Link>
      </p>
      <h1>{a.name}</h1>
      <p>
        {t(`organisation.type.${a.type}` as 'organisation.type.department')} · {a.unitName}
      </p>
      {a.validTo && (
        <Alert kind="warning">{t('organisation.public.ended', { date: formatDay(a.validTo) })}</Alert>
      )}
      <Card>
        <h2>{t('organisation.contact')}</h2>
        <dl className="org-contact">
          <dt>{t('organisation.identifierCode')}</dt>
          <dd>{current.length ? current.map((c) => c.code).join(' · ') : '—'}</dd>
          <dt>{t('organisation.address')}</dt>
          <dd>{a.address ?? '—'}</dd>
          <dt>{t('organisation.email')}</dt>
          <dd>{a.email ? <a href={`mailto:${a.email}`}>{a.email}</a> : '—'}</dd>
          <dt>{t('organisation.hotline')}</dt>
          <dd data-testid="agency-hotline">{a.hotline ? <a href={tel(a.hotline)}>{a.hotline}</a> : '—'}</dd>
        </dl>
        <p>
          <Link className="btn btn-primary" to={`/thu-tuc?agency=${encodeURIComponent(a.shortName)}`}>
            {t('organisation.public.procedures')}
          </Link>
        </p>
      </Card>
      <Card>
        <h2>{desk?.name ?? t('organisation.desk')}</h2>
        <p>{t('organisation.public.staffLead')}</p>
        {a.deskStaff.length === 0 && <p className="muted">{t('organisation.public.noStaff')}</p>}
        <ul className="org-staff">
          {a.deskStaff.map((s, i) => (
            <li key={`${s.name}-${i}`}>
              <strong>{s.name}</strong>
              <br />
              {s.title}
              <br />
              {t('organisation.staff.field')}: {s.field}
              <br />
              <a href={tel(s.phone)}>{s.phone}</a>
            </li>
          ))}
        </ul>
      </Card>
      {specialists.length > 0 && (
        <Card>
          <h2>{t('organisation.departments')}</h2>
          <ul>
            {specialists.map((d) => (
              <li key={d.id}>{d.name}</li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
