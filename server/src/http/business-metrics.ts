import { sql } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../db/client';

/** Statuses in which the appointment clock runs (a supplement stops it), so overdue counts only these. */
const RUNNING = ['received', 'in_processing'];
const CACHE_MS = 5_000;

type Facts = {
  byStatus: { status: string; n: number }[];
  overdue: number;
  messagesPending: number;
  oldestJobSeconds: number;
  lastBackup: { kind: string; at: Date }[];
  portalBacklog: { status: string; n: number }[];
  portalOldestSeconds: number;
};

/**
 * Business gauges for /metrics (issue 18): dossiers by status, overdue dossiers, the notification backlog, the age
 * of the oldest due job, the national-portal sync backlog and the last backup of each kind. Counted from indexes and kept for five seconds, so
 * frequent scrapes by several Prometheus servers cost one set of queries per interval.
 */
export function registerBusinessGauges(registry: Registry, db: Db, now: () => Date): void {
  let cached: { at: number; facts: Promise<Facts> } | undefined;
  const facts = (): Promise<Facts> => {
    const t = now().getTime();
    if (!cached || t - cached.at >= CACHE_MS || t < cached.at) {
      cached = { at: t, facts: read(db, new Date(t)) };
      cached.facts.catch(() => (cached = undefined));
    }
    return cached.facts;
  };
  new Gauge({
    name: 'motcua_dossiers',
    help: 'Dossiers by status',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of (await facts()).byStatus) this.set({ status: r.status }, r.n);
    },
  });
  new Gauge({
    name: 'motcua_dossiers_overdue',
    help: 'Dossiers received and not finished whose appointment has passed',
    registers: [registry],
    async collect() {
      this.set((await facts()).overdue);
    },
  });
  new Gauge({
    name: 'motcua_messages_pending',
    help: 'Messages to applicants (e-mail, SMS) waiting to be delivered: the notification outbox backlog',
    registers: [registry],
    async collect() {
      this.set((await facts()).messagesPending);
    },
  });
  new Gauge({
    name: 'motcua_jobs_oldest_due_seconds',
    help: 'Age of the oldest pending job that is due (0 when none): a stalled worker shows here first',
    registers: [registry],
    async collect() {
      this.set((await facts()).oldestJobSeconds);
    },
  });
  new Gauge({
    name: 'motcua_portal_sync_backlog',
    help: 'Messages to the national portal not yet acknowledged by it, by status (pending: being retried; dead)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of (await facts()).portalBacklog) this.set({ status: r.status }, r.n);
    },
  });
  new Gauge({
    name: 'motcua_portal_sync_oldest_seconds',
    help: 'Age of the oldest message the national portal has not acknowledged (0 when none)',
    registers: [registry],
    async collect() {
      this.set((await facts()).portalOldestSeconds);
    },
  });
  new Gauge({
    name: 'motcua_backup_last_timestamp_seconds',
    help: 'When the last finished backup set of each kind was taken',
    labelNames: ['kind'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const b of (await facts()).lastBackup) this.set({ kind: b.kind }, b.at.getTime() / 1000);
    },
  });
}

async function read(db: Db, now: Date): Promise<Facts> {
  const k = db.kysely;
  const byStatus = await sql<{ status: string; n: number }>`
    SELECT status, count(*)::int AS n FROM dossiers GROUP BY status ORDER BY status`.execute(k);
  const overdue = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM dossiers
    WHERE status IN (${sql.join(RUNNING)}) AND appointment_at < ${now}`.execute(k);
  const messages = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM messages WHERE status = 'queued'`.execute(k);
  const oldest = await sql<{ run_at: Date | null }>`
    SELECT min(run_at) AS run_at FROM jobs WHERE status = 'pending' AND run_at <= ${now}`.execute(k);
  const backups = await sql<{ kind: string; at: Date }>`
    SELECT kind, max(created_at) AS at FROM backup_runs GROUP BY kind`.execute(k);
  // Both statuses always appear (0 when none), so an alert on the series never sees it vanish.
  const portal = await sql<{ status: string; n: number; oldest: Date | null }>`
    SELECT s.status, count(m.id)::int AS n, min(m.created_at) AS oldest
    FROM (VALUES ('pending'), ('dead')) AS s(status)
    LEFT JOIN portal_messages m ON m.status = s.status
    GROUP BY s.status ORDER BY s.status`.execute(k);
  const portalOldest = portal.rows.reduce<number | null>((min, r) => {
    const t = r.oldest ? new Date(r.oldest).getTime() : null;
    return t === null ? min : min === null ? t : Math.min(min, t);
  }, null);
  const first = oldest.rows[0]?.run_at;
  return {
    byStatus: byStatus.rows,
    overdue: overdue.rows[0]?.n ?? 0,
    messagesPending: messages.rows[0]?.n ?? 0,
    oldestJobSeconds: first ? Math.max(0, (now.getTime() - new Date(first).getTime()) / 1000) : 0,
    lastBackup: backups.rows.map((b) => ({ kind: b.kind, at: new Date(b.at) })),
    portalBacklog: portal.rows.map((r) => ({ status: r.status, n: r.n })),
    portalOldestSeconds: portalOldest === null ? 0 : Math.max(0, (now.getTime() - portalOldest) / 1000),
  };
}
