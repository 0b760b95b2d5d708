import { useState } from 'react';
import { Card, ErrorBox, Spinner, Table } from '../../components/ui';
import { useReconciliation } from '../../features/payments/hooks';
import { useI18n } from '../../i18n/i18n';
import { formatMoney } from '../../lib/dates';
import { now as clockNow } from '../../lib/clock';

/** /office/doi-soat — the agency's fees for a quarter (collected by channel, refunded, outstanding), and its xlsx. */
export function ReconciliationPage() {
  const { t, locale } = useI18n();
  // The current quarter in Việt Nam (UTC+7).
  const vn = new Date(clockNow().getTime() + 7 * 3_600_000);
  const [year, setYear] = useState(vn.getUTCFullYear());
  const [quarter, setQuarter] = useState(Math.floor(vn.getUTCMonth() / 3) + 1);
  const r = useReconciliation(year, quarter);
  return (
    <>
      <h1>{t('payments.reconciliation.title')}</h1>
      <Card>
        <label>
          {t('payments.reconciliation.year')}{' '}
          <input
            type="number"
            value={year}
            min={2000}
            max={2100}
            onChange={(e) => setYear(Number(e.target.value))}
          />
        </label>{' '}
        <label>
          {t('payments.reconciliation.quarter')}{' '}
          <select value={quarter} onChange={(e) => setQuarter(Number(e.target.value))}>
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </select>
        </label>{' '}
        <a href={`/api/payments/reconciliation.xlsx?year=${year}&quarter=${quarter}`} download>
          {t('payments.reconciliation.xlsx')}
        </a>
      </Card>
      {r.isPending ? <Spinner label={t('app.loading')} /> : null}
      <ErrorBox error={r.error} />
      {r.data ? (
        <Card>
          <h2 id="reconciliation-agency">{r.data.agencyName}</h2>
          <Table
            labelledBy="reconciliation-agency"
            rows={[
              ...r.data.collected.map((c) => ({
                key: c.channel,
                label: t(`payments.channel.${c.channel}`),
                count: c.count as number | null,
                amount: c.amount,
              })),
              // The total of what was collected, then what went back and what is still owed.
              {
                key: 'collected',
                label: t('payments.reconciliation.collected'),
                count: null,
                amount: r.data.collectedTotal,
              },
              { key: 'refunded', label: t('payments.reconciliation.refunded'), ...r.data.refunded },
              { key: 'outstanding', label: t('payments.reconciliation.outstanding'), ...r.data.outstanding },
            ]}
            rowKey={(x) => x.key}
            rowClassName={(x) => (x.key === 'collected' ? 'total' : undefined)}
            empty={null}
            columns={[
              { header: t('payments.form.channel'), cell: (x) => x.label, rowHeader: true },
              { header: t('payments.reconciliation.count'), cell: (x) => x.count ?? '' },
              {
                header: t('payments.reconciliation.amount'),
                cell: (x) =>
                  x.key === 'collected' ? (
                    <strong>{formatMoney(x.amount, locale)}</strong>
                  ) : (
                    formatMoney(x.amount, locale)
                  ),
              },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
