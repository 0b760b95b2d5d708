import type { TPayment } from '@motcua/contracts';
import { instant } from '../dossiers';
import type { PaymentListRow } from './payments.repo';

export function presentPayment(r: PaymentListRow): TPayment {
  return {
    id: r.id,
    channel: r.channel,
    status: r.status,
    amount: r.amount,
    orderRef: r.order_ref,
    reference: r.reference,
    receiptNo: r.receipt_no,
    receiptUrl: r.receipt_sha256 ? `/api/payments/${r.id}/receipt` : null,
    paidAt: r.paid_at ? instant(r.paid_at) : null,
    recordedBy: r.recorded_by_name,
    refund:
      r.refund_ground && r.refunded_at
        ? {
            ground: r.refund_ground,
            reason: r.refund_reason ?? '',
            amount: r.refund_amount ?? r.amount,
            refundedAt: instant(r.refunded_at),
            recordedBy: r.refund_by,
          }
        : null,
  };
}
