import type { TDossierResultStatus, TDossierStatus } from '@motcua/contracts';
import { useI18n } from '../../../i18n/i18n';
import { timeliness } from '../progress-model';
import { formatDateTime } from '../../../lib/dates';

/**
 * Where a dossier stands (issue 12), the same on the public lookup, the kiosk and "Hồ sơ của tôi": the step (its
 * name), the unit holding it — never a person —, the appointment (and the one it replaced when extended with an
 * apology), late or not by the rules, and the result. Rows of a `<dl className="facts">`.
 */
export function ProgressFacts(p: {
  status: TDossierStatus;
  currentStep: { vi: string; en: string } | null;
  holder: string | null;
  appointmentAt: string | null;
  extendedFrom: string | null;
  late: boolean;
  result: TDossierResultStatus | null;
}) {
  const { t, locale } = useI18n();
  return (
    <>
      <dt>{t('dossiers.progress.step')}</dt>
      <dd>{p.currentStep ? p.currentStep[locale] : '—'}</dd>
      <dt>{t('dossiers.field.holdingAgency')}</dt>
      <dd>{p.holder || '—'}</dd>
      <dt>{t('dossiers.field.appointmentAt')}</dt>
      <dd>
        {formatDateTime(p.appointmentAt, locale)}
        {p.extendedFrom ? (
          <>
            {' '}
            <small className="extended">
              {t('dossiers.progress.extendedFrom', { date: formatDateTime(p.extendedFrom, locale) })}
            </small>
          </>
        ) : null}
      </dd>
      <dt>{t('dossiers.field.timeliness')}</dt>
      <dd>{t(timeliness(p.status, p.late))}</dd>
      <dt>{t('dossiers.progress.result')}</dt>
      <dd>{p.result ? resultText(p.result, t, locale) : t('dossiers.progress.noResult')}</dd>
    </>
  );
}

function resultText(
  r: TDossierResultStatus,
  t: ReturnType<typeof useI18n>['t'],
  locale: ReturnType<typeof useI18n>['locale'],
): string {
  const kind = t(r.kind === 'granted' ? 'dossiers.progress.granted' : 'dossiers.progress.refused');
  const where = r.collected
    ? t('dossiers.progress.collected', { date: formatDateTime(r.collectedAt, locale) })
    : t('dossiers.progress.ready', { date: formatDateTime(r.readyAt, locale) });
  return `${kind} — ${where}`;
}
