import type { TDossierEvent } from '@motcua/contracts';
import { useI18n } from '../../../i18n/i18n';
import { formatCount, formatDateTime } from '../../../lib/dates';

type FormChange = { field: string; from: unknown; to: unknown };

function formChangesOf(e: TDossierEvent): FormChange[] {
  const c = e.data.formChanges;
  return Array.isArray(c) ? (c as FormChange[]) : [];
}

/**
 * The dossier's history, oldest first, as the applicant and the office both see it. E-form amendments show each
 * changed field with its earlier and new value, so every version of the data stays readable.
 */
export function Timeline({
  events,
  fieldLabels = {},
}: {
  events: TDossierEvent[];
  fieldLabels?: Record<string, string>;
}) {
  const { t, locale } = useI18n();
  const show = (v: unknown) =>
    v === null || v === undefined || v === ''
      ? t('dossiers.event.emptyValue')
      : typeof v === 'boolean'
        ? t(v ? 'dossiers.event.yes' : 'dossiers.event.no')
        : typeof v === 'number'
          ? formatCount(v, locale)
          : String(v);
  return (
    <ol className="timeline">
      {events.map((e) => {
        const changes = formChangesOf(e);
        return (
          <li key={e.seq}>
            <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time> —{' '}
            <strong>{t(`dossiers.event.${e.type}`)}</strong>
            {e.actor.name ? ` (${e.actor.name})` : ''}
            {e.reason ? <p>{e.reason}</p> : null}
            {changes.length ? (
              <details>
                <summary>{t('dossiers.event.formChanged')}</summary>
                <ul>
                  {changes.map((c) => (
                    <li key={c.field}>
                      {fieldLabels[c.field] ?? c.field}: <del>{show(c.from)}</del> → <ins>{show(c.to)}</ins>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
