import { useSearchParams } from 'react-router-dom';
import { FeedbackForm } from '../../features/feedback/components/FeedbackForm';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/** /phan-anh — send a question or complaint, with or without an account (?ma=<dossier code> fills the code). */
export function FeedbackPage() {
  const { t } = useI18n();
  useTitle(t('feedback.file.title'));
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t('feedback.file.title')}</h1>
      <p>{t('feedback.file.lead')}</p>
      <FeedbackForm dossierCode={params.get('ma') ?? ''} />
    </>
  );
}
