import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Names this run's PostgreSQL test databases (`motcua_t_<run>_…`) and, at the end, drops any a killed or failed test
 * left behind — only this run's, so parallel runs on one server leave each other alone.
 */
export default function setup() {
  // Both projects run this setup; they share one run name.
  const run = (process.env.MOTCUA_TEST_RUN ??= randomBytes(3).toString('hex'));
  return async () => {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) return;
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
