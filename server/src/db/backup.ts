import { systemClock, type Clock } from '../clock';
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import type { Db } from './client';
import type { Database } from './schema';

/**
 * A portable backup: gzip'd JSON lines — a header, then per table a marker line and one line per row
 * (row_to_json). Engine-neutral, so a PGlite backup restores into PostgreSQL and back.
 */
const FORMAT = 'motcua-backup';
const BATCH = 2_000;
const SKIP = new Set(['schema_migrations']);

type TableInfo = { name: string; pk: string[]; columns: string[] };
type Header = {
  format: string;
  version: 1;
  createdAt: string;
  engine: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
};
export type Progress = (table: string, rows: number) => void;

async function tables(k: Kysely<Database>): Promise<TableInfo[]> {
  const { rows } = await sql<{ name: string; pk: string[] | null; columns: string[] }>`
    SELECT c.relname AS name,
      (SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum))
         FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
        WHERE i.indrelid = c.oid AND i.indisprimary) AS pk,
      (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`.execute(
    k,
  );
  const { rows: deps } = await sql<{ child: string; parent: string }>`
    SELECT cl.relname AS child, pl.relname AS parent FROM pg_constraint con
      JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_class pl ON pl.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = cl.relnamespace
    WHERE con.contype = 'f' AND n.nspname = 'public' AND cl.relname <> pl.relname`.execute(k);
  const infos = rows
    .filter((t) => !SKIP.has(t.name))
    .map((t) => ({ name: t.name, pk: t.pk ?? [], columns: t.columns }));
  // Parents before children, so a restore never inserts a row before what it references.
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < infos.length) {
    const next = infos.find(
      (t) =>
        !placed.has(t.name) &&
        deps.every((d) => d.child !== t.name || placed.has(d.parent) || SKIP.has(d.parent)),
    );
    if (!next) throw new Error('Foreign keys form a cycle between tables; cannot order the backup');
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function backup(
  db: Db,
  file: string,
  onProgress: Progress = () => undefined,
  clock: Clock = systemClock,
): Promise<Header> {
  const k = db.kysely;
  const infos = await tables(k);
  const migrations = (await k.selectFrom('schema_migrations').select('name').orderBy('name').execute()).map(
    (m) => m.name,
  );
  const counts = await Promise.all(
    infos.map(async (t) => {
      const { rows } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM ${sql.raw(ident(t.name))}`.execute(k);
      return { name: t.name, rows: rows[0]?.n ?? 0 };
    }),
  );
  const header: Header = {
    format: FORMAT,
    version: 1,
    createdAt: clock.now().toISOString(),
    engine: db.engine,
    migrations,
    tables: counts,
  };

  async function* lines() {
    yield JSON.stringify(header) + '\n';
    for (const t of infos) {
      yield JSON.stringify({ table: t.name }) + '\n';
      const order = (t.pk.length ? t.pk : t.columns).map(ident).join(', ');
      let done = 0;
      // Keyset paging on the primary key keeps each page cheap on large tables.
      let after: unknown[] | null = null;
      for (;;) {
        const where = after && t.pk.length ? sql`WHERE (${sql.raw(order)}) > (${sql.join(after)})` : sql``;
        const offset = t.pk.length ? sql`` : sql`OFFSET ${done}`;
        const { rows } = await sql<{
          j: string;
        }>`SELECT row_to_json(t)::text AS j FROM ${sql.raw(ident(t.name))} t
          ${where} ORDER BY ${sql.raw(order)} LIMIT ${BATCH} ${offset}`.execute(k);
        for (const r of rows) yield `${r.j}\n`;
        done += rows.length;
        onProgress(t.name, done);
        if (rows.length < BATCH) break;
        const last = JSON.parse(rows[rows.length - 1]!.j) as Record<string, unknown>;
        after = t.pk.map((c) => last[c]);
      }
    }
  }
  await pipeline(Readable.from(lines()), zlib.createGzip(), fs.createWriteStream(file));
  return header;
}

/** Restores into a migrated, empty database, all in one transaction: either every row or none. */
export async function restore(db: Db, file: string, onProgress: Progress = () => undefined): Promise<Header> {
  const input = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
  const it = input[Symbol.asyncIterator]();
  const first = await it.next();
  const header = JSON.parse(first.done ? '{}' : first.value) as Header;
  if (header.format !== FORMAT) throw new Error(`${file} is not a Một Cửa backup`);
  const k = db.kysely;
  const applied = new Set(
    (await k.selectFrom('schema_migrations').select('name').execute()).map((m) => m.name),
  );
  const unknown = header.migrations.filter((m) => !applied.has(m));
  if (unknown.length)
    throw new Error(`The backup needs migrations this version does not have: ${unknown.join(', ')}`);
  const infos = new Map((await tables(k)).map((t) => [t.name, t]));

  await k.transaction().execute(async (trx) => {
    for (const t of infos.values()) {
      const { rows } = await sql<{
        any: boolean;
      }>`SELECT EXISTS (SELECT 1 FROM ${sql.raw(ident(t.name))}) AS any`.execute(trx);
      if (rows[0]?.any) throw new Error(`Restore needs an empty database, but table ${t.name} has rows`);
    }
    // Rows arrive parents-first, but a table may reference itself; triggers (FK checks, append-only guards) are off for the load.
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    let table: TableInfo | undefined;
    let batch: string[] = [];
    let loaded = 0;
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const cols = table.columns.map(ident).join(', ');
      await sql`INSERT INTO ${sql.raw(ident(table.name))} (${sql.raw(cols)}) OVERRIDING SYSTEM VALUE
        SELECT ${sql.raw(cols)} FROM json_populate_recordset(NULL::${sql.raw(ident(table.name))}, ${`[${batch.join(',')}]`}::json)`.execute(
        trx,
      );
      loaded += batch.length;
      batch = [];
      onProgress(table.name, loaded);
    };
    for (let next = await it.next(); !next.done; next = await it.next()) {
      const line = next.value;
      if (!line) continue;
      if (line.startsWith('{"table":')) {
        await flush();
        const name = (JSON.parse(line) as { table: string }).table;
        table = infos.get(name);
        if (!table) throw new Error(`The backup has table ${name}, which this database does not`);
        loaded = 0;
        continue;
      }
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    // Sequences continue after the restored ids.
    const { rows: seqs } = await sql<{ tbl: string; col: string; seq: string }>`
      SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`.execute(
      trx,
    );
    for (const s of seqs) {
      await sql`SELECT setval(${s.seq}::regclass, COALESCE((SELECT max(${sql.raw(ident(s.col))}) FROM ${sql.raw(ident(s.tbl))}), 1),
        (SELECT max(${sql.raw(ident(s.col))}) FROM ${sql.raw(ident(s.tbl))}) IS NOT NULL)`.execute(trx);
    }
  });
  return header;
}
