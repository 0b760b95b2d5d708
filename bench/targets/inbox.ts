import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { systemClock } from '../../server/src/clock';
import { loadConfig } from '../../server/src/config';
import { openDb } from '../../server/src/db/client';
import { migrate } from '../../server/src/db/migrate';
import { buildApp } from '../../server/src/http/app';
import { defaultWorkflow } from '../../server/src/modules/catalogue/workflow';
import {
  inboxCountsQuery,
  inboxPageQuery,
  type Branch,
} from '../../server/src/modules/dossiers/processing-inbox.repo';
import { modules } from '../../server/src/modules/registry';
import { createLogger } from '../../server/src/runtime';
import { createBenchDatabase, serveGrowing } from './intake-db';

// The full app's GET /api/processing/inbox (a logged-in specialist's own inbox, first page, by step due time) and a
// bare Fastify + pg route running the same two indexed queries (the page and the counts) for the same person, over
// one PostgreSQL database that the parent grows (10,000 then 1,000,000 dossiers over 30 agencies) by messages.
// The measured specialist holds the same 200 steps at both sizes (a person's workload does not grow with the
// province's archive); every other dossier has a step held by one of 300 specialists of its agency, or is waiting
// unassigned at the assignment step, with due times spread over two months around now.
const bench = await createBenchDatabase();
const config = loadConfig({ ...process.env, DATABASE_URL: bench.url });
const db = await openDb({ databaseUrl: bench.url, poolSize: 10 });
await migrate(db);
// The demo's organisation, calendar and accounts (the catalogue and the demo dossiers are not needed here).
const seedDeps = { db, config, log: createLogger({ logLevel: 'warn' }), clock: systemClock };
for (const m of modules)
  if (['organisation', 'calendar', 'accounts'].includes(m.name)) await m.seed?.(seedDeps);
const app = await buildApp({ db, config, log: createLogger(config), clock: systemClock }, { webDist: null });
await app.listen({ port: 0, host: '127.0.0.1' });
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { login: 'levancuong.stttt', password: 'MotCua@2026' },
});
if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
const me = await db.kysely
  .selectFrom('users')
  .select(['id', 'agency_id', 'department_id'])
  .where('username', '=', 'levancuong.stttt')
  .executeTakeFirstOrThrow();

/** 30 agencies, each with a specialist department and 300 specialists (the demo has fewer agencies). */
async function setUpAgencies(): Promise<void> {
  await sql`
    INSERT INTO agencies (short_name, name, type, unit_id)
    SELECT 'BENCH' || g, 'Cơ quan thử tải ' || g, a.type, a.unit_id
      FROM (SELECT type, unit_id FROM agencies WHERE short_name = 'STTTT') a,
           generate_series(1, 30 - (SELECT count(*)::int FROM agencies)) g`.execute(db.kysely);
  await sql`
    INSERT INTO departments (agency_id, name, kind)
    SELECT a.id, 'Phòng chuyên môn', 'specialist' FROM agencies a
     WHERE NOT EXISTS (SELECT 1 FROM departments d WHERE d.agency_id = a.id AND d.kind = 'specialist')`.execute(
    db.kysely,
  );
  await sql`
    CREATE TABLE bench_agencies AS
    SELECT row_number() OVER (ORDER BY a.id) - 1 AS n, a.id AS agency_id,
           (SELECT min(d.id::text)::uuid FROM departments d WHERE d.agency_id = a.id AND d.kind = 'specialist') AS dept_id
      FROM agencies a`.execute(db.kysely);
  await sql`
    INSERT INTO users (kind, username, full_name, agency_id, department_id, status)
    SELECT 'staff', 'bench.' || b.n || '.' || h, 'Chuyên viên ' || b.n || '.' || h, b.agency_id, b.dept_id, 'active'
      FROM bench_agencies b, generate_series(0, 299) h`.execute(db.kysely);
  await sql`
    CREATE TABLE bench_handlers AS
    SELECT u.id, b.n AS agency_n, (row_number() OVER (PARTITION BY b.n ORDER BY u.id) - 1) AS h
      FROM users u JOIN bench_agencies b ON b.agency_id = u.agency_id WHERE u.username LIKE 'bench.%'`.execute(
    db.kysely,
  );
  await sql`CREATE INDEX ON bench_handlers (agency_n, h)`.execute(db.kysely);
  await sql`INSERT INTO user_roles (user_id, role) SELECT id, 'specialist' FROM bench_handlers`.execute(
    db.kysely,
  );
}
await setUpAgencies();

const workflow = JSON.stringify(defaultWorkflow({ unit: 'working_days', value: 10 }));

