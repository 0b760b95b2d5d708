import { useQuery } from '@tanstack/react-query';
import { Card, ErrorBox, Spinner } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';
import { feedbackApi, feedbackKeys } from '../api';

/** A logged-in citizen's feedback with its status and the written answer: the portal copy of every answer. */
export function MyFeedback() {
  const { t, locale } = useI18n();
  const mine = useQuery({ queryKey: feedbackKeys.mine, queryFn: feedbackApi.mine });
  return (
    <section aria-labelledby="my-feedback">
      <h2 id="my-feedback">{t('feedback.mine.title')}</h2>
      {mine.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : mine.isError ? (
        <ErrorBox error={mine.error} />
      ) : mine.data.items.length === 0 ? (
        <p className="muted">{t('feedback.mine.none')}</p>
      ) : (
        mine.data.items.map((i) => (
          <Card key={i.id}>
            <h3>
              {t('feedback.office.item', { reference: i.reference, kind: t(`feedback.kind.${i.kind}`) })}
            </h3>
            <p>
              {t(`feedback.status.${i.status}`)} —{' '}
              {t('feedback.mine.due', { due: formatDateTime(i.answerDueAt, locale) })}
            </p>
            <p>{i.content}</p>
            {i.answer ? (
              <>
                <p>
                  <strong>{t('feedback.mine.answer', { at: formatDateTime(i.answeredAt, locale) })}</strong>
                </p>
                <p>{i.answer}</p>
              </>
            ) : null}
          </Card>
        ))
      )}
    </section>
  );
}
