import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { systemClock } from '../../server/src/clock';
import { loadConfig } from '../../server/src/config';
import { openDb } from '../../server/src/db/client';
import { migrate } from '../../server/src/db/migrate';
import { seedDemo } from '../../server/src/db/seed';
import { buildApp } from '../../server/src/http/app';
import { createLogger } from '../../server/src/runtime';
import { stopOnce } from './exit-with-parent';

// The full app with demo accounts, a logged-in session, and a bare route doing one indexed lookup of that session.
const config = loadConfig();
const dataDir = config.databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir, poolSize: 10 });
await migrate(db);
const deps = { db, config, log: createLogger(config), clock: systemClock };
await seedDemo(deps);
const app = await buildApp(deps, { webDist: null });
await app.listen({ port: 0, host: '127.0.0.1' });
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { login: 'levancuong.stttt', password: 'MotCua@2026' },
});
const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

const bare = Fastify();
bare.get('/session', async () => {
  const { rows } = await sql<{ user_id: string }>`SELECT user_id FROM sessions LIMIT 1`.execute(db.kysely);
  return { id: rows[0]?.user_id };
});
await bare.listen({ port: 0, host: '127.0.0.1' });

const port = (s: typeof bare.server) => (s.address() as { port: number }).port;
process.send?.({ app: port(app.server), bare: port(bare.server), cookie });
stopOnce(async () => {
  await app.close();
  await bare.close();
  await db.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});
