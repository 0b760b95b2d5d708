import type { TLookupResponse } from '@motcua/contracts';
import { useI18n, type MessageKey } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';
import { StatusBadge } from './StatusBadge';

/**
 * The public view of a dossier: the same state the office sees, nothing personal beyond the masked name, and that
 * only with the receipt's lookup PIN.
 */
export function LookupResult({ data, headingLevel = 2 }: { data: TLookupResponse; headingLevel?: 2 | 3 }) {
  const { t, locale } = useI18n();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="card lookup-result" aria-live="polite">
      <H>{t('dossiers.lookup.resultTitle', { code: data.code })}</H>
      <dl className="facts">
        <dt>{t('dossiers.field.status')}</dt>
        <dd>
          <StatusBadge status={data.status} />
        </dd>
        <dt>{t('dossiers.field.procedure')}</dt>
        <dd>{data.procedureName}</dd>
        <dt>{t('dossiers.field.applicant')}</dt>
        <dd>{data.applicantName ?? t('dossiers.lookup.nameHidden')}</dd>
        <dt>{t('dossiers.field.receivingAgency')}</dt>
        <dd>{data.receivingAgency}</dd>
        <dt>{t('dossiers.field.holdingAgency')}</dt>
        <dd>{[data.holdingAgency, data.holdingDepartment].filter(Boolean).join(' — ') || '—'}</dd>
        <dt>{t('dossiers.field.receivedAt')}</dt>
        <dd>{formatDateTime(data.receivedAt, locale)}</dd>
        <dt>{t('dossiers.field.appointmentAt')}</dt>
        <dd>{formatDateTime(data.appointmentAt, locale)}</dd>
        <dt>{t('dossiers.field.timeliness')}</dt>
        <dd>{t(timeliness(data.status, data.late))}</dd>
      </dl>
    </section>
  );
}

const IN_PROGRESS: readonly string[] = ['submitted', 'supplement_requested', 'received', 'in_processing'];

/** "Trong hạn / Quá hạn" while the dossier is being handled, "Đúng hạn / Trễ hạn" once it is finished. */
function timeliness(status: string, late: boolean): MessageKey {
  if (IN_PROGRESS.includes(status))
    return late ? 'dossiers.lookup.overdue' : 'dossiers.lookup.withinDeadline';
  return late ? 'dossiers.lookup.lateDone' : 'dossiers.lookup.onTime';
}
