import { randomBytes } from 'node:crypto';
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type {
  TDossierPayments,
  TGatewayCallback,
  TRecordPaymentRequest,
  TRefundRequest,
} from '@motcua/contracts';
import { ZRecordPaymentRequest } from '@motcua/contracts';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { appendAudit, type AuditActor } from '../audit';
import {
  authorize,
  can,
  findDossier,
  isApplicantOf,
  returnMayBeReady,
  type DossierRow,
  type IntakeCtx,
} from '../dossiers';
import { dossierFeeFacts } from './fee-facts';
import { presentPayment } from './payments.presenter';
import {
  findCharge,
  findPayment,
  findRefund,
  insertChargeOnce,
  insertPayment,
  insertRefund,
  listPayments,
  lockCharge,
  paidPaymentOf,
  updatePayment,
  type ChargeRow,
  type PaymentRow,
} from './payments.repo';
import { issueReceipt } from './payment-receipt';
import { findCurrentResult } from '../results';

type Trx = Transaction<Database>;
export const ORDER_WHAT = { vi: 'đơn thanh toán', en: 'Payment order' };
const CLOSED: DossierRow['status'][] = ['withdrawn', 'refused', 'stopped'];

/** The dossier's charge, created the first time it is needed (null: the procedure is free). */
export async function ensureCharge(trx: Trx, d: DossierRow, now: Date): Promise<ChargeRow | null> {
  const existing = await findCharge(trx, d.id);
  if (existing) return existing;
  const facts = await dossierFeeFacts(trx, d);
  if (!facts) return null;
  return insertChargeOnce(trx, {
    dossier_id: d.id,
    agency_id: d.authority_agency_id,
    amount: facts.amount,
    moment: facts.moment,
    description: facts.description,
    created_at: now,
  });
}

/** Why the fee cannot be paid now, or null when it can (at submission; on result once the result is ready). */
export function notPayableReason(d: Pick<DossierRow, 'status'>, charge: Pick<ChargeRow, 'moment'>) {
  if (CLOSED.includes(d.status)) return { vi: 'hồ sơ đã kết thúc', en: 'the dossier is closed' };
  if (charge.moment === 'result' && d.status !== 'result_ready' && d.status !== 'returned')
    return {
      vi: 'phí nộp khi nhận kết quả, kết quả chưa có',
      en: 'the fee is due with the result, not ready yet',
    };
  return null;
}

export async function dossierPayments(
  trx: Trx,
  actor: Actor,
  id: string,
  now: Date,
): Promise<TDossierPayments> {
  return paymentsSummary(trx, authorize(actor, 'view', await findDossier(trx, id)), now);
}

/** What the dossier owes and what was paid, for someone already allowed to know. */
export async function paymentsSummary(trx: Trx, d: DossierRow, now: Date): Promise<TDossierPayments> {
  const charge = await ensureCharge(trx, d, now);
  const rows = await listPayments(trx, d.id);
  return {
    dossierId: d.id,
    amount: charge?.amount ?? 0,
    description: charge?.description ?? null,
    moment: charge?.moment ?? null,
    payable: !!charge && !notPayableReason(d, charge) && !rows.some((r) => r.status === 'paid'),
    paid: rows.some((r) => r.status === 'paid'),
    payments: rows.map(presentPayment),
  };
}

/** The charge that can be paid now, locked; else PAYMENT_NOT_DUE / PAYMENT_ALREADY_PAID. */
async function chargeToPay(trx: Trx, d: DossierRow, now: Date): Promise<ChargeRow> {
  const charge = await ensureCharge(trx, d, now);
  if (!charge)
    throw new AppError('PAYMENT_NOT_DUE', { reason: { vi: 'thủ tục không thu phí', en: 'it is free' } });
  await lockCharge(trx, charge.id);
  const reason = notPayableReason(d, charge);
  if (reason) throw new AppError('PAYMENT_NOT_DUE', { reason });
  if (await paidPaymentOf(trx, charge.id)) throw new AppError('PAYMENT_ALREADY_PAID');
  return charge;
}

