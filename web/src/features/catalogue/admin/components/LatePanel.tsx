import { Link } from 'react-router-dom';
import { Alert, Card, Spinner } from '../../../../components/ui';
import { useI18n } from '../../../../i18n/i18n';
import { useLatePublications } from '../hooks';
import { formatDay } from '../../../../lib/dates';

/** Versions whose 5-working-day publication deadline after the announcing decision was missed (001 Đ6, Đ22.3). */
export function LatePanel() {
  const { t } = useI18n();
  const late = useLatePublications();
  return (
    <Card>
      <h2 id="ce-late-title">{t('catalogueAdmin.late.title')}</h2>
      {late.isPending && <Spinner label={t('app.loading')} />}
      {late.isError && <Alert kind="error">{late.error.message}</Alert>}
      {late.data &&
        (late.data.length === 0 ? (
          <p>{t('catalogueAdmin.late.none')}</p>
        ) : (
          <div className="table-scroll">
            <table aria-labelledby="ce-late-title">
              <thead>
                <tr>
                  <th scope="col">{t('catalogueAdmin.list.procedure')}</th>
                  <th scope="col">{t('catalogueAdmin.late.decision')}</th>
                  <th scope="col">{t('catalogueAdmin.late.deadline')}</th>
                  <th scope="col">{t('catalogueAdmin.late.daysLate')}</th>
                </tr>
              </thead>
              <tbody>
                {late.data.map((r) => (
                  <tr key={`${r.code}/${r.versionNo}`}>
                    <td>
                      <Link to={`/admin/thu-tuc/${encodeURIComponent(r.code)}`}>{r.code}</Link> — {r.name} (
                      {t('catalogueAdmin.history.version', { n: r.versionNo })})
                    </td>
                    <td>
                      {[r.decisionNumber, formatDay(r.decisionDate, '')].filter(Boolean).join(' · ') || '—'}
                    </td>
                    <td>{formatDay(r.publicationDeadline)}</td>
                    <td>{r.daysLate}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </Card>
  );
}
