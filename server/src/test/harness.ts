import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, onTestFinished } from 'vitest';
import { fixedClock, type ManualClock } from '../clock';
import type { Config } from '../config';
import { openDb, type Db } from '../db/client';
import { migrate } from '../db/migrate';
import { openReplica } from '../db/replica';
import { buildApp } from '../http/app';
import { TEST_ACTOR_HEADER, type Actor } from '../http/auth';
import type { AppDeps } from '../http/context';
import { seedDemo } from '../db/seed';
import { useProcedureFixtures } from '../modules/dossiers/procedures.test-helpers';
import { TEST_NOW, testConfig } from './test-config';

export { TEST_NOW, testConfig };

/** Runs `fn` when the current test ends if called inside a test, else when the file's tests end. */
function cleanUpLater(fn: () => Promise<void> | void): void {
  try {
    onTestFinished(fn);
  } catch {
    afterAll(fn); // outside a test (a describe body): when the file's tests end
  }
}

/** Prefix of this run's PostgreSQL test databases; the global teardown drops whatever a crash left behind. */
export function testDbPrefix(): string {
  return `motcua_t_${process.env.MOTCUA_TEST_RUN ?? 'x'}_`;
}

/** The run's PGlite data directories (global setup): migrated, and with the demo data; each read once per worker. */
const pgliteTemplates = new Map<string, Promise<Blob | undefined>>();
function templateDump(demo: boolean): Promise<Blob | undefined> {
  const file = process.env[demo ? 'MOTCUA_TEST_PGLITE_DEMO' : 'MOTCUA_TEST_PGLITE_TEMPLATE'];
  if (!file) return Promise.resolve(undefined);
  let dump = pgliteTemplates.get(file);
  if (!dump) {
    dump = fs.promises.readFile(file).then(
      (bytes) => new Blob([bytes]),
      () => undefined,
    );
    pgliteTemplates.set(file, dump);
  }
  return dump;
}

/** CREATE DATABASE … TEMPLATE, retried while another file's copy still holds the template (55006). */
async function createDatabase(admin: pg.Client, name: string, template: string | undefined) {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

/**
 * Each test file gets its own database: an in-memory PGlite by default, or a new database on the PostgreSQL server
 * named by TEST_DATABASE_URL (dropped when the test or file that made it finishes). Both start as a copy of the run's
 * migrated template (global setup); `migrate` then finds nothing to do, or everything when there is no template.
 */
export async function createTestDb(opts: { demo?: boolean } = {}): Promise<Db & { url?: string }> {
  const demo = opts.demo ?? false;
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dump = await templateDump(demo);
    const db = await openDb({ memory: true, loadDataDir: dump ?? (await templateDump(false)) });
    await migrate(db);
    cleanUpLater(() => db.close());
    return demo && !dump ? seeded(db) : db;
  }
  const name = `${testDbPrefix()}${randomBytes(6).toString('hex')}`;
  const template = process.env[demo ? 'MOTCUA_TEST_PG_DEMO' : 'MOTCUA_TEST_PG_TEMPLATE'];
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await createDatabase(admin, name, template ?? process.env.MOTCUA_TEST_PG_TEMPLATE);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), poolSize: 8 });
  await migrate(db);
  cleanUpLater(async () => {
    await db.close();
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  });
  const withUrl = Object.assign(db, { url: url.toString() });
  return demo && !template ? seeded(withUrl) : withUrl;
}

/**
 * A test database with the demo data loaded as `npm start` loads it (at {@link TEST_NOW}, with {@link testConfig}):
 * a copy of the run's demo template, which the global setup seeds once, so files that only need the demo office
 * skip the seconds seeding takes.
 */
export function createDemoDb(): Promise<Db & { url?: string }> {
  // The demo catalogue answers, not the fixtures an earlier file in this worker registered (files share modules).
  useProcedureFixtures([]);
  return createTestDb({ demo: true });
}

async function seeded<T extends Db>(db: T): Promise<T> {
  await seedDemo({ db, config: testConfig(), log: pino({ level: 'silent' }), clock: fixedClock(TEST_NOW) });
  return db;
}

export type TestApp = { app: FastifyInstance; db: Db; deps: AppDeps; clock: ManualClock };

export async function createTestApp(
  overrides: Partial<Config> = {},
  db?: Db,
  clock: ManualClock = fixedClock(TEST_NOW),
): Promise<TestApp> {
  const theDb = db ?? (await createTestDb());
  const config = testConfig(overrides);
  // As at boot: a configured replica on PostgreSQL only (ADR 0030).
  const replica =
    config.replica && theDb.engine === 'postgres' ? await openReplica(config.replica, theDb, 4) : undefined;
  const deps: AppDeps = {
    db: theDb,
    config,
    log: pino({ level: 'silent' }),
    clock,
    ...(replica ? { replica } : {}),
  };
  const app = await buildApp(deps, {
    logger: false,
    webDist: null,
    trustTestActorHeader: true,
    strictResponses: true,
  });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await replica?.close();
  });
  return { app, db: theDb, deps, clock };
}

/** Builds an actor for the x-test-actor header (tests of modules that do not own log-in). */
export function actor(partial: Partial<Actor> & Pick<Actor, 'kind'>): Actor {
  return {
    userId: partial.userId ?? '00000000-0000-4000-8000-000000000001',
    name: partial.name ?? 'Người kiểm thử',
    roles: [],
    agencyId: null,
    organisationIds: [],
    mustChangePassword: false,
    sessionId: null,
    ...partial,
  };
}

export function asActor(a: Actor): Record<string, string> {
  return { [TEST_ACTOR_HEADER]: JSON.stringify(a) };
}

export async function call(app: FastifyInstance, opts: InjectOptions): Promise<LightMyRequestResponse> {
  return app.inject(opts);
}
