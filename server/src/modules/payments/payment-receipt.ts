import type { Transaction } from 'kysely';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import { renderPaymentReceipt } from '../documents';
import { vnParts } from '../documents';
import { applicantOf, fileStoreFor, issuerOf, type DossierRow } from '../dossiers';
import { nextReceiptNumber, updatePayment, type ChargeRow, type PaymentRow } from './payments.repo';

/**
 * The electronic payment receipt (biên lai, 003 Đ16.3) of a paid payment: numbered per collecting agency and year
 * (series `BL<year>`), rendered by the documents module and stored content-addressed with the payment.
 */
export async function issueReceipt(
  trx: Transaction<Database>,
  config: Config,
  p: PaymentRow,
  d: DossierRow,
  charge: ChargeRow,
): Promise<void> {
  const paidAt = p.paid_at!;
  const year = Number(vnParts(paidAt).year);
  const seq = await nextReceiptNumber(trx, p.agency_id, year);
  const series = `BL${year}`;
  const number = String(seq).padStart(7, '0');
  const pdf = await renderPaymentReceipt({
    issuer: await issuerOf(trx, p.agency_id),
    series,
    receiptNo: number,
    paidAt,
    applicant: applicantOf(d),
    dossierCode: d.code ?? d.submission_ref,
    procedureName: d.procedure_name,
    feeDescription: charge.description,
    amount: p.amount,
    channel: p.channel,
    reference: p.reference,
    orderRef: p.order_ref,
    collector: p.channel === 'online' ? null : p.recorded_by_name,
  });
  const stored = await fileStoreFor(config).put(pdf);
  await updatePayment(trx, p.id, { receipt_no: `${series}-${number}`, receipt_sha256: stored.sha256 });
}
