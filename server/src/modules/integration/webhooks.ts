import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { TDossierEventType } from '@motcua/contracts';
import { WEBHOOK_EVENTS, type TWebhookEvent } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { FeedbackAnswered } from '../feedback';
import { enqueue, type JobHandler } from '../../jobs/queue';
import type { DossierSnapshot } from './portal-message';
import type { FeedEvent } from './portal-snapshot.repo';
import { signedHeaders } from './signing';

/**
 * Webhooks (ADR 0027): subscribers choose events; the collector (portal-outbox.ts) writes one delivery per
 * subscriber and event in its transaction; the delivery job POSTs the JSON signed with the subscriber's secret and a
 * timestamp (signing.ts), retried with backoff, every attempt logged on the delivery row; an admin may replay any.
 */
export const WEBHOOK_JOB = 'integration.webhook-deliver';
export const WEBHOOK_MAX_ATTEMPTS = 8;

/** Which dossier events raise which webhook event. `feedback.answered` comes from the feedback module's hook. */
const EVENT_OF: Partial<Record<TDossierEventType, TWebhookEvent>> = {
  submitted: 'dossier.submitted',
  registered: 'dossier.submitted',
  received: 'dossier.received',
  handed_over: 'dossier.step_changed',
  forwarded: 'dossier.step_changed',
  stepped_back: 'dossier.step_changed',
  result_issued: 'dossier.result_ready',
  result_returned: 'dossier.returned',
};

export function webhookEventOf(type: TDossierEventType): TWebhookEvent | undefined {
  return EVENT_OF[type];
}

export const isWebhookEvent = (s: string): s is TWebhookEvent =>
  (WEBHOOK_EVENTS as readonly string[]).includes(s);

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

const subscribersOf = (trx: Transaction<Database>, event: TWebhookEvent) =>
  trx
    .selectFrom('webhook_subscriptions')
    .select('id')
    .where('active', '=', true)
    .where(sql<boolean>`${event} = ANY(events)`)
    .execute();

/** Writes the deliveries one dossier event causes (in the collector's transaction). */
export async function fanOutWebhooks(
  trx: Transaction<Database>,
  e: FeedEvent,
  snap: DossierSnapshot,
  now: Date,
): Promise<void> {
  const event = webhookEventOf(e.type);
  if (!event) return;
  const subs = await subscribersOf(trx, event);
  const body = {
    event,
    occurredAt: e.at.toISOString(),
    dossier: {
      id: snap.id,
      code: snap.code,
      procedureCode: snap.procedureCode,
      status: snap.status,
      eventSeq: e.seq,
      appointmentAt: snap.appointmentAt?.toISOString() ?? null,
    },
  };
  await queueDeliveries(
    trx,
    subs.map((s) => s.id),
    event,
    snap.id,
    body,
    now,
  );
}

/** Listener on the feedback module (`onFeedbackAnswered`): one delivery per subscriber, in the answer's transaction. */
export async function feedbackAnsweredWebhook(
  trx: Transaction<Database>,
  f: FeedbackAnswered,
): Promise<void> {
  const event: TWebhookEvent = 'feedback.answered';
  const subs = await subscribersOf(trx, event);
  const body = {
    event,
    occurredAt: f.answeredAt.toISOString(),
    feedback: {
      id: f.id,
      reference: f.reference,
      kind: f.kind,
      agencyId: f.agencyId,
      dossierCode: f.dossierCode,
    },
  };
  await queueDeliveries(
    trx,
    subs.map((s) => s.id),
    event,
    null,
    body,
    f.answeredAt,
  );
}

export async function queueDeliveries(
  trx: Transaction<Database>,
  subscriptionIds: string[],
  event: string,
  dossierId: string | null,
  body: Record<string, unknown>,
  now: Date,
): Promise<void> {
  for (const subscriptionId of subscriptionIds) {
    const d = await trx
      .insertInto('webhook_deliveries')
      .values({
        subscription_id: subscriptionId,
        event,
        dossier_id: dossierId,
        body: JSON.stringify(body),
        last_status: null,
        last_error: null,
        created_at: now,
        delivered_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueue(trx, WEBHOOK_JOB, { deliveryId: d.id }, { runAt: now, maxAttempts: WEBHOOK_MAX_ATTEMPTS });
  }
}

export const webhookDeliverJob: JobHandler = async (payload, ctx) => {
  const id = String(payload.deliveryId);
  const db = ctx.db.kysely;
  const d = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
    .select(['d.id', 'd.status', 'd.body', 'd.event', 's.url', 's.secret', 's.active'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!d || d.status !== 'pending' || !d.active) return;
  const body = JSON.stringify({ deliveryId: d.id, ...(d.body as object) });
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      headers: { ...signedHeaders(d.secret, ctx.now, body), 'x-webhook-event': d.event },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    status = res.status;
    if (!res.ok) error = `subscriber answered ${res.status}`;
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  }
  const final = ctx.attempt >= WEBHOOK_MAX_ATTEMPTS;
  await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_status: status,
      last_error: error?.slice(0, 1000) ?? null,
      status: error ? (final ? 'dead' : 'pending') : 'delivered',
      delivered_at: error ? null : ctx.now,
    }))
    .where('id', '=', id)
    .execute();
  if (error) throw new Error(error);
};

/** Admin: send a delivery again, whatever became of it (the subscriber dedupes by deliveryId). */
export async function replayDelivery(trx: Transaction<Database>, id: string, now: Date): Promise<boolean> {
  const done = await trx
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', last_error: null })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) return false;
  await enqueue(
    trx,
    WEBHOOK_JOB,
    { deliveryId: id },
    { runAt: now, maxAttempts: WEBHOOK_MAX_ATTEMPTS, dedupeKey: `${WEBHOOK_JOB}:${id}@${now.toISOString()}` },
  );
  return true;
}
