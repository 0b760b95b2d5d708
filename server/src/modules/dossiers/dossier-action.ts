import type { Transaction } from 'kysely';
import type { TDossierEventType, TDossierStatus } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import type { AuditActor } from '../audit';
import { appendAudit } from '../audit';
import { guard, nextStatus, notFound } from './dossier-context';
import { DOSSIER_EVENT_RULES } from './dossier-events';
import { authorize } from './dossiers.policy';
import { appendEvent, findDossier, type DossierRow, type NewEvent } from './dossiers.repo';

type Trx = Transaction<Database>;
type EventFacts = { reason?: string | null; data?: Record<string, unknown> };

/** The system acting on its own (a job, an automatic follow-up of another action). */
export type SystemActor = { kind: 'system'; name: string };

/** Who acts and when; every caller of the pipeline passes this (services pass their wider IntakeCtx). */
export type ActionCtx = {
  actor: Actor | SystemActor;
  audit: AuditActor;
  now: Date;
  /** Facts added to the data of every event this action records (e.g. `backEntry` for a dossier entered late). */
  eventMark?: Record<string, unknown>;
};

export function systemCtx(name: string, now: Date): ActionCtx {
  return { actor: { kind: 'system', name }, audit: { type: 'system', name, at: now }, now };
}

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

function eventActorOf(ctx: ActionCtx): Pick<NewEvent, 'actorType' | 'actorId' | 'actorName'> {
  const a = ctx.actor;
  if (a.kind === 'system') return { actorType: 'system', actorId: null, actorName: null };
  return { actorType: a.kind, actorId: a.userId, actorName: a.name };
}

/** The dossier the actor may cause `event` on, by the event's rule (DOSSIER_EVENT_RULES); else 403/404. */
async function loadForEvent(trx: Trx, ctx: ActionCtx, id: string, event: TDossierEventType) {
  const rule = DOSSIER_EVENT_RULES[event];
  const a = ctx.actor;
  if (!rule.actorKinds.includes(a.kind)) {
    if (a.kind === 'system') throw new Error(`The system cannot cause ${event}`);
    throw new AppError('FORBIDDEN');
  }
  const d = await findDossier(trx, id);
  if (a.kind === 'system') {
    if (!d) throw notFound();
    return d;
  }
  const permission =
    (a.kind === 'staff' ? rule.staffPermission : undefined) ??
    (d && rule.permissionIn?.[d.status]) ??
    rule.permission;
  if (permission === 'create' || permission === 'system') throw new AppError('FORBIDDEN');
  return authorize(a, permission, d);
}

/**
 * The one pipeline of every action on a dossier (applicant, desk, office or system), in the caller's transaction:
 * load the dossier the actor may act on by the event's rule (someone else's answers 404), check the move from its
 * status and the expected version (409), let the action plan its changes, then the version-guarded update, the
 * event, the effects and the audit row.
 */
export async function applyDossierAction(
  trx: Trx,
  ctx: ActionCtx,
  id: string,
  event: TDossierEventType,
  expectedVersion: number,
  patch: (d: DossierRow, status: TDossierStatus) => ActionPlan | Promise<ActionPlan>,
): Promise<DossierRow> {
  const d = await loadForEvent(trx, ctx, id, event);
  const status = nextStatus(d, event, expectedVersion);
  const plan = await patch(d, status);
  // The version guard first: the loser of two concurrent decisions stops here, before anything else is written.
  await guard(trx, d, expectedVersion, { status, ...plan.set });
  const facts = typeof plan.event === 'function' ? await plan.event() : (plan.event ?? {});
  // An applicant event recorded by the desk (a paper supplement) carries the dossier's own channel.
  const ruled = DOSSIER_EVENT_RULES[event].channel;
  const channel = ctx.actor.kind === 'staff' && ruled === 'online' ? 'dossier' : ruled;
  await appendEvent(trx, d.id, {
    type: event,
    at: ctx.now,
    ...eventActorOf(ctx),
    channel: channel === 'online' ? 'online' : channel === 'dossier' ? d.channel : null,
    reason: facts.reason ?? null,
    data: { ...facts.data, ...ctx.eventMark },
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