/**
 * Grows the table to `total` dossiers with one INSERT … SELECT generate_series. Row i: agency i mod 30; among the
 * first 10,000, every 50th is the measured specialist's (at the appraisal step); otherwise every 10th waits at the
 * assignment step unassigned, the rest are at the appraisal step of one of the agency's 300 specialists.
 */
async function grow(total: number): Promise<void> {
  const have = Number(
    (
      await sql<{ n: string }>`SELECT count(*) AS n FROM dossiers WHERE submission_ref LIKE 'I%'`.execute(
        db.kysely,
      )
    ).rows[0]!.n,
  );
  await sql`
    INSERT INTO dossiers (province_code, submission_ref, code, procedure_code, procedure_name, procedure_version_id,
      channel, status, applicant, receiving_agency_id, authority_agency_id, result_agency_id, holding_agency_id,
      holding_department_id, submitted_at, received_at, appointment_at, workflow, processing_time, current_step,
      step_entered_at, step_due_at, handler_id)
    SELECT '99', 'I' || i, 'INBOX-' || i, '1.004227', 'Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp',
      '6f1c2a80-0000-4000-8000-000000000001', 'online', 'in_processing',
      jsonb_build_object('kind', 'citizen', 'name', 'Nguyễn Văn An ' || i, 'idNumber', '0992010' || i,
        'address', null, 'phone', null, 'email', null),
      x.agency_id, x.agency_id, x.agency_id, x.agency_id, x.dept_id,
      now() - interval '20 days', now() - interval '20 days', x.due + interval '3 days',
      ${workflow}::jsonb, '{"unit":"working_days","value":10}'::jsonb,
      CASE WHEN x.handler IS NULL THEN 'assignment' ELSE 'appraisal' END, now() - interval '5 days', x.due, x.handler
    FROM generate_series(${have}::int, ${total - 1}::int) AS i
    CROSS JOIN LATERAL (
      SELECT CASE WHEN mine THEN ${me.agency_id}::uuid ELSE b.agency_id END AS agency_id,
             CASE WHEN mine THEN ${me.department_id}::uuid ELSE b.dept_id END AS dept_id,
             CASE WHEN mine THEN ${me.id}::uuid WHEN i % 10 = 5 THEN NULL
                  ELSE (SELECT h.id FROM bench_handlers h WHERE h.agency_n = b.n AND h.h = (i / 30) % 300) END
               AS handler,
             now() - interval '30 days' + ((i::bigint * 7919) % 86400) * interval '1 minute' AS due
        FROM (SELECT i < 10000 AND i % 50 = 0 AS mine) m, bench_agencies b WHERE b.n = i % 30
    ) x`.execute(db.kysely);
  // Settle what a bulk load leaves behind (hint bits, the visibility map, dirty buffers) before measuring, so the
  // measurement is of the query, not of the load's aftermath.
  await sql`VACUUM (ANALYZE) dossiers`.execute(db.kysely);
  await sql`CHECKPOINT`.execute(db.kysely);
  if (process.env.BENCH_EXPLAIN) await explain();
}

/** BENCH_EXPLAIN=1: the plans of the two queries, to stderr. */
async function explain(): Promise<void> {
  const now = systemClock.now();
  for (const q of [
    inboxPageQuery(branches, {}, null, 25).compile(db.kysely),
    inboxCountsQuery(branches, now, now).compile(db.kysely),
  ]) {
    const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.parameters as unknown[]);
    console.error(plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
  }
}

const pool = new pg.Pool({ connectionString: bench.url, max: 10 });
// Dropping the bench database at the end terminates idle connections; that is expected, not a failure.
pool.on('error', () => undefined);
// The measured person's scope, as the service builds it for a specialist of a department (processing-inbox.service).
const branches: Branch[] = [
  { kind: 'handler', userId: me.id },
  { kind: 'unit', unitId: me.agency_id!, role: 'specialist' },
  { kind: 'unit', unitId: { departmentOf: me.id }, role: 'specialist' },
];
const bare = Fastify();
bare.get('/inbox', async () => {
  const now = systemClock.now();
  const soon = new Date(now.getTime() + 86_400_000);
  const page = inboxPageQuery(branches, {}, null, 25).compile(db.kysely);
  const counts = inboxCountsQuery(branches, now, soon).compile(db.kysely);
  const items = await pool.query(page.sql, page.parameters as unknown[]);
  const c = await pool.query(counts.sql, counts.parameters as unknown[]);
  return { items: items.rows.slice(0, 25), counts: c.rows[0] };
});
await bare.listen({ port: 0, host: '127.0.0.1' });

serveGrowing({ app, bare, pool, db, bench }, grow);
const port = (s: typeof bare.server) => (s.address() as { port: number }).port;
process.send?.({ app: port(app.server), bare: port(bare.server), cookie });
