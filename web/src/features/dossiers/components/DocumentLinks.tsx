import type { TDossierDocument } from '@motcua/contracts';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';

export function DocumentLinks({ documents }: { documents: TDossierDocument[] }) {
  const { t, locale } = useI18n();
  if (documents.length === 0) return <p>{t('dossiers.none')}</p>;
  return (
    <ul className="documents">
      {documents.map((d) => (
        <li key={d.id}>
          <a href={d.url} target="_blank" rel="noreferrer" download>
            {t(`dossiers.doc.${d.kind}`)}
          </a>{' '}
          <small>({formatDateTime(d.createdAt, locale)})</small>
        </li>
      ))}
    </ul>
  );
}
