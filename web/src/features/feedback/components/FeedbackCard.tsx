import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TFeedbackClassification, TFeedbackItem } from '@motcua/contracts';
import { Alert, Button, Card, ErrorBox } from '../../../components/ui';
import { feedbackApi, feedbackKeys } from '../api';
import { useMe } from '../../session/hooks';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/dates';

const CLASSES: TFeedbackClassification[] = [
  'within_competence',
  'staff_conduct',
  'outside_competence',
  'not_accepted',
];

function ClassifyForm({ item, onDone }: { item: TFeedbackItem; onDone(): void }) {
  const { t } = useI18n();
  const id = useId();
  const agencies = useQuery({ queryKey: feedbackKeys.agencies, queryFn: feedbackApi.agencies });
  const [v, setV] = useState({
    classification: 'within_competence' as TFeedbackClassification,
    reason: '',
    to: '',
  });
  const [error, setError] = useState<unknown>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    feedbackApi
      .classify(item.id, {
        classification: v.classification,
        ...(v.reason.trim() ? { reason: v.reason } : {}),
        ...(v.to ? { forwardToAgencyId: v.to } : {}),
      })
      .then(onDone)
      .catch(setError);
  };
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>{t('feedback.office.classify')}</h3>
      <div className="field">
        <label htmlFor={`${id}-c`}>{t('feedback.office.classification')}</label>
        <select
          id={`${id}-c`}
          value={v.classification}
          onChange={(e) => setV({ ...v, classification: e.target.value as TFeedbackClassification })}
        >
          {CLASSES.map((c) => (
            <option key={c} value={c}>
              {t(`feedback.class.${c}`)}
            </option>
          ))}
        </select>
      </div>
      {v.classification === 'outside_competence' ? (
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('feedback.office.forwardTo')}</label>
          <select id={`${id}-to`} value={v.to} onChange={(e) => setV({ ...v, to: e.target.value })}>
            <option value="">{t('feedback.office.choose')}</option>
            {(agencies.data ?? [])
              .filter((a) => a.id !== item.agency.id)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-r`}>{t('feedback.office.reason')}</label>
        <input id={`${id}-r`} value={v.reason} onChange={(e) => setV({ ...v, reason: e.target.value })} />
      </div>
      <ErrorBox error={error} />
      <Button type="submit" variant="secondary">
        {t('feedback.office.save')}
      </Button>
    </form>
  );
}

function AnswerForm({ item, onDone }: { item: TFeedbackItem; onDone(): void }) {
  const { t } = useI18n();
  const id = useId();
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    feedbackApi.answer(item.id, { answer }).then(onDone).catch(setError);
  };
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>{t('feedback.office.answer')}</h3>
      <div className="field">
        <label htmlFor={`${id}-a`}>{t('feedback.office.answerText')}</label>
        <textarea
          id={`${id}-a`}
          required
          rows={4}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
        />
      </div>
      <ErrorBox error={error} />
      <Button type="submit">{t('feedback.office.send')}</Button>
    </form>
  );
}

/** One item: the facts, its due state, and what may be done now. */
export function FeedbackCard({
  item,
  onDone,
  act = true,
}: {
  item: TFeedbackItem;
  onDone(): void;
  act?: boolean;
}) {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const open = ['received', 'classified', 'forwarded'].includes(item.status);
  const editor = me?.roles.some((r) => r === 'catalogue_editor' || r === 'leader');
  return (
    <Card>
      <h2>
        {t('feedback.office.item', { reference: item.reference, kind: t(`feedback.kind.${item.kind}`) })}
      </h2>
      <dl className="facts">
        <dt>{t('feedback.office.status')}</dt>
        <dd>
          {t(`feedback.status.${item.status}`)}
          {item.classification ? ` — ${t(`feedback.class.${item.classification}`)}` : ''}
        </dd>
        <dt>{t('feedback.office.content')}</dt>
        <dd>{item.content}</dd>
        <dt>{t('feedback.office.sender')}</dt>
        <dd>
          {[item.contact.name, item.contact.email, item.contact.phone].filter(Boolean).join(', ') ||
            t('feedback.office.anonymous')}
        </dd>
        <dt>{t('feedback.office.channel')}</dt>
        <dd>{t(`feedback.channel.${item.channel}`)}</dd>
        {item.officialName ? (
          <>
            <dt>{t('feedback.office.official')}</dt>
            <dd>{item.officialName}</dd>
          </>
        ) : null}
        {item.scan ? (
          <>
            <dt>{t('feedback.office.scan')}</dt>
            <dd>
              <a href={`/api/office/feedback/${item.id}/scan`} target="_blank" rel="noreferrer">
                {t('feedback.office.scanLink', { name: item.scan.name })}
              </a>
            </dd>
          </>
        ) : null}
        {item.dossierCode ? (
          <>
            <dt>{t('feedback.office.dossier')}</dt>
            <dd>{item.dossierCode}</dd>
          </>
        ) : null}
        <dt>{t('feedback.office.due')}</dt>
        <dd>
          {formatDateTime(item.answerDueAt, locale)}
          {item.overdue ? <strong> — {t('feedback.office.overdue')}</strong> : null}
          {item.dueSoon ? <strong> — {t('feedback.office.dueSoon')}</strong> : null}
        </dd>
      </dl>
      {item.escalatedAt ? (
        <Alert kind="warning">
          {t('feedback.office.escalated', { at: formatDateTime(item.escalatedAt, locale) })}
        </Alert>
      ) : null}
      {item.forwardedFrom ? (
        <p>
          {t('feedback.office.forwardedFrom', { agency: item.forwardedFrom.name })}{' '}
          <a href={`/api/office/feedback/${item.id}/forwarding-slip.pdf`} target="_blank" rel="noreferrer">
            {t('feedback.office.slip')}
          </a>
        </p>
      ) : null}
      {item.consentToPublish ? <p className="muted">{t('feedback.office.consent')}</p> : null}
      {item.answer ? (
        <p>
          {t('feedback.office.answerShown', {
            at: formatDateTime(item.answeredAt, locale),
            answer: item.answer,
          })}
        </p>
      ) : null}
      {act && open && item.status !== 'classified' ? <ClassifyForm item={item} onDone={onDone} /> : null}
      {act && open ? <AnswerForm item={item} onDone={onDone} /> : null}
      {act && item.published && editor ? (
        <Button variant="secondary" onClick={() => void feedbackApi.faq(item.id, !item.faq).then(onDone)}>
          {t(item.faq ? 'feedback.office.faqOff' : 'feedback.office.faqOn')}
        </Button>
      ) : null}
    </Card>
  );
}
