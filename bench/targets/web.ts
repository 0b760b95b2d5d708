import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../server/src/clock';
import { loadConfig } from '../../server/src/config';
import { openDb } from '../../server/src/db/client';
import { migrate } from '../../server/src/db/migrate';
import { seedDemo } from '../../server/src/db/seed';
import { buildApp } from '../../server/src/http/app';
import { createLogger } from '../../server/src/runtime';
import { stopOnce } from './exit-with-parent';

// The whole app as `npm start` runs it: demo data, the built web app (web/dist) served by the server itself.
const config = loadConfig();
const dataDir = config.databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-web-bench-'));
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir, poolSize: 4 });
await migrate(db);
const deps = { db, config, log: createLogger(config), clock: systemClock };
await seedDemo(deps);
const app = await buildApp(deps);
await app.listen({ port: 0, host: '127.0.0.1' });

// A published procedure and a received dossier to open the procedure and lookup pages on.
const procedure = await db.kysely
  .selectFrom('procedures')
  .select('code')
  .where('status', '=', 'published')
  .orderBy('code')
  .executeTakeFirstOrThrow();
const dossier = await db.kysely
  .selectFrom('dossiers')
  .select('code')
  .where('code', 'is not', null)
  .orderBy('code')
  .executeTakeFirst();

process.send?.({
  app: (app.server.address() as { port: number }).port,
  procedure: procedure.code,
  dossier: dossier?.code ?? '',
});
stopOnce(async () => {
  await app.close();
  await db.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});
