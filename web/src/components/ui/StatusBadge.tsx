import type { TDossierStatus } from '@motcua/contracts';
import { useI18n } from '../../i18n/i18n';

/** A dossier's status in words, coloured by status (the colours live with the badge classes, WCAG AA on white). */
export function StatusBadge({ status }: { status: TDossierStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(`dossiers.status.${status}`)}</span>;
}
