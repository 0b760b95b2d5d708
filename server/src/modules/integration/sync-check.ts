import { randomUUID } from 'node:crypto';
import type { TSyncReport } from '@motcua/contracts';
import type { Db } from '../../db/client';
import { enqueue, type JobHandler } from '../../jobs/queue';
import { currentPortalTarget, queryPortal, type PortalTarget } from './portal-client';
import { differences, portalDossier, portalMessage, type FieldDifference } from './portal-message';
import { queuePortalMessage, sendPortalMessage } from './portal-outbox';
import { dossiersActiveIn, dossierSnapshots } from './portal-snapshot.repo';

/**
 * The consistency check (ADR 0027): for the dossiers with an event in a period, our state against the national
 * portal's, field by field. Repair re-sends the current state of each divergent dossier as a `repair` message
 * through the outbox (sent at once; on failure the queue retries it), then checks again, up to
 * {@link REPAIR_ROUNDS} rounds. The report lists every divergent dossier with what differed and whether it was
 * repaired; it is kept in `sync_reports`.
 */
export const REPAIR_ROUNDS = 5;
export const SYNC_CHECK_JOB = 'integration.sync-check';
const DAY_MS = 86_400_000;

type Divergence = { dossierId: string; code: string | null; differences: FieldDifference[] };

async function compare(db: Db, t: PortalTarget, ids: string[], now: Date) {
  const local = await dossierSnapshots(db.kysely, ids);
  const remote = await queryPortal(t, [...local.keys()], now);
  const out: Divergence[] = [];
  for (const [id, snap] of local) {
    const diff = differences(portalDossier(snap), remote.get(id) ?? null);
    if (diff.length) out.push({ dossierId: id, code: snap.code, differences: diff });
  }
  return { local, divergent: out };
}

export async function checkSync(
  db: Db,
  input: { from: Date; to: Date; repair: boolean },
  now: Date,
  t: PortalTarget = currentPortalTarget(),
): Promise<TSyncReport> {
  const ids = await dossiersActiveIn(db.kysely, input.from, input.to);
  const first = await compare(db, t, ids, now);
  const repaired = new Set<string>();
  let remaining = first.divergent;
  for (let round = 0; input.repair && remaining.length > 0 && round < REPAIR_ROUNDS; round++) {
    const snaps = await dossierSnapshots(
      db.kysely,
      remaining.map((d) => d.dossierId),
    );
    const messageIds = await db.kysely.transaction().execute(async (trx) => {
      const made: string[] = [];
      for (const snap of snaps.values())
        made.push(
          await queuePortalMessage(trx, portalMessage(randomUUID(), snap, null), 'repair', null, now),
        );
      return made;
    });
    for (const id of messageIds) await sendPortalMessage(db, t, id, now, false);
    const again = await compare(
      db,
      t,
      remaining.map((d) => d.dossierId),
      now,
    );
    const still = new Set(again.divergent.map((d) => d.dossierId));
    for (const d of remaining) if (!still.has(d.dossierId)) repaired.add(d.dossierId);
    remaining = again.divergent;
  }
  const items = first.divergent.map((d) => ({ ...d, repaired: repaired.has(d.dossierId) }));
  const row = await db.kysely
    .insertInto('sync_reports')
    .values({
      id: randomUUID(),
      period_from: input.from,
      period_to: input.to,
      checked_at: now,
      checked: first.local.size,
      divergent: first.divergent.length,
      repaired: repaired.size,
      remaining: remaining.length,
      items: JSON.stringify(items),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    checkedAt: now.toISOString(),
    checked: first.local.size,
    divergent: first.divergent.length,
    repaired: repaired.size,
    remaining: remaining.length,
    items,
  };
}

/** Nightly: check and repair the last seven days, at 02:00 Vietnam time (19:00 UTC). */
export function nextSyncCheckRun(now: Date): Date {
  const at = new Date(now);
  at.setUTCHours(19, 0, 0, 0);
  if (at.getTime() <= now.getTime()) at.setTime(at.getTime() + DAY_MS);
  return at;
}

export async function scheduleSyncCheck(db: Db, now: Date): Promise<void> {
  const runAt = nextSyncCheckRun(now);
  await enqueue(
    db.kysely,
    SYNC_CHECK_JOB,
    {},
    { runAt, dedupeKey: `${SYNC_CHECK_JOB}@${runAt.toISOString()}` },
  );
}

export const syncCheckJob: JobHandler = async (_payload, { db, now, log }) => {
  const report = await checkSync(
    db,
    { from: new Date(now.getTime() - 7 * DAY_MS), to: now, repair: true },
    now,
  );
  log.info(
    { divergent: report.divergent, repaired: report.repaired, remaining: report.remaining },
    'sync check',
  );
  await scheduleSyncCheck(db, now);
};