function newOrderRef(now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return `MC${day}${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** The applicant opens an online payment: a pending payment whose order the gateway is then asked to open. */
export async function openOnlinePayment(trx: Trx, ctx: IntakeCtx, id: string) {
  const d = authorize(ctx.actor, 'view', await findDossier(trx, id));
  if (!isApplicantOf(ctx.actor, d)) throw new AppError('FORBIDDEN');
  const charge = await chargeToPay(trx, d, ctx.now);
  const orderRef = newOrderRef(ctx.now);
  const paymentId = await insertPayment(trx, {
    charge_id: charge.id,
    dossier_id: d.id,
    agency_id: charge.agency_id,
    channel: 'online',
    status: 'pending',
    amount: charge.amount,
    order_ref: orderRef,
    reference: null,
    gateway_txn_id: null,
    receipt_no: null,
    receipt_sha256: null,
    recorded_by: ctx.actor.userId,
    recorded_by_name: ctx.actor.name,
    created_at: ctx.now,
    paid_at: null,
  });
  await appendAudit(trx, ctx.audit, {
    action: 'payment.online_opened',
    target: { type: 'dossier', id: d.id },
    details: { orderRef, amount: charge.amount },
  });
  return {
    paymentId,
    orderRef,
    amount: charge.amount,
    description: `${charge.description} – ${d.code ?? d.submission_ref}`,
  };
}

/** Marks a payment paid, issues its electronic receipt and audits it (the unique index refuses a second one). */
async function settle(
  trx: Trx,
  config: Config,
  audit: AuditActor,
  p: PaymentRow,
  d: DossierRow,
  charge: ChargeRow,
  set: { reference: string | null; gateway_txn_id?: string | null },
  now: Date,
) {
  try {
    await updatePayment(trx, p.id, { status: 'paid', paid_at: now, ...set });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new AppError('PAYMENT_ALREADY_PAID');
    throw err;
  }
  const paid = (await findPayment(trx, { id: p.id }))!;
  await issueReceipt(trx, config, paid, d, charge);
  await appendAudit(trx, audit, {
    action: 'payment.paid',
    target: { type: 'dossier', id: d.id },
    details: { paymentId: p.id, channel: p.channel, amount: p.amount, reference: set.reference },
  });
  // A fee due with the result may have been what held the hand-over (the automatic postal pickup waits for it).
  await returnMayBeReady(trx, d.id, now);
}

/** The desk (or the postal operator, for postal collection) records a payment made by another channel. */
export async function recordPayment(trx: Trx, ctx: IntakeCtx, id: string, raw: TRecordPaymentRequest) {
  const input = ZRecordPaymentRequest.parse(raw);
  const d = await findDossier(trx, id);
  const postal = input.channel === 'postal' && ctx.actor.roles.includes('postal_operator');
  if (!d || !(postal || (ctx.actor.kind === 'staff' && can(ctx.actor, 'process', d))))
    authorize(ctx.actor, 'process', undefined);
  const charge = await chargeToPay(trx, d!, ctx.now);
  if (input.amount !== charge.amount)
    throw new AppError('PAYMENT_AMOUNT_MISMATCH', { amount: input.amount, expected: charge.amount });
  const paymentId = await insertPayment(trx, {
    charge_id: charge.id,
    dossier_id: d!.id,
    agency_id: charge.agency_id,
    channel: input.channel,
    status: 'pending',
    amount: charge.amount,
    order_ref: newOrderRef(ctx.now),
    reference: null,
    gateway_txn_id: null,
    receipt_no: null,
    receipt_sha256: null,
    recorded_by: ctx.actor.userId,
    recorded_by_name: ctx.actor.name,
    created_at: ctx.now,
    paid_at: null,
  });
  const p = (await findPayment(trx, { id: paymentId }))!;
  await settle(trx, ctx.config, ctx.audit, p, d!, charge, { reference: input.reference ?? null }, ctx.now);
  return d!;
}

/**
 * A gateway callback already checked for signature and freshness: applied once per transaction id. Unknown order →
 * 404, amount not the order's → 422, an order already paid by another transaction → 409; nothing changes then.
 */
export async function applyGatewayCallback(
  trx: Trx,
  config: Config,
  audit: AuditActor,
  cb: TGatewayCallback,
  now: Date,
): Promise<void> {
  const p = await findPayment(trx, { orderRef: cb.orderRef });
  if (!p || p.channel !== 'online') throw new AppError('NOT_FOUND', { what: ORDER_WHAT });
  if (cb.amount !== p.amount)
    throw new AppError('PAYMENT_AMOUNT_MISMATCH', { amount: cb.amount, expected: p.amount });
  await lockCharge(trx, p.charge_id);
  const current = (await findPayment(trx, { id: p.id }))!;
  if (current.status === 'paid') throw new AppError('PAYMENT_ALREADY_PAID');
  if (cb.status === 'cancelled') {
    if (current.status === 'pending')
      await updatePayment(trx, p.id, { status: 'cancelled', reference: cb.transactionId });
    await appendAudit(trx, audit, {
      action: 'payment.cancelled',
      target: { type: 'dossier', id: p.dossier_id },
      details: { orderRef: cb.orderRef, transactionId: cb.transactionId },
    });
    return;
  }
  const d = (await findDossier(trx, p.dossier_id))!;
  const charge = (await findCharge(trx, d.id))!;
  await settle(
    trx,
    config,
    audit,
    current,
    d,
    charge,
    { reference: cb.transactionId, gateway_txn_id: cb.transactionId },
    now,
  );
}

/** Why a refund is lawful, or the reason it is not (003 Đ16; SPEC §7: only when the agency failed). */
export function refundRefusal(
  d: Pick<DossierRow, 'status' | 'appointment_at' | 'refusal'>,
  ground: TRefundRequest['ground'],
  now: Date,
): { vi: string; en: string } | null {
  if (ground === 'refused_not_applicant') {
    // Refused at reception because the agency has no competence: not the applicant's doing.
    return d.status === 'refused' && d.refusal?.competentAgency
      ? null
      : {
          vi: 'hồ sơ không bị từ chối vì lý do ngoài trách nhiệm của người nộp',
          en: 'the dossier was not refused for a reason outside the applicant’s responsibility',
        };
  }
  const late = !!d.appointment_at && now > d.appointment_at;
  return late && ['received', 'in_processing'].includes(d.status)
    ? null
    : {
        vi: 'cơ quan không có lỗi chậm giải quyết đối với hồ sơ này',
        en: 'the agency has not failed to complete this dossier',
      };
}

export async function refundPayment(trx: Trx, ctx: IntakeCtx, paymentId: string, input: TRefundRequest) {
  const p = await findPayment(trx, { id: paymentId });
  const d = p ? await findDossier(trx, p.dossier_id) : undefined;
  const a = ctx.actor;
  const officer =
    a.kind === 'staff' &&
    (a.roles.includes('reception_officer') || a.roles.includes('approver')) &&
    !!d &&
    [d.receiving_agency_id, d.authority_agency_id].includes(a.agencyId ?? '');
  if (!p || !d || !officer) throw new AppError('NOT_FOUND', { what: { vi: 'khoản nộp', en: 'Payment' } });
  await lockCharge(trx, p.charge_id);
  if (p.status !== 'paid')
    throw new AppError('REFUND_NOT_ALLOWED', {
      reason: { vi: 'khoản này chưa được nộp', en: 'it was not paid' },
    });
  if (await findRefund(trx, p.id)) throw new AppError('REFUND_ALREADY_MADE');
  const refusal = refundRefusal(d, input.ground, ctx.now);
  if (refusal) throw new AppError('REFUND_NOT_ALLOWED', { reason: refusal });
  try {
    await insertRefund(trx, {
      payment_id: p.id,
      agency_id: p.agency_id,
      amount: p.amount,
      ground: input.ground,
      reason: input.reason,
      refunded_at: ctx.now,
      recorded_by: a.userId,
      recorded_by_name: a.name,
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new AppError('REFUND_ALREADY_MADE');
    throw err;
  }
  await appendAudit(trx, ctx.audit, {
    action: 'payment.refunded',
    target: { type: 'dossier', id: d.id },
    details: { paymentId: p.id, amount: p.amount, ground: input.ground },
  });
  return d;
}

/**
 * A fee due with the result (003 Đ16; the catalogue's "khi nhận kết quả") is paid before the result is handed over,
 * at the desk or by online download. A refusal costs nothing. The post is not guarded: the postal operator collects
 * on delivery, and a delivery the operator reports is never refused.
 */
export async function requireFeePaidOnReturn(trx: Trx, d: DossierRow, now: Date): Promise<void> {
  const charge = await ensureCharge(trx, d, now);
  if (!charge || charge.moment !== 'result') return;
  if (await paidPaymentOf(trx, charge.id)) return;
  const result = await findCurrentResult(trx, d.id);
  if (result?.kind === 'refused') return;
  throw new AppError('FEE_UNPAID', { amount: charge.amount });
}

/**
 * Charges the agency's dossiers submitted before `before` that no one has looked at yet (charges are otherwise created
 * on first use), so a reconciliation's "outstanding" counts every dossier that owes. The fees are read once per
 * catalogue version; each charge dates from the dossier's submission. Closed dossiers owe nothing.
 */
export async function chargeUncharged(db: Kysely<Database>, agencyId: string, before: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const uncharged = (eb: ExpressionBuilder<Database, 'dossiers'>) =>
      eb.and([
        eb('dossiers.authority_agency_id', '=', agencyId),
        eb('dossiers.submitted_at', '<', before),
        eb('dossiers.status', 'not in', CLOSED),
        eb.not(
          eb.exists(
            eb.selectFrom('fee_charges as c').select('c.id').whereRef('c.dossier_id', '=', 'dossiers.id'),
          ),
        ),
      ]);
    const versions = await trx
      .selectFrom('dossiers')
      .select(['procedure_version_id', sql<string>`(array_agg(id))[1]`.as('id')])
      .where(uncharged)
      .groupBy('procedure_version_id')
      .execute();
    for (const v of versions) {
      const facts = await dossierFeeFacts(trx, (await findDossier(trx, v.id))!);
      if (!facts) continue;
      await trx
        .insertInto('fee_charges')
        .columns(['dossier_id', 'agency_id', 'amount', 'moment', 'description', 'created_at'])
        .expression((eb) =>
          eb
            .selectFrom('dossiers')
            .select([
              'id',
              'authority_agency_id',
              sql<number>`${facts.amount}::bigint`.as('amount'),
              sql<string>`${facts.moment}::text`.as('moment'),
              sql<string>`${facts.description}::text`.as('description'),
              'submitted_at',
            ])
            .where('procedure_version_id', '=', v.procedure_version_id)
            .where(uncharged),
        )
        .onConflict((oc) => oc.column('dossier_id').doNothing())
        .execute();
    }
  });
}
