import type { Insertable, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { Kdb } from '../../db/client';

type Trx = Transaction<Database>;

export const PAYMENT_COLUMNS = [
  'id',
  'charge_id',
  'dossier_id',
  'agency_id',
  'channel',
  'status',
  'amount',
  'order_ref',
  'reference',
  'gateway_txn_id',
  'receipt_no',
  'receipt_sha256',
  'recorded_by',
  'recorded_by_name',
  'created_at',
  'paid_at',
] as const;

export async function findCharge(q: Kdb, dossierId: string) {
  return q
    .selectFrom('fee_charges')
    .select(['id', 'dossier_id', 'agency_id', 'amount', 'moment', 'description', 'created_at'])
    .where('dossier_id', '=', dossierId)
    .executeTakeFirst();
}
export type ChargeRow = NonNullable<Awaited<ReturnType<typeof findCharge>>>;

/** Creates the dossier's charge once (a concurrent creator finds the existing one). */
export async function insertChargeOnce(trx: Trx, v: Insertable<Database['fee_charges']>): Promise<ChargeRow> {
  await trx
    .insertInto('fee_charges')
    .values(v)
    .onConflict((oc) => oc.column('dossier_id').doNothing())
    .execute();
  return (await findCharge(trx, v.dossier_id))!;
}

/** Locks the charge row: payments of one charge are decided one at a time. */
export async function lockCharge(trx: Trx, chargeId: string): Promise<void> {
  await trx.selectFrom('fee_charges').select('id').where('id', '=', chargeId).forUpdate().execute();
}

export async function listPayments(q: Kdb, dossierId: string) {
  return q
    .selectFrom('payments as p')
    .leftJoin('payment_refunds as r', 'r.payment_id', 'p.id')
    .select(PAYMENT_COLUMNS.map((c) => `p.${c}` as const))
    .select([
      'r.ground as refund_ground',
      'r.reason as refund_reason',
      'r.amount as refund_amount',
      'r.refunded_at',
      'r.recorded_by_name as refund_by',
    ])
    .where('p.dossier_id', '=', dossierId)
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
}
export type PaymentListRow = Awaited<ReturnType<typeof listPayments>>[number];

export async function findPayment(q: Kdb, where: { id: string } | { orderRef: string }) {
  let query = q.selectFrom('payments').select(PAYMENT_COLUMNS);
  query = 'id' in where ? query.where('id', '=', where.id) : query.where('order_ref', '=', where.orderRef);
  return query.executeTakeFirst();
}
export type PaymentRow = NonNullable<Awaited<ReturnType<typeof findPayment>>>;

export async function paidPaymentOf(q: Kdb, chargeId: string) {
  return q
    .selectFrom('payments')
    .select(PAYMENT_COLUMNS)
    .where('charge_id', '=', chargeId)
    .where('status', '=', 'paid')
    .executeTakeFirst();
}

export async function insertPayment(trx: Trx, v: Insertable<Database['payments']>): Promise<string> {
  const r = await trx.insertInto('payments').values(v).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePayment(
  trx: Trx,
  id: string,
  set: Partial<
    Pick<PaymentRow, 'status' | 'reference' | 'gateway_txn_id' | 'paid_at' | 'receipt_no' | 'receipt_sha256'>
  >,
) {
  await trx.updateTable('payments').set(set).where('id', '=', id).execute();
}

/** The next receipt number of an agency in a year (one counter row per agency and year). */
export async function nextReceiptNumber(trx: Trx, agencyId: string, year: number): Promise<number> {
  const r = await trx
    .insertInto('payment_receipt_counters')
    .values({ agency_id: agencyId, year, last_value: 1 })
    .onConflict((oc) =>
      oc
        .columns(['agency_id', 'year'])
        .doUpdateSet({ last_value: sql`payment_receipt_counters.last_value + 1` }),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return r.last_value;
}

export async function findRefund(q: Kdb, paymentId: string) {
  return q
    .selectFrom('payment_refunds')
    .select(['id'])
    .where('payment_id', '=', paymentId)
    .executeTakeFirst();
}

export async function insertRefund(trx: Trx, v: Insertable<Database['payment_refunds']>): Promise<void> {
  await trx.insertInto('payment_refunds').values(v).execute();
}

export async function findCallback(q: Kdb, transactionId: string) {
  return q
    .selectFrom('gateway_callbacks')
    .select(['transaction_id', 'order_ref', 'body_hash'])
    .where('transaction_id', '=', transactionId)
    .executeTakeFirst();
}

export async function insertCallback(trx: Trx, v: Insertable<Database['gateway_callbacks']>): Promise<void> {
  await trx.insertInto('gateway_callbacks').values(v).execute();
}
