import { useState } from 'react';
import { Alert, Card, Spinner, Table } from '../../../../components/ui';
import { useI18n } from '../../../../i18n/i18n';
import { useVersions } from '../hooks';
import { DiffView } from './DiffView';
import { formatDateTime, formatDay } from '../../../../lib/dates';

/** Every version of a procedure (newest first) and a comparison of any two of them. */
export function VersionHistory({ code }: { code: string }) {
  const { t, locale } = useI18n();
  const versions = useVersions(code);
  const [pick, setPick] = useState<{ from: number; to: number } | null>(null);
  if (versions.isPending) return <Spinner label={t('app.loading')} />;
  if (versions.isError) return <Alert kind="error">{versions.error.message}</Alert>;
  const list = versions.data;
  const latest = list[0]?.versionNo ?? 0;
  const { from, to } = pick ?? { from: list[1]?.versionNo ?? latest, to: latest };
  const select = (id: string, label: string, value: number, onChange: (n: number) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {list.map((v) => (
          <option key={v.id} value={v.versionNo}>
            {t('catalogueAdmin.history.version', { n: v.versionNo })}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Card>
      <h2 id="ce-history-title">{t('catalogueAdmin.history.title')}</h2>
      <Table
        labelledBy="ce-history-title"
        rows={list}
        rowKey={(v) => v.id}
        rowData={(v) => ({ 'data-version': v.versionNo })}
        empty={t('app.noRows')}
        columns={[
          { header: t('catalogueAdmin.history.no'), cell: (v) => v.versionNo },
          {
            header: t('catalogueAdmin.history.status'),
            cell: (v) => t(`catalogueAdmin.vstatus.${v.status}`),
          },
          {
            header: t('catalogueAdmin.history.publishedAt'),
            cell: (v) => formatDateTime(v.publishedAt, locale),
          },
          {
            header: t('catalogueAdmin.history.decision'),
            cell: (v) =>
              [v.decisionNumber, v.decisionDate && formatDay(v.decisionDate)].filter(Boolean).join(' · ') ||
              '—',
          },
          { header: t('catalogueAdmin.history.deadline'), cell: (v) => formatDay(v.publicationDeadline) },
          { header: t('catalogueAdmin.f.changeNote'), cell: (v) => v.changeNote ?? '—' },
        ]}
      />
      {list.length > 1 ? (
        <>
          <h3>{t('catalogueAdmin.history.compare')}</h3>
          <div className="ce-inline">
            {select('ce-diff-from', t('catalogueAdmin.history.from'), from, (n) => setPick({ from: n, to }))}
            {select('ce-diff-to', t('catalogueAdmin.history.to'), to, (n) => setPick({ from, to: n }))}
          </div>
          <DiffView code={code} from={from} to={to} />
        </>
      ) : (
        <p className="muted">{t('catalogueAdmin.history.single')}</p>
      )}
    </Card>
  );
}
