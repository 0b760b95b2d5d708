import { useState } from 'react';
import { Card, ErrorBox, Spinner } from '../../components/ui';
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
          <h2>{r.data.agencyName}</h2>
          <table>
            <thead>
              <tr>
                <th>{t('payments.form.channel')}</th>
                <th>{t('payments.reconciliation.count')}</th>
                <th>{t('payments.reconciliation.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {r.data.collected.map((c) => (
                <tr key={c.channel}>
                  <td>{t(`payments.channel.${c.channel}`)}</td>
                  <td>{c.count}</td>
                  <td>{formatMoney(c.amount, locale)}</td>
                </tr>
              ))}
              <tr>
                <th>{t('payments.reconciliation.collected')}</th>
                <td />
                <th>{formatMoney(r.data.collectedTotal, locale)}</th>
              </tr>
              <tr>
                <td>{t('payments.reconciliation.refunded')}</td>
                <td>{r.data.refunded.count}</td>
                <td>{formatMoney(r.data.refunded.amount, locale)}</td>
              </tr>
              <tr>
                <td>{t('payments.reconciliation.outstanding')}</td>
                <td>{r.data.outstanding.count}</td>
                <td>{formatMoney(r.data.outstanding.amount, locale)}</td>
              </tr>
            </tbody>
          </table>
        </Card>
      ) : null}
    </>
  );
}
