import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { fixedClock } from '../clock';
import { openDb, type Db } from '../db/client';
import { migrate } from '../db/migrate';
import { seedDemo } from '../db/seed';
import { TEST_NOW, testConfig, testDataDir } from './test-config';

/**
 * Names this run's test databases and migrates one template per run, which every test file copies instead of
 * applying all migrations itself: on PostgreSQL a database `motcua_t_<run>_template` (files run `CREATE DATABASE …
 * TEMPLATE` it), on PGlite a dump of a migrated data directory in the temp folder (files start from it, skipping
 * initdb too). A second template holds the demo data too (`createDemoDb`), seeded once here instead of in every
 * file that logs in as a demo account. At the end it drops this run's databases a killed or failed test left behind — only this run's, so
 * parallel runs on one server leave each other alone — and the dump.
 */
export default async function setup() {
  // Both projects run this setup; they share one run name and one template.
  const run = (process.env.MOTCUA_TEST_RUN ??= randomBytes(3).toString('hex'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  const dump = (name: string) => path.join(os.tmpdir(), `motcua-test-${run}${name}.tar`);
  if (adminUrl) await postgresTemplates(adminUrl, `motcua_t_${run}_template`, `motcua_t_${run}_demo`);
  else await pgliteTemplates(dump(''), dump('-demo'));
  return async () => {
    fs.rmSync(testDataDir(), { recursive: true, force: true });
    if (!adminUrl) {
      for (const file of [dump(''), dump('-demo')]) fs.rmSync(file, { force: true });
      return;
    }
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1',
        [`motcua\\_t\\_${run}\\_%`],
      );
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
}

async function postgresTemplates(adminUrl: string, name: string, demo: string): Promise<void> {
  if (process.env.MOTCUA_TEST_PG_DEMO === demo) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const open = (db: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${db}`;
    return openDb({ databaseUrl: url.toString(), poolSize: 1 });
  };
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const db = await open(name);
    await migrate(db);
    await db.close(); // a template must have no connections while it is copied
    await admin.query(`CREATE DATABASE ${demo} TEMPLATE ${name}`);
    const seeded = await open(demo);
    await seedAsTests(seeded);
    await seeded.close();
  } finally {
    await admin.end();
  }
  process.env.MOTCUA_TEST_PG_TEMPLATE = name;
  process.env.MOTCUA_TEST_PG_DEMO = demo;
}

async function pgliteTemplates(file: string, demo: string): Promise<void> {
  if (process.env.MOTCUA_TEST_PGLITE_DEMO === demo && fs.existsSync(demo)) return;
  const db = await openDb({ memory: true });
  await migrate(db);
  fs.writeFileSync(file, Buffer.from(await (await db.dump!()).arrayBuffer()));
  await seedAsTests(db);
  fs.writeFileSync(demo, Buffer.from(await (await db.dump!()).arrayBuffer()));
  await db.close();
  process.env.MOTCUA_TEST_PGLITE_TEMPLATE = file;
  process.env.MOTCUA_TEST_PGLITE_DEMO = demo;
}

/** The demo data as a test app would load it: at the tests' fixed instant, with the tests' configuration. */
async function seedAsTests(db: Db): Promise<void> {
  await seedDemo({ db, config: testConfig(), log: pino({ level: 'silent' }), clock: fixedClock(TEST_NOW) });
}
