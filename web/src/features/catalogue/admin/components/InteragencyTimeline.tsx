import type { TSimulateResponse } from '@motcua/contracts';
import { useI18n } from '../../../../i18n/i18n';
import { formatDateTime } from '../../../../lib/dates';
import { interagencyTimeline } from '../timeline-model';

/**
 * The inter-agency plan as a small timeline per agency (issue 14): each partner's budget placed on the span from the
 * receipt to the consolidated appointment (the statutory total), from the live simulator in each partner's calendar.
 */
export function InteragencyTimeline({
  receivedAt,
  plan,
}: {
  receivedAt: string;
  plan: NonNullable<TSimulateResponse['interagency']>;
}) {
  const { t, locale } = useI18n();
  const { bars, budget } = interagencyTimeline(receivedAt, plan);
  return (
    <figure className="ce-timeline">
      <figcaption>
        {t(
          plan.mode === 'sequential'
            ? 'catalogueAdmin.timeline.sequential'
            : 'catalogueAdmin.timeline.parallel',
          {
            lead: plan.lead,
            days: budget,
            due: plan.consolidatedDueAt ? formatDateTime(plan.consolidatedDueAt) : '—',
          },
        )}
      </figcaption>
      <ul>
        {plan.agencies.map((a, i) => {
          const bar = bars[i]!;
          return (
            <li key={a.agencyId}>
              <span className="ce-timeline-label">
                {a.agency} — {a.task[locale]}:{' '}
                {t('catalogueAdmin.timeline.part', {
                  n: a.workingDays,
                  from: formatDateTime(a.startAt),
                  to: formatDateTime(a.dueAt),
                })}
                {bar.over ? ` — ${t('catalogueAdmin.timeline.over')}` : ''}
              </span>
              <span className="ce-timeline-track" aria-hidden="true">
                <span
                  className={bar.over ? 'ce-timeline-bar ce-timeline-over' : 'ce-timeline-bar'}
                  style={{ marginLeft: `${bar.offset}%`, width: `${bar.width}%` }}
                />
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
