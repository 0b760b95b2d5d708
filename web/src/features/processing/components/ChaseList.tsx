import { Link } from 'react-router-dom';
import { Card, ErrorBox, Spinner } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';
import { useChase } from '../hooks';
import { DueBadge } from './DueBadge';

/**
 * The desk's chase list (002 Đ5.1.e, GET /api/processing/chase): dossiers received here whose appointment is within
 * one working day or past, with the step and who holds it, by appointment — so the desk can chase the office.
 */
export function ChaseList() {
  const { t, locale } = useI18n();
  const q = useChase(true);
  return (
    <Card>
      <h2>{t('processing.chase.title')}</h2>
      <p>{t('processing.chase.lead')}</p>
      {q.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : q.isError ? (
        <ErrorBox error={q.error} />
      ) : q.data.items.length === 0 ? (
        <p>{t('processing.chase.empty')}</p>
      ) : (
        <ul className="proc-inbox">
          {q.data.items.map((i) => (
            <li key={i.id} className={i.overdue ? 'proc-row-overdue' : 'proc-row-due-soon'}>
              <Link to={`/office/xu-ly/${i.id}`}>{i.code ?? i.id}</Link> — {i.procedure.name} —{' '}
              {i.applicantName} <DueBadge mark={i.overdue ? 'overdue' : 'dueSoon'} />
              <br />
              <small>
                {t('dossiers.field.appointmentAt')}: {formatDateTime(i.appointmentAt, locale)}
                {i.step ? ` · ${i.step.name[locale]}` : ''}
                {' · '}
                {t('processing.chase.holder', {
                  unit: i.holdingDepartment?.name ?? i.holdingAgency?.name ?? '—',
                  handler: i.handler?.name ?? t('processing.field.noHandler'),
                })}
              </small>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
