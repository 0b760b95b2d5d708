import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Db } from './client';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIGRATION_LOCK = 734_001;

export type Migration = { name: string; file: string };

/**
 * Forward-only SQL migrations, from db/migrations and each module's migrations folder, ordered by file name
 * (timestamp first). Each runs in its own transaction under an advisory lock, so several instances may boot at once.
 */
export function listMigrations(): Migration[] {
  const dirs = [path.join(srcDir, 'db', 'migrations')];
  const modulesDir = path.join(srcDir, 'modules');
  for (const m of fs.existsSync(modulesDir) ? fs.readdirSync(modulesDir) : []) {
    const dir = path.join(modulesDir, m, 'migrations');
    if (fs.existsSync(dir)) dirs.push(dir);
  }
  const all = dirs.flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => ({ name: f.replace(/\.sql$/, ''), file: path.join(dir, f) })),
  );
  all.sort((a, b) => a.name.localeCompare(b.name));
  const dup = all.find((m, i) => i > 0 && all[i - 1]?.name === m.name);
  if (dup) throw new Error(`Two migrations are named ${dup.name}`);
  return all;
}

export async function migrate(
  db: Db,
  onProgress: (name: string) => void = () => undefined,
): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db.kysely);
  const applied: string[] = [];
  for (const m of listMigrations()) {
    const ran = await db.kysely.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      const done = await trx
        .selectFrom('schema_migrations')
        .select('name')
        .where('name', '=', m.name)
        .executeTakeFirst();
      if (done) return false;
      await sql.raw(fs.readFileSync(m.file, 'utf8')).execute(trx);
      await trx.insertInto('schema_migrations').values({ name: m.name }).execute();
      return true;
    });
    if (ran) {
      applied.push(m.name);
      onProgress(m.name);
    }
  }
  return applied;
}
