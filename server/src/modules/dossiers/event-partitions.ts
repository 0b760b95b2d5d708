// Monthly partitions of dossier_events (migration 20261206_5001, ADR 0029): list them, create the coming months
// ahead (the daily `dossiers.partitions` job and `motcua partitions ensure`), and detach an old month to the `archive`
// schema for archive storage (`motcua partitions detach`). Months are Vietnam months (+07).
import { sql } from 'kysely';
import { vnInstant } from '@motcua/contracts';
import type { Db, Kdb } from '../../db/client';
import { enqueue, type JobHandler } from '../../jobs/queue';

export const PARTITIONS_JOB = 'dossiers.partitions';
export const MONTHS_AHEAD = 3;
const VN_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** 'YYYY-MM' of an instant in Vietnam time. */
export const monthOf = (at: Date) => new Date(at.getTime() + VN_MS).toISOString().slice(0, 7);
const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
};
const startOf = (month: string) => vnInstant(`${month}-01`);
const nameOf = (month: string) => `dossier_events_${month.replace('-', '_')}`;

export type PartitionInfo = {
  name: string;
  /** 'YYYY-MM', or null for the default partition (rows outside every month). */
  month: string | null;
  /** Planner's estimate (pg_class.reltuples); -1 before the first ANALYZE. */
  rowsEstimate: number;
};

export async function listPartitions(q: Kdb): Promise<PartitionInfo[]> {
  const { rows } = await sql<{ name: string; bound: string; reltuples: number }>`
    SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound, c.reltuples
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'dossier_events'::regclass
     ORDER BY c.relname`.execute(q);
  return rows.map((r) => ({
    name: r.name,
    month: r.bound === 'DEFAULT' ? null : r.name.replace(/^dossier_events_(\d{4})_(\d{2})$/, '$1-$2'),
    rowsEstimate: Number(r.reltuples),
  }));
}

export type EnsureResult = { created: string[]; blocked: string[] };

/**
 * Creates the partitions from `from` (default: this month; earlier for history about to be loaded) to `ahead` months
 * after this one that do not exist. A month whose rows already sit in the default partition is left there (creating
 * it would have to move them) and reported as blocked.
 */
export async function ensurePartitions(
  db: Db,
  now: Date,
  ahead = MONTHS_AHEAD,
  from = monthOf(now),
): Promise<EnsureResult> {
  const have = new Set((await listPartitions(db.kysely)).map((p) => p.name));
  const result: EnsureResult = { created: [], blocked: [] };
  const last = addMonths(monthOf(now), ahead);
  for (let month = from < last ? from : last; month <= last; month = addMonths(month, 1)) {
    const name = nameOf(month);
    if (have.has(name)) continue;
    const [from, to] = [startOf(month), startOf(addMonths(month, 1))];
    const made = await db.kysely.transaction().execute(async (trx) => {
      const { rows } = await sql<{ any: boolean }>`
        SELECT EXISTS (SELECT 1 FROM dossier_events_default WHERE at >= ${from} AND at < ${to}) AS any`.execute(
        trx,
      );
      if (rows[0]?.any) return false;
      await sql`CREATE TABLE IF NOT EXISTS ${sql.table(name)} PARTITION OF dossier_events
        FOR VALUES FROM (${sql.lit(from.toISOString())}) TO (${sql.lit(to.toISOString())})`.execute(trx);
      return true;
    });
    (made ? result.created : result.blocked).push(name);
  }
  return result;
}

export type DetachRefusal = 'not_found' | 'not_past' | 'open_dossiers';

/**
 * Detaches a past month into the `archive` schema (then `pg_dump -t archive.<name>` to archive storage, and drop it).
 * Refused for this month or later, and while any dossier with an event in that month is not closed: the month's
 * events leave every timeline and replay, so only finished dossiers may lose them.
 */
export async function detachPartition(
  db: Db,
  month: string,
  now: Date,
): Promise<{ detached: string } | { refused: DetachRefusal }> {
  const name = nameOf(month);
  if (!(await listPartitions(db.kysely)).some((p) => p.name === name)) return { refused: 'not_found' };
  if (month >= monthOf(now)) return { refused: 'not_past' };
  return db.kysely.transaction().execute(async (trx) => {
    const { rows } = await sql<{ open: boolean }>`
      SELECT EXISTS (SELECT 1 FROM ${sql.table(name)} e JOIN dossiers d ON d.id = e.dossier_id
                      WHERE d.closed_at IS NULL) AS open`.execute(trx);
    if (rows[0]?.open) return { refused: 'open_dossiers' as const };
    await sql`ALTER TABLE dossier_events DETACH PARTITION ${sql.table(name)}`.execute(trx);
    await sql`CREATE SCHEMA IF NOT EXISTS archive`.execute(trx);
    await sql`ALTER TABLE ${sql.table(name)} SET SCHEMA archive`.execute(trx);
    return { detached: `archive.${name}` };
  });
}

/** Daily at 01:00 Vietnam time; every process schedules the same run (deduplicated). */
export function nextPartitionsRun(now: Date): Date {
  const vnDay = Math.floor((now.getTime() + VN_MS) / DAY_MS) * DAY_MS;
  const run = vnDay + 3_600_000 - VN_MS;
  return new Date(run > now.getTime() ? run : run + DAY_MS);
}

export async function schedulePartitions(db: Db, now: Date): Promise<void> {
  const runAt = nextPartitionsRun(now);
  await enqueue(
    db.kysely,
    PARTITIONS_JOB,
    {},
    { runAt, dedupeKey: `${PARTITIONS_JOB}@${runAt.toISOString()}` },
  );
}

export const partitionsJob: JobHandler = async (_payload, { db, now, log }) => {
  const r = await ensurePartitions(db, now);
  if (r.created.length || r.blocked.length) log.info(r, 'dossier_events partitions');
  await schedulePartitions(db, now);
};
