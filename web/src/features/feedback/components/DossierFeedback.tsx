import { useQuery, useQueryClient } from '@tanstack/react-query';
import { FeedbackCard } from './FeedbackCard';
import { useI18n } from '../../../i18n/i18n';
import { feedbackApi, feedbackKeys } from '../api';

/** On a dossier's staff page: the feedback about it (its own clock; the dossier's runs on). Nothing when none. */
export function DossierFeedback({ dossierId }: { dossierId: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: feedbackKeys.dossier(dossierId),
    queryFn: () => feedbackApi.ofDossier(dossierId),
  });
  if (!list.data?.items.length) return null;
  return (
    <section aria-labelledby="dossier-feedback">
      <h2 id="dossier-feedback">{t('feedback.dossier.title')}</h2>
      <p className="muted">{t('feedback.dossier.note')}</p>
      {list.data.items.map((i) => (
        <FeedbackCard
          key={i.id}
          item={i}
          act={false}
          onDone={() => void qc.invalidateQueries({ queryKey: feedbackKeys.dossier(dossierId) })}
        />
      ))}
    </section>
  );
}
