import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Clock } from '../../clock';
import { backup, restore } from '../../db/backup';
import type { Db } from '../../db/client';
import type { FileStore } from '../../files/file-store';
import { hashOf } from '../../files/migrate-files';
import { createS3FileStore, objectKey, type S3StoreConfig } from '../../files/s3-store';
import { setName, type BackupKind, type Manifest } from './backup-sets';

/**
 * Backup sets straight into an S3-compatible bucket (ADR 0028), for deployments whose files are already there:
 * nothing passes through a backup disk. Under the backup prefix: `<set>/database.jsonl.gz`, then `<set>/manifest.json`
 * (written last: a set without it is unfinished) and a shared, content-addressed `pool/ab/cd/<sha256>` holding each
 * file once for every set (object stores have no hard links; a file leaves the pool when no kept manifest names it).
 * The manifest is the same as a directory set's, so a set copied down (`aws s3 sync`) restores like one.
 */
const MANIFEST = 'manifest.json';
const DB_FILE = 'database.jsonl.gz';
const SET_NAME = /^(daily|weekly|manual)-\d{8}-\d{6}$/;

function clientOf(cfg: S3StoreConfig): S3Client {
  return new S3Client({
    region: cfg.region,
    endpoint: cfg.endpoint,
    forcePathStyle: cfg.forcePathStyle,
    credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
const poolStore = (cfg: S3StoreConfig, staging: string) =>
  createS3FileStore({ ...cfg, prefix: `${cfg.prefix}pool/` }, staging);

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function keysUnder(client: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

async function deleteKeys(client: S3Client, bucket: string, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 1000)
    await client.send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })) },
      }),
    );
}

