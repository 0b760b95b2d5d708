import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import type { TOverallSatisfaction } from '@motcua/contracts';
import { Alert, Button, ErrorBox, Spinner } from '../../components/ui';
import { feedbackApi, feedbackKeys } from '../../features/feedback/api';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

// The asked indicators (contracts ASKED_INDICATORS), listed here so the public page does not load zod (ADR 0021).
const ASKED_INDICATORS = [
  'agencies_contacted',
  'publication',
  'staff_attitude',
  'feedback_handling',
] as const;
type Asked = (typeof ASKED_INDICATORS)[number];
type Score = 0 | 1 | 2;

/**
 * /danh-gia?token=… — the satisfaction rating of a returned dossier (TT 01/2018), without logging in, once per dossier:
 * from the link in the result e-mail, or on the desk's tablet (&tai-quay=1).
 */
export function RatingPage() {
  const { t } = useI18n();
  useTitle(t('feedback.rate.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const desk = params.get('tai-quay') === '1';
  const form = useQuery({
    queryKey: feedbackKeys.rating(token),
    queryFn: () => feedbackApi.ratingForm(token),
    enabled: token.length >= 10,
  });
  const [scores, setScores] = useState<Record<Asked, Score>>({
    agencies_contacted: 2,
    publication: 2,
    staff_attitude: 2,
    feedback_handling: 2,
  });
  const [overall, setOverall] = useState<TOverallSatisfaction>('satisfied');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<{ period: string; score: number; maxScore: number } | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    feedbackApi
      .rate({
        token,
        indicators: scores,
        overall,
        ...(comment.trim() ? { comment } : {}),
        channel: desk ? 'desk' : 'link',
      })
      .then(setSaved)
      .catch(setError)
      .finally(() => setBusy(false));
  };
  const body = () => {
    if (token.length < 10) return <Alert kind="error">{t('feedback.rate.noToken')}</Alert>;
    if (form.isPending) return <Spinner label={t('app.loading')} />;
    if (form.isError) return <ErrorBox error={form.error} />;
    const f = form.data;
    if (saved)
      return (
        <Alert kind="success">
          {t('feedback.rate.done', { period: saved.period, score: saved.score, max: saved.maxScore })}
        </Alert>
      );
    return (
      <>
        <p>
          {t('feedback.rate.lead', { code: f.dossierCode, procedure: f.procedureName, agency: f.agencyName })}
        </p>
        {f.rated ? (
          <Alert kind="info">{t('feedback.rate.already')}</Alert>
        ) : (
          <form onSubmit={submit}>
            <h2>{t('feedback.rate.known')}</h2>
            <dl className="facts">
              {f.known.map((k) => (
                <div key={k.key}>
                  <dt>{t(`feedback.ind.${k.key}`)}</dt>
                  <dd>{t(`feedback.rate.score.${k.score}`)}</dd>
                </div>
              ))}
            </dl>
            <h2>{t('feedback.rate.asked')}</h2>
            {ASKED_INDICATORS.map((key) => (
              <fieldset key={key}>
                <legend>{t(`feedback.ind.${key}`)}</legend>
                {([2, 1, 0] as const).map((s) => (
                  <label key={s}>
                    <input
                      type="radio"
                      name={key}
                      checked={scores[key] === s}
                      onChange={() => setScores({ ...scores, [key]: s })}
                    />{' '}
                    {t(`feedback.rate.score.${s}`)}
                  </label>
                ))}
              </fieldset>
            ))}
            <fieldset>
              <legend>{t('feedback.rate.overall')}</legend>
              {(['very_satisfied', 'satisfied', 'not_satisfied'] as const).map((o) => (
                <label key={o}>
                  <input type="radio" name="overall" checked={overall === o} onChange={() => setOverall(o)} />{' '}
                  {t(`feedback.overall.${o}`)}
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor="rate-comment">{t('feedback.rate.comment')}</label>
              <textarea
                id="rate-comment"
                rows={3}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            </div>
            <ErrorBox error={error} />
            <Button type="submit" disabled={busy} aria-busy={busy}>
              {t('feedback.rate.submit')}
            </Button>
          </form>
        )}
      </>
    );
  };
  return (
    <>
      <h1>{t('feedback.rate.title')}</h1>
      {body()}
    </>
  );
}
