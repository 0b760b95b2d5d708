import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { PAYMENT_CHANNELS, type TReconciliation, vnInstant } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { instant } from '../dossiers';
import { chargeUncharged } from './payments.service';
import { findAgency } from '../organisation';
import { AppError } from '../../http/errors';

const AGENCY_WHAT = { vi: 'cơ quan', en: 'Agency' };

/** First instant of a quarter in Việt Nam time (UTC+7, no DST). */
export function quarterBounds(year: number, quarter: number): { from: Date; to: Date } {
  const start = (y: number, m: number) => vnInstant(`${y}-${String(m).padStart(2, '0')}-01`);
  const m = (quarter - 1) * 3 + 1;
  return { from: start(year, m), to: quarter === 4 ? start(year + 1, 1) : start(year, m + 3) };
}

/**
 * Reconciliation of one agency's fees for one quarter (SPEC §7): what each channel collected (paid in the quarter),
 * what was refunded in the quarter, and what was owed and still unpaid at the quarter's end.
 */
export async function reconcile(
  db: Kysely<Database>,
  agencyId: string,
  year: number,
  quarter: number,
): Promise<TReconciliation> {
  const { from, to } = quarterBounds(year, quarter);
  await chargeUncharged(db, agencyId, to);
  const agency = await findAgency(db, agencyId);
  if (!agency) throw new AppError('NOT_FOUND', { what: AGENCY_WHAT });
  const paid = await db
    .selectFrom('payments as p')
    .leftJoin('dossiers as d', 'd.id', 'p.dossier_id')
    .leftJoin('payment_refunds as r', 'r.payment_id', 'p.id')
    .select([
      'p.paid_at',
      'p.receipt_no',
      'd.code',
      'p.channel',
      'p.amount',
      'p.reference',
      'r.id as refund_id',
    ])
    .where('p.agency_id', '=', agencyId)
    .where('p.status', '=', 'paid')
    .where('p.paid_at', '>=', from)
    .where('p.paid_at', '<', to)
    .orderBy('p.paid_at')
    .orderBy('p.id')
    .execute();
  const refunds = await db
    .selectFrom('payment_refunds')
    .select(['amount'])
    .where('agency_id', '=', agencyId)
    .where('refunded_at', '>=', from)
    .where('refunded_at', '<', to)
    .execute();
  const owed = await db
    .selectFrom('fee_charges as c')
    .select(['c.amount'])
    .where('c.agency_id', '=', agencyId)
    .where('c.created_at', '<', to)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('payments as p')
            .select('p.id')
            .whereRef('p.charge_id', '=', 'c.id')
            .where('p.status', '=', 'paid')
            .where('p.paid_at', '<', to),
        ),
      ),
    )
    .execute();
  const sum = (rows: { amount: number }[]) => rows.reduce((s, r) => s + r.amount, 0);
  const collected = PAYMENT_CHANNELS.map((channel) => {
    const rows = paid.filter((p) => p.channel === channel);
    return { channel, count: rows.length, amount: sum(rows) };
  });
  return {
    agencyId,
    agencyName: agency.name,
    year,
    quarter,
    from: instant(from),
    to: instant(to),
    collected,
    collectedTotal: sum(paid),
    refunded: { count: refunds.length, amount: sum(refunds) },
    outstanding: { count: owed.length, amount: sum(owed) },
    payments: paid.map((p) => ({
      paidAt: instant(p.paid_at!),
      receiptNo: p.receipt_no,
      dossierCode: p.code,
      channel: p.channel,
      amount: p.amount,
      reference: p.reference,
      refunded: p.refund_id !== null,
    })),
  };
}

export type WorkbookLabels = {
  title: string;
  channels: Record<(typeof PAYMENT_CHANNELS)[number], string>;
  headers: { channel: string; count: string; amount: string };
  total: string;
  refunded: string;
  outstanding: string;
  detail: string[];
  yes: string;
};

/** The reconciliation as a workbook: the summary sheet, then one row per payment. */
export async function reconciliationXlsx(r: TReconciliation, l: WorkbookLabels): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Một Cửa';
  const ws = wb.addWorksheet('Doi soat');
  ws.addRow([`${l.title} – ${r.agencyName} – Q${r.quarter}/${r.year}`]).font = { bold: true };
  ws.addRow([]);
  ws.addRow([l.headers.channel, l.headers.count, l.headers.amount]).font = { bold: true };
  for (const c of r.collected) ws.addRow([l.channels[c.channel], c.count, c.amount]);
  ws.addRow([l.total, r.collected.reduce((s, c) => s + c.count, 0), r.collectedTotal]).font = { bold: true };
  ws.addRow([l.refunded, r.refunded.count, r.refunded.amount]);
  ws.addRow([l.outstanding, r.outstanding.count, r.outstanding.amount]);
  ws.getColumn(1).width = 40;
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 18;
  ws.getColumn(3).numFmt = '#,##0';
  const detail = wb.addWorksheet('Chi tiet');
  detail.addRow(l.detail).font = { bold: true };
  for (const p of r.payments)
    detail.addRow([
      p.paidAt,
      p.receiptNo,
      p.dossierCode,
      l.channels[p.channel],
      p.amount,
      p.reference,
      p.refunded ? l.yes : '',
    ]);
  detail.columns.forEach((c) => (c.width = 22));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
