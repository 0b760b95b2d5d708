import '../../features/dossiers/dossiers.css';
import '../../features/processing/processing.css';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, ErrorBox, Spinner } from '../../components/ui';
import { ChaseList } from '../../features/processing/components/ChaseList';
import { Inbox } from '../../features/processing/components/Inbox';
import { useUncollected } from '../../features/processing/hooks';
import { useMe } from '../../features/session/hooks';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useTitle } from '../../lib/useTitle';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * /office/xu-ly — "Hồ sơ cần xử lý": the inbox by step due time (mine, my department, my agency); for the desk, also
 * the results waiting to be returned (GET /api/processing/uncollected) and the chase list (002 Đ5.1.e); for
 * everyone, opening a dossier's workspace by its ID.
 */
export function ProcessingInboxPage() {
  const { t } = useI18n();
  useTitle(t('processing.inbox.title'));
  const me = useMe();
  const desk = !!me.data?.roles.includes('reception_officer');
  return (
    <>
      <h1>{t('processing.inbox.title')}</h1>
      <p>{t('processing.inbox.lead')}</p>
      <Inbox />
      {desk ? <DeskLists /> : null}
      <OpenById />
    </>
  );
}

function DeskLists() {
  const { t, locale } = useI18n();
  const uncollected = useUncollected(true);
  return (
    <>
      <Card>
        <h2>{t('processing.inbox.uncollected')}</h2>
        {uncollected.isPending ? (
          <Spinner label={t('app.loading')} />
        ) : uncollected.isError ? (
          <ErrorBox error={uncollected.error} />
        ) : uncollected.data.items.length === 0 ? (
          <p>{t('processing.inbox.empty')}</p>
        ) : (
          <>
            <p>{t('processing.inbox.count', { n: uncollected.data.items.length })}</p>
            <ul className="proc-inbox">
              {uncollected.data.items.map((i) => (
                <li key={i.id}>
                  <Link to={`/office/xu-ly/${i.id}`}>{i.code ?? i.id}</Link> — {i.procedureName} —{' '}
                  {i.applicantName}
                  <br />
                  <small>
                    {t('processing.inbox.readyAt', { at: formatDateTime(i.resultReadyAt, locale) })}
                    {i.appointmentAt
                      ? ` · ${t('dossiers.field.appointmentAt')}: ${formatDate(i.appointmentAt, locale)}`
                      : ''}
                  </small>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
      <ChaseList />
    </>
  );
}

function OpenById() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [id, setId] = useState('');
  return (
    <Card>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (UUID.test(id.trim())) void navigate(`/office/xu-ly/${id.trim()}`);
        }}
      >
        <div className="field">
          <label htmlFor="inbox-open">{t('processing.inbox.openLabel')}</label>
          <input
            id="inbox-open"
            required
            autoComplete="off"
            pattern={UUID.source.slice(1, -1)}
            value={id}
            onChange={(e) => setId(e.target.value)}
          />
        </div>
        <Button type="submit">{t('processing.inbox.open')}</Button>
      </form>
    </Card>
  );
}
