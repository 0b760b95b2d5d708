import type { TDossierStatus } from '@motcua/contracts';
import { useI18n } from '../../../i18n/i18n';

export function StatusBadge({ status }: { status: TDossierStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(`dossiers.status.${status}`)}</span>;
}
