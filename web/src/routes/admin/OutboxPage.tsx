import { Spinner } from '../../components/ui';
import { useOutbox } from '../../features/accounts/hooks';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/dates';
import { useTitle } from '../../lib/useTitle';

/** What the local development gateway kept instead of sending (system administrators only). */
export function OutboxPage() {
  const { t, locale } = useI18n();
  useTitle(t('accounts.admin.outboxTitle'));
  const outbox = useOutbox();
  return (
    <>
      <h1>{t('accounts.admin.outboxTitle')}</h1>
      <p>{t('accounts.admin.outboxLead')}</p>
      {outbox.isPending ? (
        <Spinner label={t('app.loading')} />
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('accounts.admin.time')}</th>
                <th scope="col">{t('accounts.admin.to')}</th>
                <th scope="col">{t('accounts.admin.content')}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.data?.items.map((m) => (
                <tr key={m.id}>
                  <td>{formatDateTime(m.createdAt, locale)}</td>
                  <td>
                    {m.channel.toUpperCase()} {m.to}
                  </td>
                  <td>{m.subject ? `${m.subject} — ${m.body}` : m.body}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
