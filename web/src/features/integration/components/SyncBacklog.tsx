import { Alert, Button, Card, Spinner } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatCount, formatDateTime } from '../../../lib/dates';
import { integrationApi } from '../api';
import { useDeadLetters, useIntegrationMutation, useSyncBacklog } from '../hooks';

/** The backlog towards the national portal and its dead letters, each with a resend button. */
export function SyncBacklog() {
  const { t, locale } = useI18n();
  const backlog = useSyncBacklog();
  const dead = useDeadLetters();
  const resend = useIntegrationMutation(integrationApi.resend);
  return (
    <>
      <Card>
        <h2>{t('integration.sync.backlog')}</h2>
        {backlog.isPending ? (
          <Spinner label={t('integration.loading')} />
        ) : backlog.isError ? (
          <Alert kind="error">{backlog.error.message}</Alert>
        ) : (
          <dl className="facts">
            <dt>{t('integration.sync.pending')}</dt>
            <dd data-testid="sync-pending">{formatCount(backlog.data.pending, locale)}</dd>
            <dt>{t('integration.sync.dead')}</dt>
            <dd data-testid="sync-dead">{formatCount(backlog.data.dead, locale)}</dd>
            <dt>{t('integration.sync.oldest')}</dt>
            <dd>
              {backlog.data.oldestAt
                ? formatDateTime(backlog.data.oldestAt, locale)
                : t('integration.sync.none')}
            </dd>
          </dl>
        )}
      </Card>
      <h2>{t('integration.sync.deadLetters')}</h2>
      {resend.isError && <Alert kind="error">{resend.error.message}</Alert>}
      {resend.isSuccess && <Alert kind="success">{t('integration.sync.resent')}</Alert>}
      {dead.isPending ? (
        <Spinner label={t('integration.loading')} />
      ) : dead.isError ? (
        <Alert kind="error">{dead.error.message}</Alert>
      ) : dead.data.items.length === 0 ? (
        <p>{t('integration.sync.noDeadLetters')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('integration.sync.deadLetters')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('integration.sync.dossier')}</th>
                <th scope="col">{t('integration.when')}</th>
                <th scope="col">{t('integration.attempts')}</th>
                <th scope="col">{t('integration.lastError')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('integration.sync.resend')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {dead.data.items.map((m) => (
                <tr key={m.id}>
                  <td>
                    {m.dossierCode ?? m.dossierId.slice(0, 8)} · {t(`integration.sync.kind.${m.kind}`)} #
                    {m.seq}
                  </td>
                  <td>{formatDateTime(m.createdAt, locale)}</td>
                  <td>{m.attempts}</td>
                  <td>{m.lastError}</td>
                  <td>
                    <Button
                      variant="secondary"
                      onClick={() => resend.mutate(m.id)}
                      disabled={resend.isPending}
                    >
                      {t('integration.sync.resend')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
