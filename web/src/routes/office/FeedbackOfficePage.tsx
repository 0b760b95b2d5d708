import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, ErrorBox, Spinner } from '../../components/ui';
import { feedbackApi, feedbackKeys } from '../../features/feedback/api';
import { FeedbackCard } from '../../features/feedback/components/FeedbackCard';
import { FeedbackForm } from '../../features/feedback/components/FeedbackForm';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/** /office/phan-anh — feedback held by my agency: overdue and due soon first, classify, forward, answer. */
export function FeedbackOfficePage() {
  const { t } = useI18n();
  useTitle(t('feedback.office.title'));
  const [status, setStatus] = useState('open');
  const [done, setDone] = useState(false);
  const qc = useQueryClient();
  const list = useQuery({ queryKey: feedbackKeys.office(status), queryFn: () => feedbackApi.office(status) });
  const refresh = () => {
    setDone(true);
    void qc.invalidateQueries({ queryKey: ['feedback', 'office'] });
  };
  return (
    <>
      <h1>{t('feedback.office.title')}</h1>
      <div className="field">
        <label htmlFor="fb-status">{t('feedback.office.show')}</label>
        <select id="fb-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="open">{t('feedback.office.open')}</option>
          <option value="answered">{t('feedback.office.answered')}</option>
          <option value="all">{t('feedback.office.all')}</option>
        </select>
      </div>
      {done ? <Alert kind="success">{t('feedback.office.done')}</Alert> : null}
      <Card>
        <details>
          <summary>{t('feedback.office.enter')}</summary>
          <FeedbackForm staff onFiled={refresh} />
        </details>
      </Card>
      {list.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : list.isError ? (
        <ErrorBox error={list.error} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{t('feedback.office.none')}</p>
      ) : (
        list.data.items.map((i) => <FeedbackCard key={i.id} item={i} onDone={refresh} />)
      )}
    </>
  );
}
