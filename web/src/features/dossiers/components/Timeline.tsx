import type { TDossierEvent } from '@motcua/contracts';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../format';

/** The dossier's history, oldest first, as the applicant and the office both see it. */
export function Timeline({ events }: { events: TDossierEvent[] }) {
  const { t, locale } = useI18n();
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.seq}>
          <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time> —{' '}
          <strong>{t(`dossiers.event.${e.type}`)}</strong>
          {e.actor.name ? ` (${e.actor.name})` : ''}
          {e.reason ? <p>{e.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
