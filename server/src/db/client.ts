import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { PREPARED_MARK } from './prepared';
import type { Database } from './schema';

export type Engine = 'pglite' | 'postgres';
/**
 * The one executor type: a Kysely handle or an open transaction (a `Transaction<Database>` is a `Kysely<Database>`).
 * Repos and read services take a `Kdb`; a function that must run inside the caller's transaction takes a
 * `Transaction<Database>`.
 */
export type Kdb = Kysely<Database>;

/** One handle for both engines: the same Kysely API and the same SQL run on PGlite and on PostgreSQL. */
export type Db = {
  engine: Engine;
  kysely: Kdb;
  /** Closes the connections; a second call does nothing. */
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (what `loadDataDir` takes). */
  dump?: () => Promise<Blob | File>;
  /** PGlite only: the engine itself, for a bench's bare baseline (application code goes through `kysely`). */
  lite?: PGlite;
};

/** `close` made safe to call twice (a test that closes its database early, then the harness at the end). */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

// Both engines parse values the same way, so code and tests never see engine differences.
const OID = { int8: 20, numeric: 1700, date: 1082, timestamp: 1114, timestamptz: 1184 } as const;
const parseBigint = (v: string) => Number(v);
const parseTimestamp = (v: string) => new Date(v.includes('+') || v.endsWith('Z') ? v : `${v}Z`);

/** Distinct prepared texts per connection at most; beyond that, statements are sent unnamed (parsed each time). */
const MAX_PREPARED = 200;

type QueryFn = (...args: unknown[]) => Promise<unknown>;
/** Sends the marked statements (`db/prepared.ts`) of this connection as named prepared statements, one name per text. */
function prepareMarked(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFn;
  const names = new Map<string, string>();
  (client as unknown as { query: QueryFn }).query = (text, values, ...rest) => {
    if (typeof text === 'string' && text.endsWith(PREPARED_MARK) && Array.isArray(values) && !rest.length) {
      let name = names.get(text);
      if (name === undefined && names.size < MAX_PREPARED) names.set(text, (name = `motcua_${names.size}`));
      if (name !== undefined) return query({ name, text, values });
    }
    return query(text, values, ...rest);
  };
}

export type OpenOptions = {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  /** PostgreSQL only: how the connections name themselves in pg_stat_activity. */
  applicationName?: string;
  /** PostgreSQL only: give up opening a connection after this long (default: wait as long as the OS does). */
  connectTimeoutMs?: number;
  memory?: boolean;
  /** PGlite only: start from this dump of a data directory (`dumpDataDir`) instead of an empty cluster. */
  loadDataDir?: Blob;
};

export async function openDb(opts: OpenOptions): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts);
  return openPglite(
    opts.memory ? undefined : path.join(opts.dataDir ?? './data', 'pgdata'),
    opts.loadDataDir,
  );
}

function openPostgres(
  url: string,
  max: number,
  opts: Pick<OpenOptions, 'applicationName' | 'connectTimeoutMs'> = {},
): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    ...(opts.applicationName ? { application_name: opts.applicationName } : {}),
    ...(opts.connectTimeoutMs ? { connectionTimeoutMillis: opts.connectTimeoutMs } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === OID.int8) return parseBigint;
        if (oid === OID.date || oid === OID.numeric) return (v: string) => v;
        if (oid === OID.timestamp) return parseTimestamp;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  pool.on('connect', prepareMarked);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { engine: 'postgres', kysely, close: once(() => kysely.destroy()) };
}

async function openPglite(dir: string | undefined, loadDataDir?: Blob): Promise<Db> {
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const lite = await PGlite.create(dir, {
    loadDataDir,
    extensions: { pg_trgm, unaccent },
    parsers: {
      [OID.int8]: parseBigint,
      [OID.numeric]: (v: string) => v,
      [OID.date]: (v: string) => v,
      [OID.timestamp]: parseTimestamp,
    },
  });
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: pglitePool(lite) }),
  });
  return {
    engine: 'pglite',
    kysely,
    lite,
    dump: () => lite.dumpDataDir('none'),
    close: once(async () => {
      await kysely.destroy();
      await lite.close();
    }),
  };
}

/**
 * PGlite is one session. Kysely borrows it like a pool connection; a mutex keeps a transaction's statements
 * together. Consequence: inside a transaction, always use the transaction handle, never the root `db`.
 */
function pglitePool(lite: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();
  const client: PostgresPoolClient = {
    // @ts-expect-error -- cursor overload is not used
    async query(sqlText: string, parameters: ReadonlyArray<unknown>) {
      if (parameters.length === 0) {
        const results = await lite.exec(sqlText);
        const last = results.at(-1);
        return { command: commandOf(sqlText), rowCount: last?.affectedRows ?? 0, rows: last?.rows ?? [] };
      }
      const r = await lite.query(sqlText, parameters as unknown[]);
      return { command: commandOf(sqlText), rowCount: r.affectedRows ?? 0, rows: r.rows };
    },
    release() {},
  };
  return {
    async connect() {
      let release!: () => void;
      const prev = tail;
      tail = new Promise<void>((resolve) => (release = resolve));
      await prev;
      return { query: client.query.bind(client), release } as PostgresPoolClient;
    },
    async end() {
      await tail;
    },
  };
}

/** Kysely reads affected-row counts only for data-changing commands. */
function commandOf(sqlText: string) {
  const m = /^\s*(insert|update|delete|merge)\b/i.exec(sqlText);
  return (m?.[1]?.toUpperCase() ?? 'SELECT') as 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'MERGE';
}
