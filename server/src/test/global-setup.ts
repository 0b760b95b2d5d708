import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDb } from '../db/client';
import { migrate } from '../db/migrate';

/**
 * Names this run's test databases and migrates one template per run, which every test file copies instead of
 * applying all migrations itself: on PostgreSQL a database `motcua_t_<run>_template` (files run `CREATE DATABASE …
 * TEMPLATE` it), on PGlite a dump of a migrated data directory in the temp folder (files start from it, skipping
 * initdb too). At the end it drops this run's databases a killed or failed test left behind — only this run's, so
 * parallel runs on one server leave each other alone — and the dump.
 */
export default async function setup() {
  // Both projects run this setup; they share one run name and one template.
  const run = (process.env.MOTCUA_TEST_RUN ??= randomBytes(3).toString('hex'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) await postgresTemplate(adminUrl, `motcua_t_${run}_template`);
  else await pgliteTemplate(path.join(os.tmpdir(), `motcua-test-${run}.tar`));
  return async () => {
    if (!adminUrl) {
      fs.rmSync(path.join(os.tmpdir(), `motcua-test-${run}.tar`), { force: true });
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

async function postgresTemplate(adminUrl: string, name: string): Promise<void> {
  if (process.env.MOTCUA_TEST_PG_TEMPLATE === name) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), poolSize: 1 });
  await migrate(db);
  await db.close(); // a template must have no connections while it is copied
  process.env.MOTCUA_TEST_PG_TEMPLATE = name;
}

async function pgliteTemplate(file: string): Promise<void> {
  if (process.env.MOTCUA_TEST_PGLITE_TEMPLATE === file && fs.existsSync(file)) return;
  const db = await openDb({ memory: true });
  await migrate(db);
  fs.writeFileSync(file, Buffer.from(await (await db.dump!()).arrayBuffer()));
  await db.close();
  process.env.MOTCUA_TEST_PGLITE_TEMPLATE = file;
}
