import '../../features/dossiers/dossiers.css';
import { Link } from 'react-router-dom';
import { Alert, Card, Spinner, StatusBadge } from '../../components/ui';
import { RequireCitizen } from '../../features/dossiers/components/RequireCitizen';
import { MorePages, loadedItems } from '../../features/dossiers/components/MorePages';
import { formatDateTime } from '../../lib/dates';
import { useDrafts, useMessages, useMyDossiers, useMyResults } from '../../features/dossiers/hooks';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/** /ho-so-cua-toi — "Hồ sơ của tôi": submitted dossiers with their status, drafts in progress, the portal inbox. */
export function MyDossiersPage() {
  return (
    <RequireCitizen>
      <MyDossiers />
    </RequireCitizen>
  );
}

function MyDossiers() {
  const { t, locale } = useI18n();
  useTitle(t('dossiers.mine.title'));
  const list = useMyDossiers();
  const items = loadedItems(list);
  const drafts = useDrafts();
  const messages = useMessages();
  const results = useMyResults();
  return (
    <>
      <h1>{t('dossiers.mine.title')}</h1>
      {list.isPending ? <Spinner label={t('app.loading')} /> : null}
      {list.isError ? <Alert kind="error">{list.error.message}</Alert> : null}
      {list.data && items.length === 0 ? <p>{t('dossiers.mine.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="dossier-cards">
          {items.map((d) => (
            <li key={d.id} className="card">
              <h2>
                <Link to={`/ho-so-cua-toi/${d.id}`}>{d.procedure.name}</Link>
              </h2>
              <dl className="facts">
                <dt>{t('dossiers.field.status')}</dt>
                <dd>
                  <StatusBadge status={d.status} />
                </dd>
                <dt>{d.code ? t('dossiers.field.code') : t('dossiers.field.submissionRef')}</dt>
                <dd>{d.code ?? d.submissionRef}</dd>
                <dt>{t('dossiers.field.submittedAt')}</dt>
                <dd>{formatDateTime(d.submittedAt, locale)}</dd>
                {d.appointmentAt ? (
                  <>
                    <dt>{t('dossiers.field.appointmentAt')}</dt>
                    <dd>{formatDateTime(d.appointmentAt, locale)}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
      <MorePages q={list} />
      {drafts.data && drafts.data.items.length > 0 ? (
        <Card>
          <h2>{t('dossiers.mine.drafts')}</h2>
          <ul>
            {drafts.data.items.map((d) => (
              <li key={d.id}>
                {d.procedureName} ({formatDateTime(d.updatedAt, locale)}) —{' '}
                <Link to={`/thu-tuc/${encodeURIComponent(d.procedureCode)}/nop-ho-so`}>
                  {t('dossiers.mine.continue')}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {results.data && results.data.items.length > 0 ? (
        <Card>
          <h2>{t('dossiers.results.title')}</h2>
          <p className="hint">{t('dossiers.results.hint')}</p>
          <ul>
            {results.data.items.map((r) => (
              <li key={r.id}>
                <Link to={`/ho-so-cua-toi/${r.dossierId}`}>{r.procedureName}</Link> ({r.dossierCode}) —{' '}
                <a href={`/api/dossiers/${r.dossierId}/result.pdf`} download>
                  {t('dossiers.results.download', { number: r.documentNumber })}
                </a>{' '}
                <small>
                  {t('dossiers.results.signedBy', {
                    signer: r.signer,
                    at: formatDateTime(r.signedAt, locale),
                  })}
                </small>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {messages.data && messages.data.items.length > 0 ? (
        <Card>
          <h2>{t('dossiers.mine.inbox')}</h2>
          <ul className="inbox">
            {messages.data.items.map((m) => (
              <li key={m.id}>
                <Link to={`/ho-so-cua-toi/${m.dossierId}`}>{m.subject}</Link>{' '}
                <small>{formatDateTime(m.createdAt, locale)}</small>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
