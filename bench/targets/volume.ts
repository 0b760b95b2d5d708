import Fastify from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { DOSSIER_LIST_COUNT_CAP } from '@motcua/contracts';
import { fixedClock } from '../../server/src/clock';
import { loadConfig } from '../../server/src/config';
import { openDb } from '../../server/src/db/client';
import { buildApp } from '../../server/src/http/app';
import { hashPassword } from '../../server/src/modules/accounts/accounts.password';
import {
  inboxCountsQuery,
  inboxPageQuery,
  type Branch,
} from '../../server/src/modules/dossiers/processing-inbox.repo';
import { citizenLogin, staffLogin } from '../../server/src/modules/reports/generator-people';
import { createLogger } from '../../server/src/runtime';
import { stopOnce } from './exit-with-parent';

// The full app and a bare Fastify + pg route per query over a database filled by `npx motcua generate` (issue 19):
// public lookup, catalogue search, a handler's inbox, "Hồ sơ của tôi" of a citizen with 50 dossiers and the
// leader's overdue list. The database is not changed except for the passwords of the three accounts logged in as
// (and the rows the app itself writes: sessions, lookup probes). The clock stands on the last working afternoon of
// the generated year, when its open dossiers are open.
const url = process.env.DATABASE_URL;
if (!url?.startsWith('postgres')) throw new Error('DATABASE_URL must name the generated PostgreSQL database');
const run = process.env.BENCH_RUN ?? 'big';
const province = `GEN${run}`.slice(0, 20);
const clock = fixedClock('2026-12-31T08:00:00Z');
const now = clock.now();
const config = {
  ...loadConfig({ ...process.env, DATABASE_URL: url }),
  lookupRateLimit: 100_000_000,
  lookupGlobalRateLimit: 100_000_000,
};
const db = await openDb({ databaseUrl: url, poolSize: 10 });
const kdb = db.kysely;
const app = await buildApp({ db, config, log: createLogger(config), clock }, { webDist: null });
await app.listen({ port: 0, host: '127.0.0.1' });

const PASSWORD = 'ThuTai@2026-volume';
const hashed = await hashPassword(PASSWORD);
const logins = {
  handler: staffLogin(`${province}-S1`, 1),
  leader: staffLogin(`${province}-S1`, 'leader'),
  citizen: citizenLogin(run, 1),
};
await sql`UPDATE users SET password_hash = ${hashed}, must_change_password = false
  WHERE lower(username) IN (${sql.join(Object.values(logins))})`.execute(kdb);
async function login(username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login: username, password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
  const user = await kdb
    .selectFrom('users')
    .select(['id', 'agency_id', 'department_id'])
    .where(sql`lower(username)`, '=', username)
    .executeTakeFirstOrThrow();
  return { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), user };
}
const handler = await login(logins.handler);
const leader = await login(logins.leader);
const citizen = await login(logins.citizen);

const pool = new pg.Pool({ connectionString: url, max: 10 });
pool.on('error', () => undefined);

// The statements the app's routes run, as the bare routes run them with plain pg.
const LOOKUP_SQL = `SELECT d.code, d.status, d.procedure_code, d.applicant, d.received_at, d.appointment_at,
  r.name AS receiving_name, h.name AS holding_name, hd.name AS holding_department_name
  FROM dossiers d JOIN agencies r ON r.id = d.receiving_agency_id
  LEFT JOIN agencies h ON h.id = d.holding_agency_id LEFT JOIN departments hd ON hd.id = d.holding_department_id
  WHERE d.code = $1`;
const SEARCH_SQL = `SELECT p.code, p.name, p.field, p.levels, p.service_level, p.processing_time, a.name AS agency,
    count(*) OVER ()::int AS total
  FROM procedures p LEFT JOIN agencies a ON a.id = p.agency_ids[1]
  WHERE p.status = 'published' AND vn_fold($1) <% p.search_text
  ORDER BY (p.search_text LIKE '%' || vn_fold($1) || '%') DESC, word_similarity(vn_fold($1), p.search_text) DESC,
    p.name, p.code
  LIMIT 20`;
const MINE_SQL = `SELECT id, submission_ref, code, status, version, channel, procedure_code, procedure_name, applicant,
    receiving_agency_id, submitted_at, reception_due_at, received_at, appointment_at
  FROM dossiers WHERE id IN (SELECT id FROM dossiers WHERE applicant_user_id = $1
    ORDER BY submitted_at DESC, id DESC LIMIT 21)
  ORDER BY submitted_at DESC, id DESC LIMIT 21`;
