import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { AppError } from '../http/errors';
import { actor, asActor, createTestApp } from '../test/harness';
import { startS3Server } from '../test/s3-server';
import { createLocalFileStore } from './file-store';
import { docxBytes, exeBytes, jpegBytes, pdfBytes, pngBytes, xlsxBytes } from './files.fixtures';
import { MEDIA_TYPES } from './media-type';
import { hashOf, migrateFiles } from './migrate-files';
import { createS3FileStore, objectKey } from './s3-store';
import { fileStoreFor } from './store-for';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const bytesOf = async (r: Readable) => Buffer.concat(await r.toArray());

let s3: Awaited<ReturnType<typeof startS3Server>>;
let staging: string;
beforeAll(async () => {
  s3 = await startS3Server();
  staging = await mkdtemp(path.join(tmpdir(), 'motcua-s3-staging-'));
});
afterAll(async () => {
  await s3.close();
  await rm(staging, { recursive: true, force: true });
});
const prefixed = () => ({ ...s3.config, prefix: `t-${randomUUID()}/` });

describe('S3 file store (against s3rver)', () => {
  it('stores each accepted type under <prefix>ab/cd/<sha256>, returns the same bytes, lists and checks them', async () => {
    const cfg = prefixed();
    const store = createS3FileStore(cfg, staging);
    const samples = [
      [await pdfBytes(2), MEDIA_TYPES.pdf],
      [jpegBytes(), MEDIA_TYPES.jpeg],
      [pngBytes(), MEDIA_TYPES.png],
      [docxBytes(), MEDIA_TYPES.docx],
      [xlsxBytes(), MEDIA_TYPES.xlsx],
    ] as const;
    for (const [bytes, mediaType] of samples) {
      const stored = await store.put(Readable.from([bytes]));
      expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length, mediaType });
      expect(await store.has(stored.sha256)).toBe(true);
      expect((await bytesOf(await store.get(stored.sha256))).equals(bytes)).toBe(true);
      // The same bytes again (as a buffer) are found, not written twice.
      expect(await store.put(bytes)).toEqual(stored);
    }
    const listed: string[] = [];
    for await (const h of store.list()) listed.push(h);
    expect(listed.sort()).toEqual(samples.map(([b]) => sha(b)).sort());
    expect(objectKey(cfg.prefix, listed[0]!)).toBe(
      `${cfg.prefix}${listed[0]!.slice(0, 2)}/${listed[0]!.slice(2, 4)}/${listed[0]}`,
    );
  });

  it('refuses a type it does not accept and leaves nothing in the bucket or the staging directory', async () => {
    const store = createS3FileStore(prefixed(), staging);
    await expect(store.put(exeBytes(), { name: 'virus.exe' })).rejects.toBeInstanceOf(AppError);
    const listed: string[] = [];
    for await (const h of store.list()) listed.push(h);
    expect(listed).toEqual([]);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(path.join(staging, 'tmp')).catch(() => [])).toEqual([]);
  });

  it('answers NOT_FOUND for an absent or malformed address', async () => {
    const store = createS3FileStore(prefixed(), staging);
    await expect(store.get('0'.repeat(64))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(store.get('../etc/passwd')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await store.has('nope')).toBe(false);
  });

  it('FILE_TOO_LARGE while streaming past maxBytes, nothing stored', async () => {
    const store = createS3FileStore(prefixed(), staging);
    const big = await pdfBytes(3);
    await expect(store.put(Readable.from([big]), { maxBytes: 100 })).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
    expect(await store.has(sha(big))).toBe(false);
  });
});

describe('motcua files migrate', () => {
  it('copies local → S3 → another directory and verifies every hash; a second run copies nothing', async () => {
    const src = await mkdtemp(path.join(tmpdir(), 'motcua-mig-src-'));
    const dst = await mkdtemp(path.join(tmpdir(), 'motcua-mig-dst-'));
    try {
      const local = createLocalFileStore(src);
      const files = [await pdfBytes(1), pngBytes(), jpegBytes(), docxBytes()];
      for (const b of files) await local.put(b);
      const bucket = createS3FileStore(prefixed(), staging);
      expect(await migrateFiles(local, bucket)).toEqual({ copied: 4, present: 0, mismatched: [] });
      expect(await migrateFiles(local, bucket)).toEqual({ copied: 0, present: 4, mismatched: [] });
      const back = createLocalFileStore(dst);
      expect(await migrateFiles(bucket, back)).toEqual({ copied: 0 + 4, present: 0, mismatched: [] });
      for (const b of files) expect((await bytesOf(await back.get(sha(b)))).equals(b)).toBe(true);
    } finally {
      await rm(src, { recursive: true, force: true });
      await rm(dst, { recursive: true, force: true });
    }
  });

  it('reports an object whose bytes do not match its address', async () => {
    const cfg = prefixed();
    const bucket = createS3FileStore(cfg, staging);
    const good = await bucket.put(pngBytes());
    // Someone overwrote the object behind the application's back.
    const client = new S3Client({
      region: cfg.region,
      endpoint: cfg.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
    });
    await client.send(
      new PutObjectCommand({
        Bucket: cfg.bucket,
        Key: objectKey(cfg.prefix, good.sha256),
        Body: jpegBytes(),
      }),
    );
    expect(await hashOf(bucket, good.sha256)).toBe(sha(jpegBytes()));
    const dst = await mkdtemp(path.join(tmpdir(), 'motcua-mig-bad-'));
    try {
      const report = await migrateFiles(bucket, createLocalFileStore(dst));
      expect(report.mismatched).toEqual([good.sha256]);
    } finally {
      await rm(dst, { recursive: true, force: true });
    }
  });
});

describe('FILE_STORE=s3 chosen by configuration', () => {
  it('reads the S3_* variables and refuses FILE_STORE=s3 without a bucket and keys', () => {
    const env = {
      FILE_STORE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'motcua',
      S3_PREFIX: 'files/',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
    };
    expect(loadConfig(env).fileStore).toMatchObject({ kind: 's3', bucket: 'motcua', prefix: 'files/' });
    expect(loadConfig({}).fileStore).toEqual({ kind: 'local' });
    expect(() => loadConfig({ FILE_STORE: 's3' })).toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ ...env, S3_PREFIX: 'no-slash' })).toThrow(/S3_PREFIX/);
  });

  it('an upload through the API lands in the bucket and is served back from it', async () => {
    const cfg = prefixed();
    const t = await createTestApp({ fileStore: { kind: 's3', ...cfg }, dataDir: staging });
    const who = actor({ kind: 'citizen', userId: randomUUID(), name: 'Lê Văn Thử' });
    const bytes = await pdfBytes(1);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dossier-files',
      payload: bytes,
      headers: { ...asActor(who), 'content-type': 'application/octet-stream', 'x-file-name': 'don.pdf' },
    });
    expect(res.statusCode).toBe(201);
    const bucket = fileStoreFor({ dataDir: staging, fileStore: { kind: 's3', ...cfg } });
    expect(await bucket.has(sha(bytes))).toBe(true);
    // Nothing went to the local store.
    expect(await createLocalFileStore(staging).has(sha(bytes))).toBe(false);
  });
});
