import type { TDossierDetail } from '@motcua/contracts';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';
import { now } from '../../../lib/clock';
import { currentHandler, dueMark } from '../model';
import { DueBadge } from './DueBadge';

/** The pinned workflow: every step with its holder and budget; the current one with its due time and handler. */
export function StepPlan({ dossier }: { dossier: TDossierDetail }) {
  const { t, locale } = useI18n();
  const p = dossier.processing;
  if (!p) return <p>{t('processing.plan.none')}</p>;
  const current = p.currentStep;
  const at = current ? p.steps.findIndex((s) => s.key === current.key) : p.steps.length;
  const handler = currentHandler(dossier);
  return (
    <>
      <ol className="proc-steps">
        {p.steps.map((s, i) => {
          const state = i < at ? 'done' : i === at ? 'current' : 'upcoming';
          return (
            <li
              key={s.key}
              className={`proc-step proc-step-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <strong>{s.name[locale]}</strong> <small>({t(`processing.plan.${state}`)})</small>
              <br />
              {t('processing.plan.holderBy', {
                unit: t(`processing.plan.holder.${s.holder}`),
                role: t(`accounts.role.${s.role}`),
              })}
              {s.budget.value > 0
                ? ` · ${t(`processing.plan.budget.${s.budget.unit}`, { n: s.budget.value })}`
                : ''}
              {state === 'current' && current ? (
                <>
                  <br />
                  {t('processing.plan.dueAt', { at: formatDateTime(current.dueAt, locale) })}{' '}
                  <DueBadge mark={dueMark(current.dueAt, now())} />
                  <br />
                  {t('processing.field.handler')}: {handler?.name ?? t('processing.field.noHandler')}
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
      {!current ? <p>{t('processing.plan.finished')}</p> : null}
    </>
  );
}
