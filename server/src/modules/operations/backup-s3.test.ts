import { mkdtempSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DeleteObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createLocalFileStore } from '../../files/file-store';
import { jpegBytes, pdfBytes } from '../../files/files.fixtures';
import { createS3FileStore, objectKey } from '../../files/s3-store';
import { fileStoreFor } from '../../files/store-for';
import { createTestDb } from '../../test/harness';
import { startS3Server } from '../../test/s3-server';
import { detail, intakeFixture } from '../dossiers/dossiers.test-helpers';
import { listS3BackupSets, restoreS3BackupSet } from './backup-s3';
import { runBackup } from './backup.job';

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

// The files live in the bucket (FILE_STORE=s3, at its root) and the sets go to the same bucket under backups/.
const s3 = await startS3Server();
const f = await intakeFixture({ fileStore: { kind: 's3', ...s3.config } });
const backupDir = mkdtempSync(path.join(tmpdir(), 'motcua-unused-backups-'));
const restoredDir = mkdtempSync(path.join(tmpdir(), 'motcua-restored-s3-'));
afterAll(async () => {
  await s3.close();
  for (const d of [backupDir, restoredDir, f.dataDir]) await rm(d, { recursive: true, force: true });
});
const target = { ...s3.config, prefix: 'backups/' };
const config = (keepDaily = 7) => ({
  dataDir: f.dataDir,
  fileStore: { kind: 's3' as const, ...s3.config },
  backups: { dir: backupDir, schedule: true, keepDaily, keepWeekly: 8, s3: target },
});
const client = new S3Client({
  region: s3.config.region,
  endpoint: s3.config.endpoint,
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
});
const keys = async (prefix: string) =>
  (
    (await client.send(new ListObjectsV2Command({ Bucket: s3.config.bucket, Prefix: prefix }))).Contents ?? []
  ).map((o) => o.Key!);
const listed = async () => {
  const out: string[] = [];
  for await (const h of fileStoreFor(config()).list()) out.push(h);
  return out.sort();
};

describe('backup sets straight into S3 (against s3rver)', () => {
  let liveFiles: string[] = [];
  it('writes the rows and every file into the bucket, nothing on a backup disk, and the file store ignores them', async () => {
    for (const bytes of [await pdfBytes(2), jpegBytes()]) await f.upload(f.citizenA, bytes, 'giay-to.pdf');
    const submitted = detail(await f.submit(f.citizenA), 201);
    detail(
      await f.inject(f.clerk('STTTT'), 'POST', `/api/reception/dossiers/${submitted.id}/accept`, {
        expectedVersion: submitted.version,
      }),
    );
    liveFiles = await listed();
    expect(liveFiles.length).toBeGreaterThanOrEqual(4);

    const at = new Date('2026-11-26T01:00:00+07:00');
    const run = await runBackup(f.db, config(), 'daily', at);
    expect(run.name).toBe('daily-20261125-180000');
    expect(run.manifest.files).toEqual(liveFiles);
    const sets = await listS3BackupSets(target);
    expect(sets.map((s) => s.name)).toEqual([run.name]);
    expect(await keys(`backups/${run.name}/`)).toEqual([
      `backups/${run.name}/database.jsonl.gz`,
      `backups/${run.name}/manifest.json`,
    ]);
    expect((await keys('backups/pool/')).sort()).toEqual(
      liveFiles.map((h) => objectKey('backups/pool/', h)).sort(),
    );
    expect(await readdir(backupDir)).toEqual([]);
    // The pool's copies under the same bucket are not files of the live store.
    expect(await listed()).toEqual(liveFiles);
  });

  it('restores every dossier and every file byte for byte from the bucket onto an empty database and store', async () => {
    const db = await createTestDb();
    const store = createLocalFileStore(restoredDir);
    const report = await restoreS3BackupSet(db, target, 'daily-20261125-180000', store, restoredDir);
    expect(report.files).toBe(liveFiles.length);
    const before = await snapshot(f.db);
    const after = await snapshot(db);
    for (const s of [before, after]) {
      delete s.backup_runs;
      delete s.jobs;
    }
    expect(after).toEqual(before);
    const live = createS3FileStore(s3.config, f.dataDir);
    for (const sha256 of liveFiles) {
      const a = Buffer.concat(await (await live.get(sha256)).toArray());
      const b = Buffer.concat(await (await store.get(sha256)).toArray());
      expect(b.equals(a), sha256).toBe(true);
    }
    await expect(
      restoreS3BackupSet(await createTestDb(), target, 'daily-20991231-000000', store, restoredDir),
    ).rejects.toThrow(/not a finished backup set/);
  });

  it('keeps the newest sets of a kind and lets pool files go once no kept set names them', async () => {
    const extra = await f.upload(f.citizenA, await pdfBytes(5), 'them.pdf');
    const sha = (
      await f.db.kysely
        .selectFrom('dossier_files')
        .select('sha256')
        .where('id', '=', extra.id)
        .executeTakeFirstOrThrow()
    ).sha256;
    const second = await runBackup(f.db, config(1), 'daily', new Date('2026-11-27T01:00:00+07:00'));
    expect(second.removed).toEqual(['daily-20261125-180000']);
    expect(await keys(objectKey('backups/pool/', sha))).toHaveLength(1);
    // The file leaves the live bucket (as if never kept); the next set no longer names it, so the pool drops it.
    await client.send(new DeleteObjectCommand({ Bucket: s3.config.bucket, Key: objectKey('', sha) }));
    const third = await runBackup(f.db, config(1), 'daily', new Date('2026-11-28T01:00:00+07:00'));
    expect(third.removed).toEqual([second.name]);
    expect((await listS3BackupSets(target)).map((s) => s.name)).toEqual([third.name]);
    expect(await keys(objectKey('backups/pool/', sha))).toEqual([]);
    expect(await keys(`backups/${second.name}/`)).toEqual([]);
    const runs = await f.db.kysely.selectFrom('backup_runs').select('name').execute();
    expect(runs.map((r) => r.name)).toContain(third.name);
  });
});
