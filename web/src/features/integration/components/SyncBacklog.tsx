import { Alert, Button, Card, ErrorBox, QueryTable, Spinner } from '../../../components/ui';
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
          <ErrorBox error={backlog.error} />
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
      <ErrorBox error={resend.error} />
      {resend.isSuccess && <Alert kind="success">{t('integration.sync.resent')}</Alert>}
      <QueryTable
        query={{ isPending: dead.isPending, error: dead.error, rows: dead.data?.items }}
        loadingLabel={t('integration.loading')}
        caption={t('integration.sync.deadLetters')}
        captionHidden
        empty={t('integration.sync.noDeadLetters')}
        rowKey={(m) => m.id}
        columns={[
          {
            header: t('integration.sync.dossier'),
            cell: (m) =>
              `${m.dossierCode ?? m.dossierId.slice(0, 8)} · ${t(`integration.sync.kind.${m.kind}`)} #${m.seq}`,
          },
          { header: t('integration.when'), cell: (m) => formatDateTime(m.createdAt, locale) },
          { header: t('integration.attempts'), cell: (m) => m.attempts },
          { header: t('integration.lastError'), cell: (m) => m.lastError },
          {
            key: 'resend',
            header: <span className="visually-hidden">{t('integration.sync.resend')}</span>,
            cell: (m) => (
              <Button variant="secondary" onClick={() => resend.mutate(m.id)} disabled={resend.isPending}>
                {t('integration.sync.resend')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
