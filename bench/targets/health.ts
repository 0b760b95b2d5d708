import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { systemClock } from '../../server/src/clock';
import { loadConfig } from '../../server/src/config';
import { openDb } from '../../server/src/db/client';
import { migrate } from '../../server/src/db/migrate';
import { buildApp } from '../../server/src/http/app';
import { createLogger } from '../../server/src/runtime';
import { stopOnce } from './exit-with-parent';

// Our full app and a bare Fastify route, sharing one database handle, in one process.
const config = loadConfig();
const dataDir = config.databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir, poolSize: 10 });
await migrate(db);
const app = await buildApp({ db, config, log: createLogger(config), clock: systemClock }, { webDist: null });
await app.listen({ port: 0, host: '127.0.0.1' });

const bare = Fastify();
bare.get('/health', async () => {
  await sql`SELECT 1`.execute(db.kysely);
  return { status: 'ok' };
});
await bare.listen({ port: 0, host: '127.0.0.1' });

const port = (s: typeof bare.server) => (s.address() as { port: number }).port;
process.send?.({ app: port(app.server), bare: port(bare.server) });
stopOnce(async () => {
  await app.close();
  await bare.close();
  await db.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});
