import '../../features/processing/processing.css';
import { useId, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TConsultation } from '@motcua/contracts';
import { Alert, Button, Card, ErrorBox, ReasonField, Spinner } from '../../components/ui';
import { unitOf } from '../../features/processing/components/Consultations';
import { consultationApi, consultationKeys } from '../../features/processing/consultation-api';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/dates';
import { DOSSIER_CONFLICT } from '../../features/dossiers/format';

/** The consulted unit's answer: an opinion, or a reasoned decline. */
function AnswerForm({ c, onDone }: { c: TConsultation; onDone(): void }) {
  const { t } = useI18n();
  const id = useId();
  const [v, setV] = useState({ answer: 'opinion' as 'opinion' | 'declined', opinion: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    consultationApi
      .answer(c.id, { expectedVersion: c.dossierVersion, answer: v.answer, opinion: v.opinion })
      .then(onDone)
      .catch(setError)
      .finally(() => setBusy(false));
  };
  return (
    <form aria-labelledby={`${id}-t`} onSubmit={submit}>
      <h3 id={`${id}-t`}>{t('processing.consult.answer.title')}</h3>
      <fieldset>
        <legend>{t('processing.consult.answer.kind')}</legend>
        {(['opinion', 'declined'] as const).map((k) => (
          <label key={k}>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={v.answer === k}
              onChange={() => setV({ ...v, answer: k })}
            />{' '}
            {t(
              k === 'opinion' ? 'processing.consult.answer.asOpinion' : 'processing.consult.answer.declined',
            )}
          </label>
        ))}
      </fieldset>
      <ReasonField
        id={`${id}-opinion`}
        label={t('processing.consult.answer.opinion')}
        value={v.opinion}
        onChange={(opinion) => setV({ ...v, opinion })}
      />
      <ErrorBox error={error} conflict={DOSSIER_CONFLICT} onReload={onDone} />
      <Button type="submit" disabled={busy} aria-busy={busy}>
        {t('processing.consult.answer.submit')}
      </Button>
    </form>
  );
}

/**
 * /office/lay-y-kien — "Xin ý kiến cần trả lời": the requests addressed to my department (or agency), open ones first
 * by due time, each with what was asked and its attachments only — never the dossier itself.
 */
export function ConsultationsPage() {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const [done, setDone] = useState(false);
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: consultationKeys.mine(status),
    queryFn: () => consultationApi.mine(status),
  });
  const refresh = () => {
    setDone(true);
    void qc.invalidateQueries({ queryKey: ['processing', 'consultations'] });
  };
  return (
    <>
      <h1>{t('processing.consult.page.title')}</h1>
      <div className="field">
        <label htmlFor="consult-status">{t('processing.consult.page.show')}</label>
        <select
          id="consult-status"
          value={status}
          onChange={(e) => setStatus(e.target.value as 'open' | 'all')}
        >
          <option value="open">{t('processing.consult.page.open')}</option>
          <option value="all">{t('processing.consult.page.all')}</option>
        </select>
      </div>
      {done ? <Alert kind="success">{t('processing.consult.answer.done')}</Alert> : null}
      {list.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : list.isError ? (
        <ErrorBox error={list.error} />
      ) : (
        <>
          <p>
            {t('processing.consult.page.counts', {
              open: list.data.counts.open,
              overdue: list.data.counts.overdue,
            })}
          </p>
          {list.data.items.length === 0 ? <p className="muted">{t('processing.consult.none')}</p> : null}
          {list.data.items.map((c) => (
            <Card key={c.id}>
              <h2>
                {t('processing.consult.page.item', { code: c.dossierCode ?? '', procedure: c.procedureName })}
              </h2>
              <dl className="facts">
                <dt>{t('processing.consult.field.from')}</dt>
                <dd>
                  {unitOf(c.from)} — {c.from.requestedBy}
                </dd>
                <dt>{t('processing.consult.field.to')}</dt>
                <dd>{unitOf(c.to)}</dd>
                <dt>{t('processing.consult.field.content')}</dt>
                <dd>{c.content}</dd>
                <dt>{t('processing.consult.field.dueAt')}</dt>
                <dd>
                  {formatDateTime(c.dueAt, locale)}
                  {c.overdue ? ` — ${t('processing.consult.overdue')}` : ''}
                </dd>
                <dt>{t('processing.consult.field.status')}</dt>
                <dd>{t(`processing.consult.status.${c.status}`)}</dd>
              </dl>
              {c.fileIds.map((f, i) => (
                <a key={f} href={`/api/consultations/${c.id}/files/${f}`} target="_blank" rel="noreferrer">
                  {t('processing.consult.file', { n: i + 1 })}
                </a>
              ))}
              {c.answer ? (
                <p>
                  {c.answer.opinion} ({t(`processing.consult.grade.${c.answer.grade}`)})
                </p>
              ) : null}
              {c.status === 'open' ? <AnswerForm c={c} onDone={refresh} /> : null}
            </Card>
          ))}
        </>
      )}
    </>
  );
}
