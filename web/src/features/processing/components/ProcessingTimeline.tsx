import type { TDossierEvent } from '@motcua/contracts';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';

type Data = {
  handler?: { name?: string };
  proposal?: 'approve' | 'refuse' | 'supplement';
  opinion?: string;
  verification?: { at: string; place: string; participants: string[]; content: string } | null;
  newDue?: string;
  late?: boolean;
  kind?: 'granted' | 'refused';
  summary?: string;
  early?: boolean;
  collectedBy?: string;
  toStep?: string;
};

/** The timeline (labels from contracts) with what each office action recorded: handler, opinion, record, dates. */
export function ProcessingTimeline({
  events,
  stepNames = {},
}: {
  events: TDossierEvent[];
  /** Step key → its name, for "back to …". */
  stepNames?: Record<string, string>;
}) {
  const { t, locale } = useI18n();
  return (
    <ol className="timeline">
      {events.map((e) => {
        const d = e.data as Data;
        const details: string[] = [];
        if (e.type === 'assigned' && d.handler?.name)
          details.push(t('processing.event.handler', { name: d.handler.name }));
        if (e.type === 'appraised') {
          if (d.proposal)
            details.push(
              t('processing.event.proposal', { proposal: t(`processing.appraise.proposal.${d.proposal}`) }),
            );
          if (d.opinion) details.push(d.opinion);
          if (d.verification)
            details.push(
              t('processing.event.verification', {
                at: formatDateTime(d.verification.at, locale),
                place: d.verification.place,
              }),
            );
        }
        if (e.type === 'extended' && d.newDue) {
          details.push(t('processing.event.newDue', { at: formatDateTime(d.newDue, locale) }));
          if (d.late) details.push(t('processing.event.late'));
        }
        if (e.type === 'result_issued' && d.kind) {
          details.push(t('processing.event.result', { kind: t(`processing.result.kind.${d.kind}`) }));
          if (d.summary) details.push(d.summary);
          if (d.early) details.push(t('processing.event.early'));
        }
        if (e.type === 'stepped_back' && d.toStep)
          details.push(t('processing.event.stepBackTo', { step: stepNames[d.toStep] ?? d.toStep }));
        if (e.type === 'result_returned' && d.collectedBy)
          details.push(t('processing.event.collectedBy', { name: d.collectedBy }));
        return (
          <li key={e.seq}>
            <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time> —{' '}
            <strong>{t(`dossiers.event.${e.type}`)}</strong>
            {e.actor.name ? ` (${e.actor.name})` : ''}
            {e.reason ? <p>{e.reason}</p> : null}
            {details.length ? (
              <ul>
                {details.map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
