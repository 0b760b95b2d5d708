import { useState, type FormEvent } from 'react';
import { type TSyncReport, vnInstant } from '@motcua/contracts';
import { Alert, Button, Card, Spinner, Table } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatCount, formatDateTime, parseDay } from '../../../lib/dates';
import { integrationApi } from '../api';
import { useIntegrationMutation, useSyncReports } from '../hooks';

const VN_DAY_START = (day: string) => vnInstant(day);
const show = (v: unknown) =>
  v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Run a consistency check (optionally repairing) and read the reports: what differed and what was repaired. */
export function SyncReports() {
  const { t } = useI18n();
  const reports = useSyncReports();
  const check = useIntegrationMutation(integrationApi.checkSync);
  const [bad, setBad] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const from = parseDay(String(form.get('from') ?? ''));
    const to = parseDay(String(form.get('to') ?? ''));
    setBad(!from || !to);
    if (!from || !to) return;
    check.mutate({
      from: VN_DAY_START(from).toISOString(),
      to: new Date(VN_DAY_START(to).getTime() + 86_400_000).toISOString(),
      repair: form.get('repair') === 'on',
    });
  };
  return (
    <>
      <Card>
        <h2>{t('integration.sync.check')}</h2>
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="sync-from">{t('integration.sync.from')}</label>
            <input id="sync-from" name="from" inputMode="numeric" placeholder="dd/mm/yyyy" required />
          </div>
          <div className="field">
            <label htmlFor="sync-to">{t('integration.sync.to')}</label>
            <input id="sync-to" name="to" inputMode="numeric" placeholder="dd/mm/yyyy" required />
          </div>
          <label className="check">
            <input type="checkbox" name="repair" /> {t('integration.sync.repair')}
          </label>
          {bad && <Alert kind="error">{t('integration.sync.badDay')}</Alert>}
          {check.isError && <Alert kind="error">{check.error.message}</Alert>}
          <Button type="submit" disabled={check.isPending}>
            {t('integration.sync.run')}
          </Button>
        </form>
      </Card>
      <h2>{t('integration.sync.reports')}</h2>
      {reports.isPending ? (
        <Spinner label={t('integration.loading')} />
      ) : reports.isError ? (
        <Alert kind="error">{reports.error.message}</Alert>
      ) : reports.data.items.length === 0 ? (
        <p>{t('integration.sync.noReports')}</p>
      ) : (
        reports.data.items.map((r) => <Report key={r.id} r={r} />)
      )}
    </>
  );
}

function Report({ r }: { r: TSyncReport }) {
  const { t, locale } = useI18n();
  return (
    <Card className="sync-report">
      <h3>
        {formatDateTime(r.checkedAt, locale)} · {t('integration.sync.period')}{' '}
        {formatDateTime(r.from, locale)} – {formatDateTime(r.to, locale)}
      </h3>
      <dl className="facts">
        <dt>{t('integration.sync.checked')}</dt>
        <dd>{formatCount(r.checked, locale)}</dd>
        <dt>{t('integration.sync.divergent')}</dt>
        <dd>{formatCount(r.divergent, locale)}</dd>
        <dt>{t('integration.sync.repaired')}</dt>
        <dd>{formatCount(r.repaired, locale)}</dd>
        <dt>{t('integration.sync.remaining')}</dt>
        <dd>{formatCount(r.remaining, locale)}</dd>
      </dl>
      {r.items.length > 0 && (
        <details>
          <summary id={`sync-details-${r.id}`}>
            {t('integration.sync.details', { n: r.items.length })}
          </summary>
          <Table
            labelledBy={`sync-details-${r.id}`}
            rows={r.items.slice(0, 200)}
            rowKey={(i) => i.dossierId}
            empty={null}
            columns={[
              {
                header: t('integration.sync.dossier'),
                cell: (i) => i.code ?? i.dossierId.slice(0, 8),
                rowHeader: true,
              },
              {
                header: t('integration.sync.field'),
                cell: (i) => i.differences.map((d) => d.field).join(', '),
              },
              {
                header: t('integration.sync.local'),
                cell: (i) => i.differences.map((d) => show(d.local)).join('; '),
              },
              {
                header: t('integration.sync.remote'),
                cell: (i) => i.differences.map((d) => show(d.remote)).join('; '),
              },
              {
                header: t('integration.sync.repaired'),
                cell: (i) => (i.repaired ? t('integration.sync.yes') : t('integration.sync.no')),
              },
            ]}
          />
        </details>
      )}
    </Card>
  );
}
