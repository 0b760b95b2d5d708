import type { Transaction } from 'kysely';
import type { TDossierEventType, TDossierStatus } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { appendAudit } from '../audit/audit.service';
import { eventActor, guard, nextStatus, type IntakeCtx } from './dossier-context';
import { authorize } from './dossiers.policy';
import { appendEvent, findDossier, type DossierRow } from './dossiers.repo';

type Trx = Transaction<Database>;
type EventFacts = { reason?: string | null; data?: Record<string, unknown> };

/** What one action does besides moving the status; built by the action once the move is known to be allowed. */
export type ActionPlan = {
  /** Columns changed with the status, under the version guard. */
  set?: Omit<Parameters<typeof guard>[3], 'status'>;
  /** The event's reason and data; a function when they depend on what is decided after winning (the code). */
  event?: EventFacts | (() => Promise<EventFacts>);
  /** Work on the updated dossier before the audit row: attachments, forms. */
  effects?: (row: DossierRow) => Promise<void>;
  audit: { action: string; details?: Record<string, unknown> };
  /** Work after the audit row: notifications, handover (which audits itself). */
  afterAudit?: (row: DossierRow) => Promise<void>;
};

/** The applicant's own actions (policy `amend`, always online); every other action is a reception decision. */
const APPLICANT_EVENTS = new Set<TDossierEventType>(['amended', 'withdrawn', 'supplement_submitted']);

/**
 * The one pipeline of every applicant and reception action, in the caller's transaction: load the dossier the actor
 * may act on (someone else's answers 404), check the move from its status and the expected version (409), let the
 * action plan its changes, then the version-guarded update, the event, the effects and the audit row.
 */
export async function applyDossierAction(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  event: TDossierEventType,
  expectedVersion: number,
  patch: (d: DossierRow, status: TDossierStatus) => ActionPlan | Promise<ActionPlan>,
): Promise<DossierRow> {
  const byApplicant = APPLICANT_EVENTS.has(event);
  const d = authorize(ctx.actor, byApplicant ? 'amend' : 'decide', await findDossier(trx, id));
  const status = nextStatus(d, event, expectedVersion);
  const plan = await patch(d, status);
  // The version guard first: the loser of two concurrent decisions stops here, before anything else is written.
  await guard(trx, d, expectedVersion, { status, ...plan.set });
  const facts = typeof plan.event === 'function' ? await plan.event() : (plan.event ?? {});
  await appendEvent(trx, d.id, {
    type: event,
    at: ctx.now,
    ...eventActor(ctx),
    channel: byApplicant ? 'online' : d.channel,
    reason: facts.reason ?? null,
    data: facts.data ?? {},
  });
  const row = (await findDossier(trx, d.id))!;
  await plan.effects?.(row);
  await appendAudit(trx, ctx.audit, {
    action: plan.audit.action,
    target: { type: 'dossier', id },
    ...(plan.audit.details ? { details: plan.audit.details } : {}),
  });
  await plan.afterAudit?.(row);
  return row;
}
