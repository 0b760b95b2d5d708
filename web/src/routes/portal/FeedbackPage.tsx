import { useSearchParams } from 'react-router-dom';
import { FeedbackForm } from '../../features/feedback/components/FeedbackForm';
import { MyFeedback } from '../../features/feedback/components/MyFeedback';
import { useMe } from '../../features/session/hooks';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/**
 * /phan-anh — send a question or complaint, with or without an account (?ma=<dossier code>, ?thu-tuc=<procedure
 * code> fill the codes); a
 * logged-in citizen also sees what they sent and the answers.
 */
export function FeedbackPage() {
  const { t } = useI18n();
  useTitle(t('feedback.file.title'));
  const [params] = useSearchParams();
  const me = useMe().data;
  return (
    <>
      <h1>{t('feedback.file.title')}</h1>
      <p>{t('feedback.file.lead')}</p>
      <FeedbackForm dossierCode={params.get('ma') ?? ''} procedureCode={params.get('thu-tuc') ?? ''} />
      {me?.kind === 'citizen' ? <MyFeedback /> : null}
    </>
  );
}
