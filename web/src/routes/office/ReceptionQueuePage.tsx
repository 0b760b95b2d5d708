import '../../features/dossiers/dossiers.css';
import { Link } from 'react-router-dom';
import { Alert, Spinner, StatusBadge } from '../../components/ui';
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
      {queue.isPending ? <Spinner label={t('app.loading')} /> : null}
      {queue.isError ? <Alert kind="error">{queue.error.message}</Alert> : null}
      {queue.data && items.length === 0 ? <p>{t('dossiers.queue.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('dossiers.queue.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dossiers.field.receptionDueAt')}</th>
                <th scope="col">{t('dossiers.field.submissionRef')}</th>
                <th scope="col">{t('dossiers.field.procedure')}</th>
                <th scope="col">{t('dossiers.field.applicant')}</th>
                <th scope="col">{t('dossiers.field.channel')}</th>
                <th scope="col">{t('dossiers.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id} className={d.receptionOverdue ? 'overdue' : undefined}>
                  <td>
                    {formatDateTime(d.receptionDueAt, locale)}
                    {d.receptionOverdue ? (
                      <strong className="badge badge-overdue"> {t('dossiers.overdue')}</strong>
                    ) : null}
                  </td>
                  <td>
                    <Link to={`/office/ho-so/${d.id}`}>{d.submissionRef}</Link>
                  </td>
                  <td>{d.procedure.name}</td>
                  <td>{d.applicantName}</td>
                  <td>{t(`dossiers.channel.${d.channel}`)}</td>
                  <td>
                    <StatusBadge status={d.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <MorePages q={queue} />
    </>
  );
}
