import { useI18n } from '../../../../i18n/i18n';
import { useAgencies } from '../hooks';

/** The current agencies' short names, for typing them into the agency fields. */
export function AgencyList() {
  const { t } = useI18n();
  const agencies = useAgencies();
  if (!agencies.data?.length) return null;
  return (
    <details className="ce-agencies">
      <summary>{t('catalogueAdmin.agencyList', { n: agencies.data.length })}</summary>
      <ul>
        {agencies.data.map((a) => (
          <li key={a.id}>
            <code>{a.shortName}</code> — {a.name}
          </li>
        ))}
      </ul>
    </details>
  );
}
