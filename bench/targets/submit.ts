import Fastify from 'fastify';
import pg from 'pg';
import { systemClock } from '../../server/src/clock';
import { loadConfig } from '../../server/src/config';
import { openDb } from '../../server/src/db/client';
import { migrate } from '../../server/src/db/migrate';
import { buildApp } from '../../server/src/http/app';
import { seedDemo } from '../../server/src/db/seed';
import { createLogger } from '../../server/src/runtime';
import { createBenchDatabase } from './intake-db';
import { stopOnce } from './exit-with-parent';

// The full app (trusting the test actor header, as tests do, so no log-in flow is measured) over the demo data (the
// catalogue's procedures, as in production), and a bare Fastify + pg route that stores the same JSON body in one
// transaction, over a dedicated PostgreSQL database.
const bench = await createBenchDatabase();
// One bench citizen uploads far more than a person's per-minute and per-day upload limits allow.
const config = loadConfig({
  ...process.env,
  DATABASE_URL: bench.url,
  UPLOAD_RATE_PER_MINUTE: '10000',
  UPLOAD_QUOTA_MB_PER_DAY: '1000000',
});
const db = await openDb({ databaseUrl: bench.url, poolSize: 10 });
await migrate(db);
await seedDemo({ db, config, log: createLogger({ logLevel: 'warn' }), clock: systemClock });
const app = await buildApp(
  { db, config, log: createLogger(config), clock: systemClock },
  { webDist: null, trustTestActorHeader: true },
);
await app.listen({ port: 0, host: '127.0.0.1' });

const pool = new pg.Pool({ connectionString: bench.url, max: 10 });
pool.on('error', () => undefined);
await pool.query(
  'CREATE TABLE bench_submissions (id bigserial PRIMARY KEY, body jsonb NOT NULL, at timestamptz DEFAULT now())',
);
const bare = Fastify();
bare.post('/submit', async (req, reply) => {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const { rows } = await c.query('INSERT INTO bench_submissions (body) VALUES ($1) RETURNING id', [
      req.body,
    ]);
    await c.query('COMMIT');
    return reply.status(201).send(rows[0]);
  } finally {
    c.release();
  }
});
await bare.listen({ port: 0, host: '127.0.0.1' });

const port = (s: typeof bare.server) => (s.address() as { port: number }).port;
process.send?.({ app: port(app.server), bare: port(bare.server) });
stopOnce(async () => {
  await app.close();
  await bare.close();
  await pool.end();
  await db.close();
  await bench.drop();
});
