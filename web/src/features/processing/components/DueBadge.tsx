import { useI18n } from '../../../i18n/i18n';
import type { DueMark } from '../model';

export function DueBadge({ mark }: { mark: DueMark }) {
  const { t } = useI18n();
  if (!mark) return null;
  return (
    <strong className={`badge ${mark === 'overdue' ? 'badge-overdue' : 'badge-due-soon'}`}>
      {t(`processing.mark.${mark}`)}
    </strong>
  );
}
