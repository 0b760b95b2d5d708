import { StatusBadge } from '../../../components/ui';
import type { TLookupResponse } from '@motcua/contracts';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';
import { ProgressFacts } from './Progress';

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
        <dt>{t('dossiers.field.receivedAt')}</dt>
        <dd>{formatDateTime(data.receivedAt, locale)}</dd>
        <ProgressFacts
          status={data.status}
          currentStep={data.currentStep}
          holder={[data.holdingAgency, data.holdingDepartment].filter(Boolean).join(' — ')}
          appointmentAt={data.appointmentAt}
          extendedFrom={data.extendedFrom}
          late={data.late}
          result={data.result}
        />
        {data.workingAgencies?.length ? (
          <>
            <dt>{t('interagency.lookup.working')}</dt>
            <dd>{data.workingAgencies.join('; ')}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