/** Writes one complete set into the bucket: the rows (staged locally, then uploaded), every file, the manifest. */
export async function createS3BackupSet(
  db: Db,
  live: FileStore,
  cfg: S3StoreConfig,
  stagingDir: string,
  kind: BackupKind,
  now: Date,
  clock?: Clock,
): Promise<{ name: string; manifest: Manifest }> {
  const client = clientOf(cfg);
  const name = setName(kind, now);
  const tmp = await mkdtemp(path.join(stagingDir, 'backup-'));
  try {
    // An unfinished earlier attempt of the same run is replaced.
    await deleteKeys(client, cfg.bucket, await keysUnder(client, cfg.bucket, `${cfg.prefix}${name}/`));
    const dbFile = path.join(tmp, DB_FILE);
    const header = await backup(db, dbFile, undefined, clock ?? { now: () => now });
    await client.send(
      new PutObjectCommand({
        Bucket: cfg.bucket,
        Key: `${cfg.prefix}${name}/${DB_FILE}`,
        Body: createReadStream(dbFile),
        ContentLength: (await stat(dbFile)).size,
        ContentType: 'application/gzip',
      }),
    );
    // Files are stored before the rows naming them commit and are never deleted: listing after the rows catches all.
    const pool = poolStore(cfg, tmp);
    const files: string[] = [];
    for await (const sha256 of live.list()) {
      if (!(await pool.has(sha256))) {
        const stored = await pool.put(await live.get(sha256));
        if (stored.sha256 !== sha256) throw new Error(`File ${sha256} read back with hash ${stored.sha256}`);
      }
      files.push(sha256);
    }
    files.sort();
    const manifest: Manifest = {
      format: 'motcua-backup-set',
      version: 1,
      kind,
      createdAt: now.toISOString(),
      database: {
        file: DB_FILE,
        sha256: await sha256File(dbFile),
        rows: header.tables.reduce((n, t) => n + t.rows, 0),
        tables: header.tables.length,
      },
      files,
    };
    await client.send(
      new PutObjectCommand({
        Bucket: cfg.bucket,
        Key: `${cfg.prefix}${name}/${MANIFEST}`,
        Body: JSON.stringify(manifest, null, 1),
        ContentType: 'application/json',
      }),
    );
    return { name, manifest };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function readObject(client: S3Client, bucket: string, key: string): Promise<Readable> {
  const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if (!(res.Body instanceof Readable)) throw new Error(`S3 GetObject ${key} returned no stream`);
  return res.Body;
}

/** The finished sets in the bucket, oldest first. */
export async function listS3BackupSets(cfg: S3StoreConfig): Promise<{ name: string; manifest: Manifest }[]> {
  const client = clientOf(cfg);
  const names = (await keysUnder(client, cfg.bucket, cfg.prefix))
    .filter((k) => k.endsWith(`/${MANIFEST}`))
    .map((k) => k.slice(cfg.prefix.length, -(MANIFEST.length + 1)))
    .filter((n) => SET_NAME.test(n));
  const sets = [];
  for (const name of names) {
    const body = await readObject(client, cfg.bucket, `${cfg.prefix}${name}/${MANIFEST}`);
    const manifest = JSON.parse(Buffer.concat(await body.toArray()).toString('utf8')) as Manifest;
    if (manifest.format === 'motcua-backup-set') sets.push({ name, manifest });
  }
  return sets.sort((a, b) => a.manifest.createdAt.localeCompare(b.manifest.createdAt));
}

/** Keeps the newest `keep` sets of `kind`, deletes the older ones, then every pool file no kept set names. */
export async function applyS3Retention(
  cfg: S3StoreConfig,
  kind: BackupKind,
  keep: number,
): Promise<string[]> {
  const client = clientOf(cfg);
  const all = await listS3BackupSets(cfg);
  const ofKind = all.filter((s) => s.manifest.kind === kind);
  const old = ofKind.slice(0, Math.max(0, ofKind.length - keep)).map((s) => s.name);
  if (old.length === 0) return [];
  for (const name of old)
    await deleteKeys(client, cfg.bucket, await keysUnder(client, cfg.bucket, `${cfg.prefix}${name}/`));
  const held = new Set(all.filter((s) => !old.includes(s.name)).flatMap((s) => s.manifest.files));
  const poolPrefix = `${cfg.prefix}pool/`;
  const orphans = (await keysUnder(client, cfg.bucket, poolPrefix)).filter((k) => {
    const sha256 = k.slice(k.lastIndexOf('/') + 1);
    return k === objectKey(poolPrefix, sha256) && !held.has(sha256);
  });
  await deleteKeys(client, cfg.bucket, orphans);
  return old;
}

/**
 * Restores set `name` from the bucket into an empty, migrated database and the configured store: the database file
 * is checked against the manifest's hash, loaded in one transaction, then every file is copied and read back from
 * the store and its hash compared.
 */
export async function restoreS3BackupSet(
  db: Db,
  cfg: S3StoreConfig,
  name: string,
  live: FileStore,
  stagingDir: string,
): Promise<{ rows: number; tables: number; files: number }> {
  const client = clientOf(cfg);
  const set = (await listS3BackupSets(cfg)).find((s) => s.name === name);
  if (!set) throw new Error(`s3://${cfg.bucket}/${cfg.prefix}${name} is not a finished backup set`);
  const tmp = await mkdtemp(path.join(stagingDir, 'restore-'));
  try {
    const dbFile = path.join(tmp, DB_FILE);
    await pipeline(
      await readObject(client, cfg.bucket, `${cfg.prefix}${name}/${set.manifest.database.file}`),
      createWriteStream(dbFile),
    );
    if ((await sha256File(dbFile)) !== set.manifest.database.sha256)
      throw new Error(`${name}/${DB_FILE} does not match the hash in ${MANIFEST}`);
    const header = await restore(db, dbFile);
    const pool = poolStore(cfg, tmp);
    for (const sha256 of set.manifest.files) {
      if (!(await live.has(sha256))) await live.put(await pool.get(sha256));
      if ((await hashOf(live, sha256)) !== sha256)
        throw new Error(`File ${sha256} differs after the restore`);
    }
    return {
      rows: header.tables.reduce((n, t) => n + t.rows, 0),
      tables: header.tables.length,
      files: set.manifest.files.length,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
