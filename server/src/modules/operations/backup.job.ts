import { loadConfig, type Config } from '../../config';
import type { Db } from '../../db/client';
import { fileStoreFor } from '../../files/store-for';
import { enqueue, type JobHandler } from '../../jobs/queue';
import { applyS3Retention, createS3BackupSet } from './backup-s3';
import { applyRetention, createBackupSet, type BackupKind } from './backup-sets';

/**
 * Scheduled backups by the job queue: daily at 01:00 (004 Đ8.8, the unit's daily backup) and weekly on Sunday at
 * 02:00 Việt Nam time (001 Đ19.6.b, the province's weekly backup), each kind with its own retention.
 */
export const BACKUP_JOB = 'operations.backup';
const HOUR = 3_600_000;
const VN = 7 * HOUR;

let settings: Pick<Config, 'backups' | 'dataDir' | 'fileStore'> | undefined;
/** The configuration the job uses (set at boot; a worker-only process reads it from the environment). */
export function useBackupSettings(config: Pick<Config, 'backups' | 'dataDir' | 'fileStore'>): void {
  settings = config;
}
const current = () => settings ?? loadConfig();

/** The next run of a kind strictly after `now`: the same instant in every process, so deduplicated. */
export function nextBackupRun(kind: 'daily' | 'weekly', now: Date): Date {
  const local = new Date(now.getTime() + VN); // Vietnam wall time, read with getUTC*
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  if (kind === 'daily') {
    let at = day + 1 * HOUR - VN;
    if (at <= now.getTime()) at += 24 * HOUR;
    return new Date(at);
  }
  const sunday = day - local.getUTCDay() * 24 * HOUR; // this week's Sunday (getUTCDay: 0 = Sunday)
  let at = sunday + 2 * HOUR - VN;
  while (at <= now.getTime()) at += 7 * 24 * HOUR;
  return new Date(at);
}

export async function scheduleBackup(db: Db, kind: 'daily' | 'weekly', now: Date): Promise<void> {
  const runAt = nextBackupRun(kind, now);
  await enqueue(
    db.kysely,
    BACKUP_JOB,
    { kind, at: runAt.toISOString() },
    { runAt, maxAttempts: 3, dedupeKey: `${BACKUP_JOB}:${kind}@${runAt.toISOString()}` },
  );
}

export async function scheduleBackups(db: Db, now: Date): Promise<void> {
  if (!current().backups.schedule) return;
  await scheduleBackup(db, 'daily', now);
  await scheduleBackup(db, 'weekly', now);
}

/**
 * One backup set named by its scheduled instant (a rerun replaces it), then the kind's retention: into the backup
 * directory, or straight into the bucket when `backups.s3` is set (BACKUP_TARGET, default with FILE_STORE=s3).
 */
export async function runBackup(
  db: Db,
  config: Pick<Config, 'backups' | 'dataDir' | 'fileStore'>,
  kind: BackupKind,
  at: Date,
) {
  const live = fileStoreFor(config);
  const s3 = config.backups.s3;
  const { name, manifest } = s3
    ? await createS3BackupSet(db, live, s3, config.dataDir, kind, at)
    : await createBackupSet(db, live, config.backups.dir, kind, at);
  const keep = kind === 'weekly' ? config.backups.keepWeekly : config.backups.keepDaily;
  const removed =
    kind === 'manual'
      ? []
      : s3
        ? await applyS3Retention(s3, kind, keep)
        : await applyRetention(config.backups.dir, kind, keep);
  await db.kysely
    .insertInto('backup_runs')
    .values({
      kind,
      name,
      created_at: at,
      row_count: manifest.database.rows,
      file_count: manifest.files.length,
      removed: JSON.stringify(removed),
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return { name, manifest, removed };
}

export const backupJob: JobHandler = async (payload, { db, now, log }) => {
  const kind = payload.kind === 'weekly' ? 'weekly' : 'daily';
  const at = typeof payload.at === 'string' ? new Date(payload.at) : now;
  const config = current();
  const { name, manifest, removed } = await runBackup(db, config, kind, at);
  log.info(
    { backup: name, rows: manifest.database.rows, files: manifest.files.length, removed },
    'backup written',
  );
  if (config.backups.schedule) await scheduleBackup(db, kind, now);
};
