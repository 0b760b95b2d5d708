import { useState } from 'react';
import type { TRefundRequest } from '@motcua/contracts';
import { Button, Card, ErrorBox } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { useDossierPayments, useRecordPayment, useRefund } from '../hooks';
import { FeeSummary, PaymentList } from './PaymentCard';

type Form = { channel: 'desk' | 'bank_transfer' | 'postal'; reference: string };

/** The desk: record a counter payment, a bank transfer or a postal collection; refund where the law allows. */
export function OfficePaymentCard({ dossierId }: { dossierId: string }) {
  const { t } = useI18n();
  const q = useDossierPayments(dossierId);
  const record = useRecordPayment(dossierId);
  const refund = useRefund(dossierId);
  const [form, setForm] = useState<Form>({ channel: 'desk', reference: '' });
  const [why, setWhy] = useState<TRefundRequest>({ ground: 'agency_failed', reason: '' });
  if (!q.data || q.data.amount === 0) return null;
  const p = q.data;
  const paid = p.payments.find((x) => x.status === 'paid' && !x.refund);
  return (
    <Card>
      <h2>{t('payments.title')}</h2>
      <FeeSummary p={p} />
      <PaymentList payments={p.payments} />
      {p.payable ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            record.mutate({
              channel: form.channel,
              amount: p.amount,
              ...(form.reference.trim() ? { reference: form.reference.trim() } : {}),
            });
          }}
        >
          <label>
            {t('payments.form.channel')}
            <select
              value={form.channel}
              onChange={(e) => setForm({ ...form, channel: e.target.value as Form['channel'] })}
            >
              {(['desk', 'bank_transfer', 'postal'] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`payments.channel.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('payments.form.reference')}
            <input value={form.reference} onChange={(e) => setForm({ ...form, reference: e.target.value })} />
          </label>
          <Button type="submit" disabled={record.isPending}>
            {t('payments.form.record')}
          </Button>
        </form>
      ) : null}
      <ErrorBox error={record.error} />
      {paid ? (
        <details>
          <summary>{t('payments.refund.title')}</summary>
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              refund.mutate({ paymentId: paid.id, body: why });
            }}
          >
            <label>
              {t('payments.refund.ground')}
              <select
                value={why.ground}
                onChange={(e) => setWhy({ ...why, ground: e.target.value as TRefundRequest['ground'] })}
              >
                <option value="agency_failed">{t('payments.refund.agency_failed')}</option>
                <option value="refused_not_applicant">{t('payments.refund.refused_not_applicant')}</option>
              </select>
            </label>
            <label>
              {t('payments.refund.reason')}
              <textarea value={why.reason} onChange={(e) => setWhy({ ...why, reason: e.target.value })} />
            </label>
            <Button type="submit" variant="danger" disabled={refund.isPending}>
              {t('payments.refund.submit')}
            </Button>
          </form>
          <ErrorBox error={refund.error} />
        </details>
      ) : null}
    </Card>
  );
}
