// Outage back-entry of later decisions (004 Đ7.3): a dossier already in the system was worked on paper while the
// system was down (assigned, appraised, approved, its result issued or returned). Afterwards each decision is entered
// at its original time through the same action as a live one — the same rules, the same person, deadlines counted
// from the original time — and its event carries `backEntry`. The audit row keeps the real time of the entry.
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { ZBackEntryDecisionRequest, type TBackEntryDecision } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit';
import type { IntakeCtx } from './dossier-context';
import { vnDateTime } from './dossier-notify';
import { findDossier, listEventFacts } from './dossiers.repo';
import { stepBack, stopDossier } from './processing-flow.service';
import {
  appraiseDossier,
  assignHandler,
  extendDeadline,
  forwardDossier,
  issueResult,
  requestProcessingSupplement,
  returnResult,
} from './processing.service';

type Trx = Transaction<Database>;
type Action = (trx: Trx, ctx: IntakeCtx, id: string, body: never) => Promise<unknown>;

const ACTIONS: Record<TBackEntryDecision, Action> = {
  assign: assignHandler,
  appraise: appraiseDossier,
  'request-supplement': requestProcessingSupplement,
  forward: forwardDossier,
  extend: extendDeadline,
  result: issueResult,
  return: returnResult,
  'step-back': stepBack,
  stop: stopDossier,
};

function refuse(vi: string, en: string): never {
  throw new AppError('BACK_ENTRY_REFUSED', { details: { vi, en } });
}

/** Takes `action` on dossier `id` at its original time `decidedAt`, inside a declared outage of the actor's agency. */
export async function backEnterDecision(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZBackEntryDecisionRequest>,
): Promise<void> {
  const input = ZBackEntryDecisionRequest.parse(raw);
  const agencyId = ctx.actor.agencyId;
  if (ctx.actor.kind !== 'staff' || !agencyId) throw new AppError('FORBIDDEN');
  const decidedAt = new Date(input.decidedAt);
  const outage = await trx
    .selectFrom('outage_windows')
    .selectAll()
    .where('id', '=', input.outageId)
    .executeTakeFirst();
  if (!outage || (outage.agency_id !== null && outage.agency_id !== agencyId))
    throw new AppError('NOT_FOUND', { what: { vi: 'đợt sự cố', en: 'Outage' } });
  if (decidedAt > ctx.now) refuse('thời điểm quyết định ở tương lai', 'the decision time is in the future');
  const window = `${vnDateTime(outage.starts_at)} – ${vnDateTime(outage.ends_at)}`;
  if (decidedAt < outage.starts_at || decidedAt > outage.ends_at)
    refuse(
      `thời điểm quyết định ngoài thời gian sự cố đã khai báo (${window})`,
      `the decision time is outside the declared outage (${window})`,
    );
  // The timeline stays in order: a decision cannot predate what the dossier already records.
  const d = await findDossier(trx, id);
  const last = d ? (await listEventFacts(trx, d.id)).at(-1) : undefined;
  if (last && new Date(last.at) > decidedAt)
    refuse(
      `hồ sơ đã có diễn biến lúc ${vnDateTime(new Date(last.at))}, sau thời điểm quyết định; nhập các quyết định theo thứ tự thời gian`,
      `the dossier already records an event at ${vnDateTime(new Date(last.at))}, after the decision time; enter decisions in the order taken`,
    );
  const backEntry = { outageId: outage.id, enteredAt: ctx.now.toISOString(), enteredBy: ctx.actor.name };
  await ACTIONS[input.action](
    trx,
    { ...ctx, now: decidedAt, eventMark: { backEntry } },
    id,
    input.body as never,
  );
  await appendAudit(trx, ctx.audit, {
    action: 'dossier.back_enter_decision',
    target: { type: 'dossier', id },
    details: { outageId: outage.id, action: input.action, decidedAt: decidedAt.toISOString() },
  });
}
