import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { systemClock } from '../../server/src/clock';
import { loadConfig } from '../../server/src/config';
import { openDb } from '../../server/src/db/client';
import { migrate } from '../../server/src/db/migrate';
import { buildApp } from '../../server/src/http/app';
import { createLogger } from '../../server/src/runtime';
import { cloneProceduresTo } from '../../server/src/modules/catalogue/catalogue.bulk';
import { loadDemoCatalogue } from '../../server/src/modules/catalogue/catalogue.demo';
import { loadDemoOrganisation } from '../../server/src/modules/organisation/organisation.demo';
import { stopOnce } from './exit-with-parent';

// The full app with the demo catalogue cloned up to 5,000 published procedures, and a bare Fastify route running the
// app's search statement with plain `pg` (PostgreSQL) or the PGlite engine itself (embedded) on the same database.
const config = loadConfig();
const dataDir = config.databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir, poolSize: 10 });
await migrate(db);
await db.kysely.transaction().execute(loadDemoOrganisation);
await loadDemoCatalogue(db, systemClock.now());
await cloneProceduresTo(db, 5000);
const app = await buildApp({ db, config, log: createLogger(config), clock: systemClock }, { webDist: null });
await app.listen({ port: 0, host: '127.0.0.1' });

// What GET /api/procedures?q=…&pageSize=20 asks of the database for an uncached query.
const SEARCH_SQL = `SELECT p.code, p.name, p.field, p.levels, p.service_level, p.processing_time, a.name AS agency,
    count(*) OVER ()::int AS total
  FROM procedures p LEFT JOIN agencies a ON a.id = p.agency_ids[1]
  WHERE p.status = 'published' AND vn_fold($1) <% p.search_text
  ORDER BY (p.search_text LIKE '%' || vn_fold($1) || '%') DESC, word_similarity(vn_fold($1), p.search_text) DESC,
    p.name, p.code
  LIMIT 20`;
const pool = config.databaseUrl ? new pg.Pool({ connectionString: config.databaseUrl, max: 10 }) : null;
pool?.on('error', () => undefined);
const query = async (q: string) => {
  if (pool) return (await pool.query(SEARCH_SQL, [q])).rows;
  return (await db.lite!.query(SEARCH_SQL, [q])).rows;
};
const bare = Fastify();
bare.get<{ Querystring: { q: string } }>('/search', async (req) => {
  const rows = await query(req.query.q);
  return { items: rows, total: (rows[0] as { total?: number } | undefined)?.total ?? 0 };
});
await bare.listen({ port: 0, host: '127.0.0.1' });

// The names people search for: the demo catalogue's, without the clones' "(mẫu số N)".
const names = (
  await db.kysely
    .selectFrom('procedures')
    .select('name')
    .distinct()
    .where('status', '=', 'published')
    .where('name', 'not like', '%(mẫu số %')
    .execute()
).map((r) => r.name);

const port = (s: typeof bare.server) => (s.address() as { port: number }).port;
process.send?.({ app: port(app.server), bare: port(bare.server), names });
stopOnce(async () => {
  await app.close();
  await bare.close();
  await pool?.end();
  await db.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});
