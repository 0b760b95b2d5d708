import { mkdtempSync } from 'node:fs';
import { appendFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { blobPath, createLocalFileStore } from '../../files/file-store';
import { jpegBytes, pdfBytes } from '../../files/files.fixtures';
import { pino } from 'pino';
import { createTestDb } from '../../test/harness';
import { detail, intakeFixture } from '../dossiers/dossiers.test-helpers';
import { applyRetention, listBackupSets, restoreBackupSet } from './backup-sets';
import { BACKUP_JOB, backupJob, nextBackupRun, runBackup, useBackupSettings } from './backup.job';

async function snapshot(db: Db) {
  const { rows: tables } = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY 1`.execute(
    db.kysely,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{
      j: string;
    }>`SELECT row_to_json(t)::text AS j FROM ${sql.raw(`"${name}"`)} t`.execute(db.kysely);
    out[name] = rows.map((r) => r.j).sort();
  }
  return out;
}

const f = await intakeFixture();
const backupDir = mkdtempSync(path.join(tmpdir(), 'motcua-backups-'));
const restoredDir = mkdtempSync(path.join(tmpdir(), 'motcua-restored-'));
afterAll(async () => {
  for (const d of [backupDir, restoredDir, f.dataDir]) await rm(d, { recursive: true, force: true });
});
const config = (keep = { keepDaily: 7, keepWeekly: 8 }) => ({
  dataDir: f.dataDir,
  fileStore: { kind: 'local' as const },
  backups: { dir: backupDir, schedule: true, ...keep },
});

describe('scheduled backups with the files', () => {
  it('runs daily at 01:00 and weekly on Sunday 02:00, Việt Nam time', () => {
    // Wednesday 25/11/2026 09:00 (+07) → Thursday 26/11 01:00; Sunday 29/11 02:00.
    const now = new Date('2026-11-25T09:00:00+07:00');
    expect(nextBackupRun('daily', now)).toEqual(new Date('2026-11-26T01:00:00+07:00'));
    expect(nextBackupRun('weekly', now)).toEqual(new Date('2026-11-29T02:00:00+07:00'));
    // 00:30 on a Sunday: the daily run is at 01:00 the same day, the weekly at 02:00 the same day.
    const sunday = new Date('2026-11-29T00:30:00+07:00');
    expect(nextBackupRun('daily', sunday)).toEqual(new Date('2026-11-29T01:00:00+07:00'));
    expect(nextBackupRun('weekly', sunday)).toEqual(new Date('2026-11-29T02:00:00+07:00'));
    // Exactly at the run: the next one.
    expect(nextBackupRun('weekly', new Date('2026-11-29T02:00:00+07:00'))).toEqual(
      new Date('2026-12-06T02:00:00+07:00'),
    );
  });

  it('restores every dossier and every file byte for byte onto an empty database and store', async () => {
    const uploaded = [await pdfBytes(2), jpegBytes(), await pdfBytes(3)];
    const ids = [];
    for (const bytes of uploaded) ids.push((await f.upload(f.citizenA, bytes, 'giay-to.pdf')).id);
    const submitted = detail(await f.submit(f.citizenA), 201);
    const accepted = detail(
      await f.inject(f.clerk('STTTT'), 'POST', `/api/reception/dossiers/${submitted.id}/accept`, {
        expectedVersion: submitted.version,
      }),
    );
    expect(accepted.code).toBeTruthy();

    // The job, as the worker runs it.
    useBackupSettings(config());
    const at = new Date('2026-11-26T01:00:00+07:00');
    await backupJob(
      { kind: 'daily', at: at.toISOString() },
      { db: f.db, now: at, log: pino({ level: 'silent' }), jobId: 1, attempt: 1 },
    );
    const sets = await listBackupSets(backupDir);
    expect(sets.map((s) => s.name)).toEqual(['daily-20261125-180000']);
    // The next daily run is queued.
    const next = await f.db.kysely
      .selectFrom('jobs')
      .select(['run_at'])
      .where('type', '=', BACKUP_JOB)
      .executeTakeFirstOrThrow();
    expect(next.run_at).toEqual(new Date('2026-11-27T01:00:00+07:00'));

    const target = await createTestDb();
    const store = createLocalFileStore(restoredDir);
    const report = await restoreBackupSet(target, path.join(backupDir, sets[0]!.name), store);
    expect(report.files).toBeGreaterThanOrEqual(4); // 3 uploads, the submit's scan, the receipt
    const before = await snapshot(f.db);
    const after = await snapshot(target);
    // The backup's own bookkeeping row is written after the set; the dossiers and everything else are identical.
    delete before.backup_runs;
    delete after.backup_runs;
    delete before.jobs;
    delete after.jobs;
    expect(after).toEqual(before);
    const named = [
      ...(await target.kysely.selectFrom('dossier_files').select('sha256').execute()),
      ...(await target.kysely.selectFrom('dossier_documents').select('sha256').execute()),
    ].map((r) => r.sha256);
    expect(named.length).toBeGreaterThanOrEqual(5);
    const source = createLocalFileStore(f.dataDir);
    for (const sha256 of named) {
      const a = Buffer.concat(await (await source.get(sha256)).toArray());
      const b = Buffer.concat(await (await store.get(sha256)).toArray());
      expect(b.equals(a), sha256).toBe(true);
    }
  });

  it('keeps the newest sets of a kind, and pool files only while a set still holds them', async () => {
    const cfg = config({ keepDaily: 2, keepWeekly: 1 });
    const days = ['2026-11-27', '2026-11-28', '2026-11-29'].map((d) => new Date(`${d}T01:00:00+07:00`));
    const first = await runBackup(f.db, cfg, 'daily', days[0]!);
    // A file that only the first two sets hold: gone from the live store before the third.
    const onlyEarly = await createLocalFileStore(f.dataDir).put(await pdfBytes(7));
    await runBackup(f.db, cfg, 'daily', days[1]!);
    await rm(blobPath(path.join(f.dataDir, 'files'), onlyEarly.sha256));
    const weekly = await runBackup(f.db, cfg, 'weekly', days[2]!);
    const third = await runBackup(f.db, cfg, 'daily', days[2]!);
    const names = (await listBackupSets(backupDir)).map((s) => s.name);
    expect(names).not.toContain(first.name);
    expect(names).toContain(third.name);
    expect(names).toContain(weekly.name);
    expect(names.filter((n) => n.startsWith('daily-'))).toHaveLength(2);
    expect(third.removed.length).toBeGreaterThanOrEqual(1);
    const pool = (p: string) => blobPath(path.join(backupDir, 'pool', 'files'), p);
    // Still held by the second set:
    expect((await stat(pool(onlyEarly.sha256))).nlink).toBe(2);
    // After the second set goes too, the pool lets the file go.
    await applyRetention(backupDir, 'daily', 1);
    await expect(stat(pool(onlyEarly.sha256))).rejects.toThrow();
    const runs = await f.db.kysely.selectFrom('backup_runs').select(['name', 'kind']).execute();
    expect(runs.map((r) => r.name)).toContain(third.name);
  });

  it('refuses a set whose database file was changed, and leaves the database empty', async () => {
    const set = (await listBackupSets(backupDir)).at(-1)!;
    const copy = path.join(backupDir, `${set.name}`);
    await appendFile(path.join(copy, 'database.jsonl.gz'), Buffer.from('x'));
    const target = await createTestDb();
    await expect(restoreBackupSet(target, copy, createLocalFileStore(restoredDir))).rejects.toThrow(
      /does not match/,
    );
    expect(await target.kysely.selectFrom('dossiers').select('id').execute()).toEqual([]);
    expect(await readdir(backupDir)).toContain('pool');
  });
});
