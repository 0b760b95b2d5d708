import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../server/src/clock';
import { loadConfig } from '../../server/src/config';
import { openDb } from '../../server/src/db/client';
import { migrate } from '../../server/src/db/migrate';
import { buildApp } from '../../server/src/http/app';
import { createLogger } from '../../server/src/runtime';
import { cloneProceduresTo } from '../../server/src/modules/catalogue/catalogue.bulk';
import { loadDemoCatalogue } from '../../server/src/modules/catalogue/catalogue.demo';
import { loadDemoOrganisation } from '../../server/src/modules/organisation/organisation.demo';

// The full app with the demo catalogue cloned up to 5,000 published procedures.
const config = loadConfig();
const dataDir = config.databaseUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir, poolSize: 10 });
await migrate(db);
await db.kysely.transaction().execute(loadDemoOrganisation);
await loadDemoCatalogue(db, systemClock.now());
await cloneProceduresTo(db, 5000);
const app = await buildApp({ db, config, log: createLogger(config), clock: systemClock }, { webDist: null });
await app.listen({ port: 0, host: '127.0.0.1' });

process.send?.({ app: (app.server.address() as { port: number }).port });
process.once('SIGTERM', async () => {
  await app.close();
  await db.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});
