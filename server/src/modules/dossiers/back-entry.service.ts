// Outage back-entry (004 Đ7.3): while the system was down the desk worked on paper; afterwards an authorised officer
// enters those dossiers with their original times. They pass through the same intake and acceptance as any paper
// dossier, at the original instants — so the code is of the original day (taken in order from the day's counter) and
// the deadline counts from the original receipt — and every event they record carries `backEntry` in its data.
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { vnDay, vnInstant, ZBackEntryQuery, ZBackEntryRequest, type TBackEntry } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit';
import { codeDate } from './dossier-code';
import type { IntakeCtx } from './dossier-context';
import { registerDossier } from './dossier-intake.service';
import { vnDateTime } from './dossier-notify';
import { acceptDossier } from './dossier-reception.service';
import { findDossier } from './dossiers.repo';

type Trx = Transaction<Database>;
const DAY = 86_400_000;

function refuse(vi: string, en: string): never {
  throw new AppError('BACK_ENTRY_REFUSED', { details: { vi, en } });
}

/** Registers and accepts a paper dossier of a declared outage at its original times; returns its id. */
export async function backEnterDossier(trx: Trx, ctx: IntakeCtx, raw: z.input<typeof ZBackEntryRequest>) {
  const input = ZBackEntryRequest.parse(raw);
  const agencyId = ctx.actor.agencyId;
  if (ctx.actor.kind !== 'staff' || !ctx.actor.roles.includes('reception_officer') || !agencyId)
    throw new AppError('FORBIDDEN');
  const receivedAt = new Date(input.receivedAt);
  const acceptedAt = input.acceptedAt ? new Date(input.acceptedAt) : receivedAt;
  const outage = await trx
    .selectFrom('outage_windows')
    .selectAll()
    .where('id', '=', input.outageId)
    .executeTakeFirst();
  if (!outage || (outage.agency_id !== null && outage.agency_id !== agencyId))
    throw new AppError('NOT_FOUND', { what: { vi: 'đợt sự cố', en: 'Outage' } });
  if (receivedAt > ctx.now || acceptedAt > ctx.now)
    refuse('thời điểm tiếp nhận ở tương lai', 'the receipt time is in the future');
  const window = `${vnDateTime(outage.starts_at)} – ${vnDateTime(outage.ends_at)}`;
  if (receivedAt < outage.starts_at || receivedAt > outage.ends_at)
    refuse(
      `thời điểm tiếp nhận ngoài thời gian sự cố đã khai báo (${window})`,
      `the receipt time is outside the declared outage (${window})`,
    );
  if (acceptedAt < receivedAt || acceptedAt > outage.ends_at)
    refuse(
      `thời điểm quyết định tiếp nhận phải từ lúc nhận hồ sơ đến hết thời gian sự cố (${window})`,
      `the acceptance time must be between the receipt and the end of the outage (${window})`,
    );
  // Codes of a day are taken in order: a later dossier of the same day already entered would take the number first.
  const dayEnd = new Date(vnInstant(vnDay(acceptedAt)).getTime() + DAY);
  const later = await trx
    .selectFrom('back_entries as b')
    .innerJoin('dossiers as d', 'd.id', 'b.dossier_id')
    .select(['d.code', 'd.received_at'])
    .where('b.agency_id', '=', agencyId)
    .where('d.received_at', '>', acceptedAt)
    .where('d.received_at', '<', dayEnd)
    .orderBy('d.received_at')
    .executeTakeFirst();
  if (later?.received_at && codeDate(later.received_at) === codeDate(acceptedAt))
    refuse(
      `hồ sơ nhận sau trong cùng ngày đã được nhập bù (${later.code ?? ''}); nhập các hồ sơ theo thứ tự thời gian nhận`,
      `a dossier received later that day was already entered (${later.code ?? ''}); enter them in the order received`,
    );

  const backEntry = {
    outageId: outage.id,
    enteredAt: ctx.now.toISOString(),
    enteredBy: ctx.actor.name,
  };
  // The audit keeps the real time of the entry; the events take the original ones.
  const at = (now: Date): IntakeCtx => ({ ...ctx, now, eventMark: { backEntry } });
  const id = await registerDossier(trx, at(receivedAt), input.dossier);
  const registered = (await findDossier(trx, id))!;
  await acceptDossier(trx, at(acceptedAt), id, { expectedVersion: registered.version });
  await trx
    .insertInto('back_entries')
    .values({
      dossier_id: id,
      outage_id: outage.id,
      agency_id: agencyId,
      received_at: receivedAt,
      entered_at: ctx.now,
      entered_by: ctx.actor.userId,
      entered_by_name: ctx.actor.name,
    })
    .execute();
  await appendAudit(trx, ctx.audit, {
    action: 'dossier.back_enter',
    target: { type: 'dossier', id },
    details: {
      outageId: outage.id,
      receivedAt: receivedAt.toISOString(),
      acceptedAt: acceptedAt.toISOString(),
    },
  });
  return id;
}

/** Back-entered dossiers of the actor's agency (all agencies for a system admin), for reports. */
export async function listBackEntries(
  q: Trx | Kysely<Database>,
  agencyId: string | null,
  raw: z.input<typeof ZBackEntryQuery>,
): Promise<TBackEntry[]> {
  const query = ZBackEntryQuery.parse(raw);
  let s = q
    .selectFrom('back_entries as b')
    .innerJoin('dossiers as d', 'd.id', 'b.dossier_id')
    .select(['b.dossier_id', 'd.code', 'b.outage_id', 'b.received_at', 'b.entered_at', 'b.entered_by_name'])
    .orderBy('b.received_at')
    .limit(1000);
  if (agencyId) s = s.where('b.agency_id', '=', agencyId);
  if (query.outageId) s = s.where('b.outage_id', '=', query.outageId);
  if (query.from) s = s.where('b.received_at', '>=', new Date(query.from));
  if (query.to) s = s.where('b.received_at', '<', new Date(query.to));
  const rows = await s.execute();
  return rows.map((r) => ({
    dossierId: r.dossier_id,
    code: r.code,
    outageId: r.outage_id,
    receivedAt: r.received_at.toISOString(),
    enteredAt: r.entered_at.toISOString(),
    enteredBy: r.entered_by_name,
  }));
}
