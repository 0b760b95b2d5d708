import { loadConfig } from '../config';
import { seedDemo } from '../db/seed';
import { buildApp } from '../http/app';
import { createLogger, openAndMigrate } from '../runtime';

/**
 * Test-only entry point: the real server (migrations, demo data, all modules) that also trusts the x-test-actor
 * header, so process-level tests can act as a citizen without a log-in flow. Never used by `npm start`.
 */
const config = loadConfig();
const log = createLogger(config);
const db = await openAndMigrate(config, log);
await seedDemo({ db, config, log });
const app = await buildApp({ db, config, log }, { webDist: null, trustTestActorHeader: true });
await app.listen({ port: config.port, host: config.host });
