import { systemClock } from '../clock';
import { loadConfig } from '../config';
import { seedDemo } from '../db/seed';
import { buildApp } from '../http/app';
import { createLogger, openAndMigrate } from '../runtime';
import { INTAKE_TEST_PROCEDURES, useProcedureFixtures } from '../modules/dossiers/procedures.test-helpers';

/**
 * Test-only entry point: the real server (migrations, demo data, all modules) that also trusts the x-test-actor
 * header, so process-level tests can act as a citizen without a log-in flow. Never used by `npm start`.
 */
useProcedureFixtures(INTAKE_TEST_PROCEDURES);
const config = loadConfig();
const log = createLogger(config);
const db = await openAndMigrate(config, log);
const deps = { db, config, log, clock: systemClock };
await seedDemo(deps);
const app = await buildApp(deps, { webDist: null, trustTestActorHeader: true });
await app.listen({ port: config.port, host: config.host });
