import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, ErrorBox, Spinner } from '../../components/ui';
import { feedbackApi, feedbackKeys, voterKey, type QaFilter } from '../../features/feedback/api';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/dates';
import { useTitle } from '../../lib/useTitle';

/** /hoi-dap — published answers: Vietnamese-aware search, by field and agency, most helpful first; the FAQ. */
export function QaPage() {
  const { t, locale } = useI18n();
  useTitle(t('feedback.qa.title'));
  const [draft, setDraft] = useState('');
  const [filter, setFilter] = useState<QaFilter>({});
  const qc = useQueryClient();
  const list = useQuery({ queryKey: feedbackKeys.qa(filter), queryFn: () => feedbackApi.qa(filter) });
  const agencies = useQuery({ queryKey: feedbackKeys.agencies, queryFn: feedbackApi.agencies });
  const fields = [...new Set((list.data?.items ?? []).map((i) => i.field).filter(Boolean))] as string[];
  const vote = (id: string, helpful: boolean) =>
    void feedbackApi
      .vote(id, helpful, voterKey())
      .then(() => qc.invalidateQueries({ queryKey: ['feedback', 'qa'] }));
  return (
    <>
      <h1>{t('feedback.qa.title')}</h1>
      <p>
        <Link to="/phan-anh">{t('feedback.qa.ask')}</Link>
      </p>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ ...filter, q: draft || undefined });
        }}
      >
        <div className="field">
          <label htmlFor="qa-q">{t('feedback.qa.search')}</label>
          <input id="qa-q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="qa-field">{t('feedback.qa.field')}</label>
          <select
            id="qa-field"
            value={filter.field ?? ''}
            onChange={(e) => setFilter({ ...filter, field: e.target.value || undefined })}
          >
            <option value="">{t('feedback.qa.all')}</option>
            {[...new Set([...fields, ...(filter.field ? [filter.field] : [])])].map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="qa-agency">{t('feedback.qa.agency')}</label>
          <select
            id="qa-agency"
            value={filter.agencyId ?? ''}
            onChange={(e) => setFilter({ ...filter, agencyId: e.target.value || undefined })}
          >
            <option value="">{t('feedback.qa.all')}</option>
            {(agencies.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <label>
          <input
            type="checkbox"
            checked={filter.faq === 'true'}
            onChange={(e) => setFilter({ ...filter, faq: e.target.checked ? 'true' : undefined })}
          />{' '}
          {t('feedback.qa.faqOnly')}
        </label>
        <Button type="submit">{t('feedback.qa.search')}</Button>
      </form>
      {list.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : list.isError ? (
        <ErrorBox error={list.error} />
      ) : (
        <>
          <p>{t('feedback.qa.total', { n: list.data.total })}</p>
          {list.data.items.length === 0 ? <p className="muted">{t('feedback.qa.none')}</p> : null}
          {list.data.items.map((i) => (
            <Card key={i.id}>
              <h2>{i.question}</h2>
              {i.faq ? <p className="muted">{t('feedback.qa.faq')}</p> : null}
              <p>{i.answer}</p>
              <p className="muted">
                {t('feedback.qa.answeredBy', {
                  agency: i.agency.name,
                  date: formatDate(i.answeredAt, locale),
                })}
                {i.field ? ` — ${i.field}` : ''}
              </p>
              <Button variant="secondary" onClick={() => vote(i.id, true)}>
                {t('feedback.qa.helpful', { n: i.helpful })}
              </Button>{' '}
              <Button variant="secondary" onClick={() => vote(i.id, false)}>
                {t('feedback.qa.notHelpful', { n: i.notHelpful })}
              </Button>
            </Card>
          ))}
        </>
      )}
    </>
  );
}
