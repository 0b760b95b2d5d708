import pg from 'pg';
import { openDb } from '../../server/src/db/client';
import { verifyAuditChain } from '../../server/src/modules/audit';
import {
  checkActions,
  checkCodes,
  checkHandovers,
  checkMessages,
  checkSubmissions,
  type EventRow,
} from './checks';
import type { Ledger } from './users';

/** Reads the database after the load and the drain, and runs every check: name → failures. */
export async function runChecks(url: string, ledger: Ledger, since: Date): Promise<Map<string, string[]>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const results = new Map<string, string[]>();
  try {
    const keys = await c.query<{ scope: string; key: string; id: string | null }>(
      `SELECT scope, key, response->>'id' AS id FROM idempotency_keys WHERE scope LIKE 'dossiers.submit:%'
         AND created_at >= $1`,
      [since],
    );
    const run = await c.query<{ id: string }>(
      `SELECT id FROM dossiers WHERE channel = 'online' AND submitted_at >= $1`,
      [since],
    );
    results.set(
      'submissions exactly once',
      checkSubmissions(
        ledger.submissions,
        keys.rows.map((k) => ({ scope: k.scope, key: k.key, dossierId: k.id })),
        run.rows.map((r) => r.id),
      ),
    );

    // The run's dossiers and the demo dossiers the office acted on; the actions are held to the events since the start.
    const touched = [
      ...new Set([
        ...run.rows.map((r) => r.id),
        ...ledger.actions.map((a) => a.dossierId),
        ...ledger.unsure.map((a) => a.dossierId),
      ]),
    ].filter((id) => /^[0-9a-f-]{36}$/.test(id));
    const ev = await c.query<{ dossier_id: string; seq: number; type: string; at: Date }>(
      `SELECT dossier_id, seq, type, at FROM dossier_events WHERE dossier_id = ANY($1::uuid[])`,
      [touched],
    );
    const events: EventRow[] = ev.rows.map((e) => ({ dossierId: e.dossier_id, seq: e.seq, type: e.type }));
    const recent = events.filter((_, i) => ev.rows[i]!.at >= since);
    results.set('actions exactly once', checkActions(ledger.actions, ledger.unsure, recent));
    results.set('hand-over once per received dossier', checkHandovers(events));

    const counters = await c.query<{ agency_code: string; day: string; last_value: number }>(
      `SELECT agency_code, day::text AS day, last_value FROM dossier_code_counters`,
    );
    const codes = await c.query<{ code: string }>(`SELECT code FROM dossiers WHERE code IS NOT NULL`);
    results.set(
      'dossier codes: no duplicate, no gap per agency-day',
      checkCodes(
        counters.rows.map((r) => ({ agencyCode: r.agency_code, day: r.day, lastValue: r.last_value })),
        codes.rows.map((r) => r.code),
      ),
    );

    const messages = await c.query<{ id: string; status: string; deliveries: string }>(
      `SELECT m.id, m.status, count(o.id) AS deliveries FROM messages m
         LEFT JOIN local_outbox o ON o.message_id = m.id
        WHERE m.created_at >= $1 GROUP BY m.id, m.status`,
      [since],
    );
    results.set(
      'notifications delivered exactly once',
      checkMessages(messages.rows.map((m) => ({ ...m, deliveries: Number(m.deliveries) }))),
    );

    results.set('jobs: none dead, none left due', await jobFailures(c));
    results.set('national portal: every event collected once and sent', await portalFailures(c, since));
  } finally {
    await c.end();
  }
  const db = await openDb({ databaseUrl: url, poolSize: 2 });
  try {
    const audit = await verifyAuditChain(db);
    results.set(
      'audit chain verifies',
      audit.ok ? [] : [`broken at ${audit.brokenAt} (${audit.reason}) after ${audit.entries} entries`],
    );
  } finally {
    await db.close();
  }
  return results;
}

async function jobFailures(c: pg.Client): Promise<string[]> {
  const { rows } = await c.query<{ id: string; type: string; status: string; last_error: string | null }>(
    `SELECT id, type, status, last_error FROM jobs
      WHERE status = 'dead' OR (status IN ('pending', 'running') AND run_at <= now())`,
  );
  return rows.map((j) => `job ${j.id} ${j.type}: ${j.status}${j.last_error ? ` (${j.last_error})` : ''}`);
}

async function portalFailures(c: pg.Client, since: Date): Promise<string[]> {
  const uncollected = await c.query<{ n: string }>(
    `SELECT count(*) AS n FROM dossier_events e WHERE e.at >= $1
        AND NOT EXISTS (SELECT 1 FROM integration_feed f WHERE f.event_id = e.id)`,
    [since],
  );
  const twice = await c.query<{ event_id: string; n: string }>(
    `SELECT event_id, count(*) AS n FROM portal_messages WHERE kind = 'event' GROUP BY event_id HAVING count(*) > 1`,
  );
  const unsent = await c.query<{ status: string; n: string }>(
    `SELECT status, count(*) AS n FROM portal_messages WHERE status <> 'sent' AND created_at >= $1 GROUP BY status`,
    [since],
  );
  return [
    ...(Number(uncollected.rows[0]!.n) ? [`${uncollected.rows[0]!.n} events never collected`] : []),
    ...twice.rows.map((r) => `event ${r.event_id} collected into ${r.n} messages`),
    ...unsent.rows.map((r) => `${r.n} portal messages ${r.status}`),
  ];
}

/** Figures of the queue for the report: jobs run more than once (a worker died holding them), by type. */
export async function jobFigures(url: string, since: Date) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ type: string; status: string; n: string; rerun: string }>(
      `SELECT type, status, count(*) AS n, count(*) FILTER (WHERE attempts > 1) AS rerun FROM jobs
        WHERE created_at >= $1 GROUP BY type, status ORDER BY type, status`,
      [since],
    );
    return rows.map((r) => ({ type: r.type, status: r.status, n: Number(r.n), rerun: Number(r.rerun) }));
  } finally {
    await c.end();
  }
}

/** The queue has drained: nothing due left, and every event of the run collected for the portal and sent. */
export async function drained(url: string, since: Date): Promise<{ done: boolean; why: string }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const due = await c.query<{ n: string }>(
      `SELECT count(*) AS n FROM jobs WHERE status IN ('pending', 'running') AND run_at <= now()`,
    );
    const portal = await portalFailures(c, since);
    const queued = await c.query<{ n: string }>(
      `SELECT count(*) AS n FROM messages WHERE status = 'queued' AND created_at >= $1`,
      [since],
    );
    const why = [
      ...(Number(due.rows[0]!.n) ? [`${due.rows[0]!.n} jobs due`] : []),
      ...(Number(queued.rows[0]!.n) ? [`${queued.rows[0]!.n} messages queued`] : []),
      ...portal,
    ];
    return { done: why.length === 0, why: why.join('; ') };
  } finally {
    await c.end();
  }
}
