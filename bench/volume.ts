import autocannon from 'autocannon';
import pg from 'pg';
import { searchQueries } from './lib-search-queries';
import { startTarget, stopTarget } from './lib';

/**
 * `DATABASE_URL=postgres://…/motcua_big npx tsx bench/volume.ts` after `npx motcua generate --dossiers N` (issue 19):
 * the five hot reads through the whole app against a bare Fastify + pg route running the same indexed statements on
 * the same database, in the same run — public lookup by code (target ≥ 0.8× bare), catalogue search, a handler's
 * inbox, "Hồ sơ của tôi" of a citizen with 50 dossiers and the leader's overdue list — then each statement's plan
 * (EXPLAIN ANALYZE: no sequential scan of the dossiers or their events) and the database's size per million
 * dossiers, with the biggest tables and indexes. Run it at 1M and at the largest size and compare the rates:
 * a flat query has the same rate at both. BENCH_EXPLAIN=1 prints the whole plans.
 */
const url = process.env.DATABASE_URL;
// BENCH_SECONDS: the length of each measured round (4 s; 1 s for a quick look).
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
if (!url?.startsWith('postgres')) throw new Error('DATABASE_URL must name the generated PostgreSQL database');

type Ports = {
  app: number;
  bare: number;
  cookies: Record<'handler' | 'leader' | 'citizen', string>;
  codes: string[];
  names: string[];
  total: number;
};

/** Completed requests a second over `seconds`, each request the next of `paths`; fails on any non-2xx. */
async function rate(origin: string, paths: readonly string[], cookie: string | undefined, seconds: number) {
  let i = 0;
  const result = await autocannon({
    url: origin,
    duration: seconds,
    connections: 8,
    headers: cookie ? { cookie } : {},
    requests: [
      {
        setupRequest: (req) => {
          req.path = paths[i++ % paths.length]!;
          return req;
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(
      `${origin}${paths[0]}: ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodeStats)}), ${result.errors} errors`,
    );
  return result.requests.total / result.duration;
}

const target = await startTarget('volume.ts', { DATABASE_URL: url });
const ports = target.ports as unknown as Ports;
const app = `http://127.0.0.1:${ports.app}`;
const bare = `http://127.0.0.1:${ports.bare}`;
const size = `@${ports.total.toLocaleString('en')}`;
try {
  const queries = searchQueries(ports.names, 1000);
  const cases: { name: string; app: string[]; bare: string[]; cookie?: string }[] = [
    {
      name: 'public lookup',
      app: ports.codes.map((c) => `/api/lookup/${c}`),
      bare: ports.codes.map((c) => `/lookup/${c}`),
    },
    {
      name: 'catalogue search',
      app: queries.map((q) => `/api/procedures?q=${encodeURIComponent(q)}&pageSize=20`),
      bare: queries.map((q) => `/search?q=${encodeURIComponent(q)}`),
    },
    {
      name: "a handler's inbox",
      app: ['/api/processing/inbox'],
      bare: ['/inbox'],
      cookie: ports.cookies.handler,
    },
    {
      name: '"Hồ sơ của tôi" (50 dossiers)',
      app: ['/api/dossiers'],
      bare: ['/mine'],
      cookie: ports.cookies.citizen,
    },
    {
      name: "the leader's overdue list",
      app: ['/api/processing/inbox?scope=agency&due=overdue'],
      bare: ['/overdue'],
      cookie: ports.cookies.leader,
    },
  ];
  for (const c of cases) {
    // Alternating rounds, so drift on a shared machine hits both alike.
    await rate(bare, c.bare, undefined, Math.ceil(seconds / 2));
    await rate(app, c.app, c.cookie, Math.ceil(seconds / 2));
    let a = 0;
    let b = 0;
    for (let i = 0; i < 3; i++) {
      b += await rate(bare, c.bare, undefined, seconds);
      a += await rate(app, c.app, c.cookie, seconds);
    }
    console.log(
      `${c.name} ${size}: app ${(a / 3).toFixed(0)} req/s, bare ${(b / 3).toFixed(0)} req/s (ratio ${(a / b).toFixed(2)} vs bare)`,
    );
  }

  target.child.send({ explain: { code: ports.codes[0], q: queries[0] } });
  const { plans } = await new Promise<{ plans: Record<string, string> }>((resolve) =>
    target.child.once('message', (m) => resolve(m as { plans: Record<string, string> })),
  );
  for (const [name, plan] of Object.entries(plans)) {
    const seq = /Seq Scan on (dossiers|dossier_events)\b/.test(plan);
    const ms = [...plan.matchAll(/Execution Time: ([\d.]+) ms/g)].map((m) => Number(m[1]));
    const hit = [...plan.matchAll(/Buffers: shared hit=(\d+)(?: read=(\d+))?/g)][0];
    console.log(
      `plan ${name} ${size}: ${seq ? 'SEQUENTIAL SCAN of dossiers' : 'index only'}, ${ms.map((x) => x.toFixed(2)).join(' + ')} ms, ${hit ? `${Number(hit[1]) + Number(hit[2] ?? 0)} buffers` : ''}`,
    );
    if (process.env.BENCH_EXPLAIN) console.error(`--- ${name}\n${plan}`);
  }

  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const q = async <R>(text: string) => (await pool.query(text)).rows as R[];
  const bytes = (await q<{ bytes: string }>(`SELECT pg_database_size(current_database()) AS bytes`))[0]!
    .bytes;
  const gb = (n: number) => `${(n / 1024 ** 3).toFixed(2)} GB`;
  const millions = ports.total / 1e6;
  console.log(`database ${size}: ${gb(Number(bytes))}, ${gb(Number(bytes) / millions)} per million dossiers`);
  // Partitioned tables (the events) summed over their partitions.
  const tables = await q<{ name: string; total: string; indexes: string }>(`
    SELECT coalesce(p.relname, c.relname) AS name, sum(pg_total_relation_size(c.oid)) AS total,
           sum(pg_indexes_size(c.oid)) AS indexes
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      LEFT JOIN pg_inherits i ON i.inhrelid = c.oid LEFT JOIN pg_class p ON p.oid = i.inhparent
     WHERE c.relkind = 'r' GROUP BY 1 ORDER BY 2 DESC LIMIT 8`);
  for (const t of tables)
    console.log(`  table ${t.name}: ${gb(Number(t.total))} (indexes ${gb(Number(t.indexes))})`);
  const indexes = await q<{ name: string; bytes: string }>(`
    SELECT coalesce(pi.relname, c.relname) AS name, sum(pg_relation_size(c.oid)) AS bytes
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      LEFT JOIN pg_inherits i ON i.inhrelid = c.oid LEFT JOIN pg_class pi ON pi.oid = i.inhparent
     WHERE c.relkind = 'i' GROUP BY 1 ORDER BY 2 DESC LIMIT 12`);
  for (const i of indexes) console.log(`  index ${i.name}: ${gb(Number(i.bytes))}`);
  await pool.end();
} finally {
  await stopTarget(target);
}
