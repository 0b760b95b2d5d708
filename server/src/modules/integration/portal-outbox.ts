import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { TPortalSyncBacklog } from '@motcua/contracts';
import type { Db, Kdb } from '../../db/client';
import type { Database } from '../../db/schema';
import { enqueue, type JobHandler } from '../../jobs/queue';
import { currentPortalTarget, pushToPortal, type PortalTarget } from './portal-client';
import { portalMessage, type PortalMessage } from './portal-message';
import { dossierSnapshots, uncollectedEvents } from './portal-snapshot.repo';
import { fanOutWebhooks } from './webhooks';

/**
 * The outbox towards the national portal (ADR 0027). A scheduled collector takes every dossier event not yet taken
 * (integration_feed), and in one transaction writes a portal message for it, enqueues its send job and the webhook
 * deliveries it causes: nothing is sent for an event that was not collected, nothing collected is lost. The send
 * job is retried with the queue's backoff; after the last attempt the message is a dead letter an admin can re-send.
 */
export const COLLECT_JOB = 'integration.collect';
export const PORTAL_SEND_JOB = 'integration.portal-send';
export const COLLECT_EVERY_MS = 60_000;
export const PORTAL_MAX_ATTEMPTS = 12;
const BATCH = 500;

/** Collects one batch; returns how many events it took. */
export async function collectEvents(db: Db, now: Date): Promise<number> {
  return db.kysely.transaction().execute(async (trx) => {
    const events = await uncollectedEvents(trx, BATCH);
    if (events.length === 0) return 0;
    const claimed = await trx
      .insertInto('integration_feed')
      .values(events.map((e) => ({ event_id: e.id, collected_at: now })))
      .onConflict((oc) => oc.column('event_id').doNothing())
      .returning('event_id')
      .execute();
    const mine = new Set(claimed.map((c) => Number(c.event_id)));
    const snapshots = await dossierSnapshots(trx, [...new Set(events.map((e) => e.dossierId))]);
    for (const e of events) {
      const snap = snapshots.get(e.dossierId);
      if (!mine.has(e.id) || !snap) continue;
      await queuePortalMessage(trx, portalMessage(randomUUID(), snap, e), 'event', e.id, now);
      await fanOutWebhooks(trx, e, snap, now);
    }
    return events.length;
  });
}

export async function queuePortalMessage(
  trx: Transaction<Database>,
  m: PortalMessage,
  kind: 'event' | 'repair',
  eventId: number | null,
  now: Date,
): Promise<string> {
  await trx
    .insertInto('portal_messages')
    .values({
      id: m.MaThongDiep,
      dossier_id: m.HoSo.IdHoSoDiaPhuong,
      event_id: eventId,
      seq: m.HoSo.SoThuTuSuKien,
      kind,
      body: JSON.stringify(m),
      last_error: null,
      created_at: now,
      sent_at: null,
    })
    .execute();
  await enqueue(
    trx,
    PORTAL_SEND_JOB,
    { messageId: m.MaThongDiep },
    { runAt: now, maxAttempts: PORTAL_MAX_ATTEMPTS, dedupeKey: `${PORTAL_SEND_JOB}:${m.MaThongDiep}` },
  );
  return m.MaThongDiep;
}

/**
 * Sends one message now and records the outcome. Returns true when the portal took it. `final` marks the message
 * dead when this attempt fails (the job's last attempt).
 */
export async function sendPortalMessage(
  db: Db,
  t: PortalTarget,
  id: string,
  now: Date,
  final: boolean,
): Promise<{ sent: boolean; error?: string }> {
  const m = await db.kysely.selectFrom('portal_messages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m || m.status !== 'pending') return { sent: m?.status === 'sent' };
  try {
    await pushToPortal(t, m.body as unknown as PortalMessage, now);
    await db.kysely
      .updateTable('portal_messages')
      .set((eb) => ({ status: 'sent', sent_at: now, last_error: null, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .execute();
    return { sent: true };
  } catch (err) {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
    await db.kysely
      .updateTable('portal_messages')
      .set((eb) => ({
        status: final ? 'dead' : 'pending',
        last_error: error,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    return { sent: false, error };
  }
}

export const portalSendJob: JobHandler = async (payload, ctx) => {
  const id = String(payload.messageId);
  const final = ctx.attempt >= PORTAL_MAX_ATTEMPTS;
  const r = await sendPortalMessage(ctx.db, currentPortalTarget(), id, ctx.now, final);
  if (!r.sent && r.error) throw new Error(r.error);
};

/** Puts a dead letter back in the queue (admin), due at once. */
export async function resendDeadLetter(trx: Transaction<Database>, id: string, now: Date): Promise<boolean> {
  const done = await trx
    .updateTable('portal_messages')
    .set({ status: 'pending', attempts: 0, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) return false;
  await enqueue(
    trx,
    PORTAL_SEND_JOB,
    { messageId: id },
    {
      runAt: now,
      maxAttempts: PORTAL_MAX_ATTEMPTS,
      dedupeKey: `${PORTAL_SEND_JOB}:${id}@${now.toISOString()}`,
    },
  );
  return true;
}

/** Messages the portal has not acknowledged, for the admin page (the /metrics gauges count the same rows). */
export async function portalSyncBacklog(k: Kdb): Promise<TPortalSyncBacklog> {
  const rows = await k
    .selectFrom('portal_messages')
    .select([
      'status',
      (eb) => eb.fn.countAll<string>().as('n'),
      (eb) => eb.fn.min('created_at').as('oldest'),
    ])
    .where('status', 'in', ['pending', 'dead'])
    .groupBy('status')
    .execute();
  const of = (s: string) => rows.find((r) => r.status === s);
  const oldest = rows
    .map((r) => (r.oldest ? new Date(r.oldest).getTime() : Infinity))
    .reduce((a, b) => Math.min(a, b), Infinity);
  return {
    pending: Number(of('pending')?.n ?? 0),
    dead: Number(of('dead')?.n ?? 0),
    oldestAt: oldest === Infinity ? null : new Date(oldest).toISOString(),
  };
}

export function nextCollectRun(now: Date): Date {
  return new Date((Math.floor(now.getTime() / COLLECT_EVERY_MS) + 1) * COLLECT_EVERY_MS);
}

export async function scheduleCollect(db: Db, now: Date): Promise<void> {
  const runAt = nextCollectRun(now);
  await enqueue(db.kysely, COLLECT_JOB, {}, { runAt, dedupeKey: `${COLLECT_JOB}@${runAt.toISOString()}` });
}

export const collectJob: JobHandler = async (_payload, { db, now }) => {
  while ((await collectEvents(db, now)) === BATCH);
  await scheduleCollect(db, now);
};
