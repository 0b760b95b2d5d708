import { Link } from 'react-router-dom';
import { Card, QueryTable } from '../../../../components/ui';
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
      <QueryTable
        query={{ isPending: late.isPending, error: late.error, rows: late.data }}
        loadingLabel={t('app.loading')}
        labelledBy="ce-late-title"
        empty={t('catalogueAdmin.late.none')}
        rowKey={(r) => `${r.code}/${r.versionNo}`}
        columns={[
          {
            header: t('catalogueAdmin.list.procedure'),
            cell: (r) => (
              <>
                <Link to={`/admin/thu-tuc/${encodeURIComponent(r.code)}`}>{r.code}</Link> — {r.name} (
                {t('catalogueAdmin.history.version', { n: r.versionNo })})
              </>
            ),
          },
          {
            header: t('catalogueAdmin.late.decision'),
            cell: (r) => [r.decisionNumber, formatDay(r.decisionDate, '')].filter(Boolean).join(' · ') || '—',
          },
          { header: t('catalogueAdmin.late.deadline'), cell: (r) => formatDay(r.publicationDeadline) },
          { header: t('catalogueAdmin.late.daysLate'), cell: (r) => r.daysLate },
        ]}
      />
    </Card>
  );
}
