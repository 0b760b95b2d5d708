import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../../clock';
import { backup, restore } from '../../db/backup';
import type { Db } from '../../db/client';
import { blobPath, createLocalFileStore, type FileStore } from '../../files/file-store';
import { hashOf } from '../../files/migrate-files';

/**
 * Backup sets (ADR 0028): `<dir>/<kind>-<yyyymmdd-hhmm>/` holds `database.jsonl.gz` (db/backup.ts, ADR 0004), the
 * files under `files/ab/cd/<sha256>` and, written last, `manifest.json`; a set without a manifest is unfinished.
 * Files are hard links into `<dir>/pool/files/…`, so a file kept by many sets is on disk once, and a set is
 * complete on its own (copy the folder anywhere and restore from it).
 */
export type BackupKind = 'daily' | 'weekly' | 'manual';
export type Manifest = {
  format: 'motcua-backup-set';
  version: 1;
  kind: BackupKind;
  createdAt: string;
  database: { file: string; sha256: string; rows: number; tables: number };
  files: string[];
};
const FORMAT = 'motcua-backup-set';
const MANIFEST = 'manifest.json';
const DB_FILE = 'database.jsonl.gz';

export function setName(kind: BackupKind, at: Date): string {
  const s = at.toISOString(); // 2026-11-25T02:00:00.000Z
  return `${kind}-${s.slice(0, 10).replaceAll('-', '')}-${s.slice(11, 13)}${s.slice(14, 16)}${s.slice(17, 19)}`;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Links the pool's copy of `sha256` into the set, copying it from the live store first when the pool lacks it. */
async function keepFile(pool: FileStore, poolRoot: string, setRoot: string, live: FileStore, sha256: string) {
  const target = blobPath(path.join(setRoot, 'files'), sha256);
  await mkdir(path.dirname(target), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    if (!(await pool.has(sha256))) {
      const stored = await pool.put(await live.get(sha256));
      if (stored.sha256 !== sha256) throw new Error(`File ${sha256} read back with hash ${stored.sha256}`);
    }
    try {
      await link(blobPath(path.join(poolRoot, 'files'), sha256), target);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return;
      // The retention of another run removed the pool's copy between the check and the link: copy it again.
      if (code !== 'ENOENT' || attempt >= 2) throw err;
    }
  }
}

/** Writes one complete backup set: every row, then every file the store holds (a superset of what the rows name). */
export async function createBackupSet(
  db: Db,
  live: FileStore,
  dir: string,
  kind: BackupKind,
  now: Date,
  clock?: Clock,
): Promise<{ name: string; manifest: Manifest }> {
  const name = setName(kind, now);
  const setRoot = path.join(dir, name);
  const poolRoot = path.join(dir, 'pool');
  await rm(setRoot, { recursive: true, force: true }); // an unfinished earlier attempt of the same run
  await mkdir(setRoot, { recursive: true });
  const pool = createLocalFileStore(poolRoot);
  try {
    const header = await backup(db, path.join(setRoot, DB_FILE), undefined, clock ?? { now: () => now });
    // Files are stored before the rows that name them commit and never deleted, so listing after the rows were
    // read catches every file they name.
    const files: string[] = [];
    for await (const sha256 of live.list()) {
      await keepFile(pool, poolRoot, setRoot, live, sha256);
      files.push(sha256);
    }
    files.sort();
    const manifest: Manifest = {
      format: FORMAT,
      version: 1,
      kind,
      createdAt: now.toISOString(),
      database: {
        file: DB_FILE,
        sha256: await sha256File(path.join(setRoot, DB_FILE)),
        rows: header.tables.reduce((n, t) => n + t.rows, 0),
        tables: header.tables.length,
      },
      files,
    };
    await writeFile(path.join(setRoot, `${MANIFEST}.part`), JSON.stringify(manifest, null, 1));
    await rename(path.join(setRoot, `${MANIFEST}.part`), path.join(setRoot, MANIFEST));
    return { name, manifest };
  } catch (err) {
    await rm(setRoot, { recursive: true, force: true });
    throw err;
  }
}

export async function readManifest(setRoot: string): Promise<Manifest | undefined> {
  try {
    const m = JSON.parse(await readFile(path.join(setRoot, MANIFEST), 'utf8')) as Manifest;
    return m.format === FORMAT ? m : undefined;
  } catch {
    return undefined;
  }
}

/** The finished sets in `dir`, oldest first. */
export async function listBackupSets(dir: string): Promise<{ name: string; manifest: Manifest }[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) =>
    /^(daily|weekly|manual)-\d{8}-\d{6}$/.test(n),
  );
  const sets = [];
  for (const name of names.sort()) {
    const manifest = await readManifest(path.join(dir, name));
    if (manifest) sets.push({ name, manifest });
  }
  return sets.sort((a, b) => a.manifest.createdAt.localeCompare(b.manifest.createdAt));
}

/**
 * Keeps the newest `keep` finished sets of `kind`, removes older ones, then removes pool files no set links to
 * (a pool file with one link is in no set). Returns the names removed.
 */
export async function applyRetention(dir: string, kind: BackupKind, keep: number): Promise<string[]> {
  const sets = (await listBackupSets(dir)).filter((s) => s.manifest.kind === kind);
  const old = sets.slice(0, Math.max(0, sets.length - keep)).map((s) => s.name);
  for (const name of old) await rm(path.join(dir, name), { recursive: true, force: true });
  if (old.length) {
    const pool = createLocalFileStore(path.join(dir, 'pool'));
    for await (const sha256 of pool.list()) {
      const file = blobPath(path.join(dir, 'pool', 'files'), sha256);
      if ((await stat(file)).nlink <= 1) await rm(file, { force: true });
    }
  }
  return old;
}

export type RestoreReport = { rows: number; tables: number; files: number };

/**
 * Restores a set into an empty, migrated database and the configured store: the database file is checked against
 * its manifest hash first, then every row is loaded (one transaction), then every file is copied and read back
 * from the store and its hash compared; any difference stops with an error naming the file.
 */
export async function restoreBackupSet(db: Db, setRoot: string, live: FileStore): Promise<RestoreReport> {
  const manifest = await readManifest(setRoot);
  if (!manifest) throw new Error(`${setRoot} is not a finished backup set (no ${MANIFEST})`);
  const dbFile = path.join(setRoot, manifest.database.file);
  if ((await sha256File(dbFile)) !== manifest.database.sha256)
    throw new Error(`${dbFile} does not match the hash in ${MANIFEST}`);
  const header = await restore(db, dbFile);
  const source = createLocalFileStore(setRoot);
  for (const sha256 of manifest.files) {
    if (!(await live.has(sha256))) await live.put(await source.get(sha256));
    if ((await hashOf(live, sha256)) !== sha256) throw new Error(`File ${sha256} differs after the restore`);
  }
  return {
    rows: header.tables.reduce((n, t) => n + t.rows, 0),
    tables: header.tables.length,
    files: manifest.files.length,
  };
}
