import '../../features/dossiers/dossiers.css';
import { Link } from 'react-router-dom';
import { QueryTable, StatusBadge } from '../../components/ui';
import { MorePages, loadedItems } from '../../features/dossiers/components/MorePages';
import { formatDateTime } from '../../lib/dates';
import { useQueue } from '../../features/dossiers/hooks';
import { useI18n } from '../../i18n/i18n';
import { useTitle } from '../../lib/useTitle';

/** /office/tiep-nhan — dossiers waiting for a reception decision, by their 8-working-hour deadline (001 Đ9.2.a). */
export function ReceptionQueuePage() {
  const { t, locale } = useI18n();
  useTitle(t('dossiers.queue.title'));
  const queue = useQueue();
  const items = loadedItems(queue);
  return (
    <>
      <h1>{t('dossiers.queue.title')}</h1>
      <p>{t('dossiers.queue.lead')}</p>
      <p>
        <Link className="btn btn-primary" to="/office/tiep-nhan/them-moi">
          {t('dossiers.nav.register')}
        </Link>
      </p>
      <QueryTable
        query={{ isPending: queue.isPending, error: queue.error, rows: queue.data ? items : undefined }}
        loadingLabel={t('app.loading')}
        caption={t('dossiers.queue.title')}
        captionHidden
        empty={t('dossiers.queue.empty')}
        rowKey={(d) => d.id}
        rowClassName={(d) => (d.receptionOverdue ? 'overdue' : undefined)}
        columns={[
          {
            header: t('dossiers.field.receptionDueAt'),
            cell: (d) => (
              <>
                {formatDateTime(d.receptionDueAt, locale)}
                {d.receptionOverdue ? (
                  <strong className="badge badge-overdue"> {t('dossiers.overdue')}</strong>
                ) : null}
              </>
            ),
          },
          {
            header: t('dossiers.field.submissionRef'),
            cell: (d) => <Link to={`/office/ho-so/${d.id}`}>{d.submissionRef}</Link>,
          },
          { header: t('dossiers.field.procedure'), cell: (d) => d.procedure.name },
          { header: t('dossiers.field.applicant'), cell: (d) => d.applicantName },
          { header: t('dossiers.field.channel'), cell: (d) => t(`dossiers.channel.${d.channel}`) },
          { header: t('dossiers.field.status'), cell: (d) => <StatusBadge status={d.status} /> },
        ]}
      />
      <MorePages q={queue} />
    </>
  );
}