const MINE_COUNT_SQL = `SELECT count(*) AS n FROM (SELECT id FROM dossiers WHERE applicant_user_id = $1
  LIMIT ${DOSSIER_LIST_COUNT_CAP + 1}) s`;

const soon = new Date(now.getTime() + 86_400_000);
const handlerBranches: Branch[] = [
  { kind: 'handler', userId: handler.user.id },
  { kind: 'unit', unitId: handler.user.agency_id!, role: 'specialist' },
  { kind: 'unit', unitId: { departmentOf: handler.user.id }, role: 'specialist' },
];
const agencyBranches: Branch[] = [{ kind: 'agency', agencyId: leader.user.agency_id! }];
const inboxStatements = (branches: Branch[], overdue: boolean) => [
  inboxPageQuery(branches, overdue ? { dueBefore: now } : {}, null, 25).compile(kdb),
  inboxCountsQuery(branches, now, soon).compile(kdb),
];
const statements = {
  lookup: (code: string) => [{ sql: LOOKUP_SQL, parameters: [code] }],
  search: (q: string) => [{ sql: SEARCH_SQL, parameters: [q] }],
  inbox: () => inboxStatements(handlerBranches, false),
  mine: () => [
    { sql: MINE_SQL, parameters: [citizen.user.id] },
    { sql: MINE_COUNT_SQL, parameters: [citizen.user.id] },
  ],
  overdue: () => inboxStatements(agencyBranches, true),
};
const runAll = async (list: { sql: string; parameters: readonly unknown[] }[]) => {
  const out = [];
  for (const s of list) out.push((await pool.query(s.sql, s.parameters as unknown[])).rows);
  return out;
};

const bare = Fastify();
bare.get<{ Params: { code: string } }>('/lookup/:code', async (req, reply) => {
  const [rows] = await runAll(statements.lookup(req.params.code));
  if (!rows![0]) return reply.status(404).send({ code: 'NOT_FOUND' });
  return rows![0];
});
bare.get<{ Querystring: { q: string } }>('/search', async (req) => {
  const [rows] = await runAll(statements.search(req.query.q));
  return { items: rows, total: (rows![0] as { total?: number } | undefined)?.total ?? 0 };
});
bare.get('/inbox', async () => runAll(statements.inbox()));
bare.get('/mine', async () => runAll(statements.mine()));
bare.get('/overdue', async () => runAll(statements.overdue()));
await bare.listen({ port: 0, host: '127.0.0.1' });

/** The plans of the bare statements (the same the app runs): EXPLAIN (ANALYZE, BUFFERS), to the parent. */
async function plans(code: string, q: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const all = {
    lookup: statements.lookup(code),
    search: statements.search(q),
    inbox: statements.inbox(),
    mine: statements.mine(),
    overdue: statements.overdue(),
  };
  for (const [name, list] of Object.entries(all)) {
    const text: string[] = [];
    for (const s of list) {
      const r = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.parameters as unknown[]);
      text.push(r.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n'));
    }
    out[name] = text.join('\n---\n');
  }
  return out;
}

// Codes spread over the table (a 1 % block sample), and the catalogue's names, for varied requests.
const codes = (
  await sql<{
    code: string;
  }>`SELECT code FROM dossiers TABLESAMPLE SYSTEM (1) WHERE code IS NOT NULL LIMIT 3000`.execute(kdb)
).rows.map((r) => r.code);
const names = (
  await kdb.selectFrom('procedures').select('name').where('code', 'like', `${province}.%`).execute()
).map((r) => r.name);
const total = Number(
  (
    await sql<{ n: string }>`SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'dossiers'`.execute(
      kdb,
    )
  ).rows[0]!.n,
);

const port = (s: typeof bare.server) => (s.address() as { port: number }).port;
process.on('message', (m: { explain: { code: string; q: string } }) => {
  plans(m.explain.code, m.explain.q).then(
    (p) => process.send?.({ plans: p }),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
});
process.send?.({
  app: port(app.server),
  bare: port(bare.server),
  cookies: { handler: handler.cookie, leader: leader.cookie, citizen: citizen.cookie },
  codes,
  names,
  total,
});
stopOnce(async () => {
  await app.close();
  await bare.close();
  await pool.end();
  await db.close();
});
