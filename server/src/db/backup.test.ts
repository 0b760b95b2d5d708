import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_NOW as AT } from '../test/harness';
import { enqueue } from '../jobs/queue';
import { audit, verifyAuditChain } from '../modules/audit/audit.service';
import type { Db } from './client';
import { backup, restore } from './backup';

async function snapshot(db: Db) {
  // Tables as the backup sees them: a partitioned table whole, not its partitions (which months exist follows each
  // database's own clock when it was migrated).
  const { rows: tables } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname <> 'schema_migrations' ORDER BY 1`.execute(db.kysely);
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{
      j: string;
    }>`SELECT row_to_json(t)::text AS j FROM ${sql.raw(`"${name}"`)} t`.execute(db.kysely);
    out[name] = rows.map((r) => r.j).sort();
  }
  return out;
}

describe('backup and restore', async () => {
  const source = await createTestDb();
  for (let i = 0; i < 2_345; i++)
    await enqueue(source.kysely, 'demo.job', { i, text: 'Giấy phép xây dựng "đặc biệt"\n' }, { runAt: AT });
  for (let i = 0; i < 30; i++)
    await audit(
      source,
      { type: 'system', at: AT },
      { action: 'demo', details: { i, when: new Date(0).toISOString() } },
    );
  await source.kysely.insertInto('seed_runs').values({ name: 'demo' }).execute();
  const file = path.join(
    os.tmpdir(),
    `motcua-backup-${process.pid}-${randomBytes(4).toString('hex')}.jsonl.gz`,
  );
  afterAll(() => fs.rmSync(file, { force: true }));

  it('round-trips every row into an empty database', async () => {
    const seen: string[] = [];
    const header = await backup(source, file, (t) => seen.push(t));
    expect(header.tables.find((t) => t.name === 'jobs')?.rows).toBe(2_345);
    expect(seen).toContain('jobs');
    const target = await createTestDb();
    await restore(target, file);
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect(await verifyAuditChain(target)).toEqual({ ok: true, entries: 30 });
    // Sequences continue after the restored ids.
    await enqueue(target.kysely, 'after.restore', {}, { runAt: AT });
    const last = await target.kysely
      .selectFrom('jobs')
      .select('id')
      .where('type', '=', 'after.restore')
      .executeTakeFirstOrThrow();
    expect(last.id).toBe(2_346);
  });

  it('refuses to restore over existing data and changes nothing', async () => {
    const target = await createTestDb();
    await enqueue(target.kysely, 'existing', {}, { runAt: AT });
    await expect(restore(target, file)).rejects.toThrow(/empty database.*jobs/);
    expect((await snapshot(target)).jobs).toHaveLength(1);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('backup across engines', () => {
  it('restores a PGlite backup into PostgreSQL', async () => {
    const { openDb } = await import('./client');
    const { migrate } = await import('./migrate');
    const lite = await openDb({ memory: true });
    await migrate(lite);
    for (let i = 0; i < 50; i++)
      await enqueue(lite.kysely, 'cross.engine', { i, note: 'Đăng ký khai sinh' }, { runAt: AT });
    await audit(lite, { type: 'system', at: AT }, { action: 'demo' });
    const file = path.join(os.tmpdir(), `motcua-cross-${process.pid}.jsonl.gz`);
    await backup(lite, file);
    const pgDb = await createTestDb();
    await restore(pgDb, file);
    expect(await snapshot(pgDb)).toEqual(await snapshot(lite));
    await lite.close();
    fs.rmSync(file, { force: true });
  }, 120_000);
});
