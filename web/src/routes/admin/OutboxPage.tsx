import { QueryTable } from '../../components/ui';
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
      <QueryTable
        query={{ isPending: outbox.isPending, error: outbox.error, rows: outbox.data?.items }}
        loadingLabel={t('app.loading')}
        caption={t('accounts.admin.outboxTitle')}
        captionHidden
        empty={t('app.noRows')}
        rowKey={(m) => m.id}
        columns={[
          { header: t('accounts.admin.time'), cell: (m) => formatDateTime(m.createdAt, locale) },
          { header: t('accounts.admin.to'), cell: (m) => `${m.channel.toUpperCase()} ${m.to}` },
          {
            header: t('accounts.admin.content'),
            cell: (m) => (m.subject ? `${m.subject} — ${m.body}` : m.body),
          },
        ]}
      />
    </>
  );
}
