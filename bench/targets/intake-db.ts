import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { stopOnce } from './exit-with-parent';

/**
 * A dedicated PostgreSQL database for an intake bench, created on the server of BENCH_DATABASE_URL (default: the local
 * postgres database) and dropped afterwards.
 */
export async function createBenchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `motcua_bench_${randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  // A statement whose client has gone (a killed bench) stops within a second instead of running on to its end.
  await c.query(`ALTER DATABASE ${name} SET client_connection_check_interval = '1s'`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      // Named apart from the target's own connections, which exit-with-parent.ts cancels when the bench is gone.
      const d = new pg.Client({ connectionString: admin, application_name: `${process.env.PGAPPNAME}-drop` });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

type Closable = { close(): Promise<unknown> };

/**
 * The growing targets' protocol (lookup, inbox): on `{ grow: n }` fill the database to n dossiers and answer
 * `{ grown: n, ...extra(n) }`; a failed fill, or SIGTERM, closes the servers, the pool and the database handle, drops
 * the bench database and exits.
 */
export function serveGrowing(
  parts: { app: Closable; bare: Closable; pool: pg.Pool; db: Closable; bench: { drop(): Promise<void> } },
  grow: (total: number) => Promise<void>,
  extra: (total: number) => object = () => ({}),
): void {
  const stop = stopOnce(async () => {
    await parts.app.close();
    await parts.bare.close();
    await parts.pool.end();
    await parts.db.close();
    await parts.bench.drop();
  });
  process.on('message', (m: { grow: number }) => {
    grow(m.grow).then(
      () => process.send?.({ grown: m.grow, ...extra(m.grow) }),
      (err: unknown) => {
        console.error(err);
        void stop(1);
      },
    );
  });
}
