import type { TDossierPayments, TPayment } from '@motcua/contracts';
import { Alert, Button, Card, ErrorBox } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime, formatMoney } from '../../../lib/dates';
import { useDossierPayments, usePayOnline } from '../hooks';

/** The payments of a dossier, one line each, with the receipt (biên lai) to download. */
export function PaymentList({ payments }: { payments: TPayment[] }) {
  const { t, locale } = useI18n();
  if (payments.length === 0) return null;
  return (
    <ul className="documents" aria-label={t('payments.list')}>
      {payments.map((p) => (
        <li key={p.id}>
          {t(`payments.channel.${p.channel}`)} — {formatMoney(p.amount, locale)} —{' '}
          <strong>{t(`payments.status.${p.status}`)}</strong>
          {p.paidAt ? <> ({formatDateTime(p.paidAt, locale)})</> : null}
          {p.reference ? <> · {t('payments.reference', { ref: p.reference })}</> : null}
          {p.receiptUrl ? (
            <>
              {' '}
              ·{' '}
              <a href={p.receiptUrl} target="_blank" rel="noreferrer" download>
                {t('payments.receipt', { no: p.receiptNo ?? '' })}
              </a>
            </>
          ) : null}
          {p.refund ? <> · {t('payments.refunded', { reason: p.refund.reason })}</> : null}
        </li>
      ))}
    </ul>
  );
}

export function FeeSummary({ p }: { p: TDossierPayments }) {
  const { t, locale } = useI18n();
  return (
    <p>
      {p.description}: <strong>{formatMoney(p.amount, locale)}</strong> (
      {t(`payments.moment.${p.moment ?? 'submission'}`)}){' — '}
      <strong>{p.paid ? t('payments.paid') : t('payments.unpaid')}</strong>
    </p>
  );
}

/** "Hồ sơ của tôi": what the dossier owes, the "Thanh toán" button to the gateway, the receipts. */
export function PaymentCard({ dossierId, returned }: { dossierId: string; returned: string | null }) {
  const { t } = useI18n();
  const q = useDossierPayments(dossierId);
  const pay = usePayOnline(dossierId);
  if (!q.data || q.data.amount === 0) return null;
  const p = q.data;
  return (
    <Card>
      <h2>{t('payments.title')}</h2>
      {returned === 'success' && p.paid ? <Alert kind="success">{t('payments.done')}</Alert> : null}
      {returned === 'cancelled' ? <Alert kind="warning">{t('payments.cancelled')}</Alert> : null}
      <FeeSummary p={p} />
      {p.payable ? (
        <Button onClick={() => pay.mutate()} disabled={pay.isPending}>
          {t('payments.pay')}
        </Button>
      ) : null}
      <ErrorBox error={pay.error} />
      <PaymentList payments={p.payments} />
    </Card>
  );
}
