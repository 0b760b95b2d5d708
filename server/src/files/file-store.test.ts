import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../http/errors';
import { blobPath, createLocalFileStore, type FileStore } from './file-store';
import { docxBytes, exeBytes, jpegBytes, pdfBytes, pngBytes, xlsxBytes } from './files.fixtures';
import { MEDIA_TYPES } from './media-type';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const bytesOf = async (r: Readable) => Buffer.concat(await r.toArray());

/** Every file under a directory, recursively, relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

let dataDir: string;
let store: FileStore;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'motcua-files-'));
  store = createLocalFileStore(dataDir);
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('local file store', () => {
  it('stores each accepted type under files/ab/cd/<sha256> and returns the same bytes', async () => {
    const samples = [
      [await pdfBytes(2), MEDIA_TYPES.pdf],
      [jpegBytes(), MEDIA_TYPES.jpeg],
      [pngBytes(), MEDIA_TYPES.png],
      [docxBytes(), MEDIA_TYPES.docx],
      [xlsxBytes(), MEDIA_TYPES.xlsx],
    ] as const;
    for (const [bytes, mediaType] of samples) {
      const stored = await store.put(bytes);
      expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length, mediaType });
      const file = path.join(
        dataDir,
        'files',
        stored.sha256.slice(0, 2),
        stored.sha256.slice(2, 4),
        stored.sha256,
      );
      expect(blobPath(path.join(dataDir, 'files'), stored.sha256)).toBe(file);
      expect((await readFile(file)).equals(bytes)).toBe(true);
      expect((await bytesOf(await store.get(stored.sha256))).equals(bytes)).toBe(true);
      expect(await store.has(stored.sha256)).toBe(true);
    }
    expect(await filesUnder(path.join(dataDir, 'files', 'tmp'))).toEqual([]);
  });

  it('accepts a stream and hashes it while writing', async () => {
    const pdf = await pdfBytes(3);
    const chunks = [pdf.subarray(0, 100), pdf.subarray(100, 1000), pdf.subarray(1000)];
    const stored = await store.put(Readable.from(chunks));
    expect(stored).toEqual({ sha256: sha(pdf), size: pdf.length, mediaType: MEDIA_TYPES.pdf });
  });

  it('is idempotent: the same content, put twice or concurrently, is stored once at the same address', async () => {
    const png = pngBytes();
    const results = await Promise.all([store.put(png), store.put(png), store.put(Readable.from([png]))]);
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    const again = await store.put(Buffer.from(png));
    expect(again.sha256).toBe(results[0]!.sha256);
    const files = await filesUnder(path.join(dataDir, 'files'));
    expect(files).toEqual([path.join(again.sha256.slice(0, 2), again.sha256.slice(2, 4), again.sha256)]);
  });

  it('refuses a disallowed type and leaves nothing behind', async () => {
    const exe = exeBytes();
    const err = await store.put(exe, { name: 'giay-to.pdf' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect((err as AppError).params.file).toBe('giay-to.pdf');
    expect(await store.has(sha(exe))).toBe(false);
    expect(await filesUnder(path.join(dataDir, 'files'))).toEqual([]);
  });

  it('stops a stream over maxBytes with FILE_TOO_LARGE and leaves nothing behind', async () => {
    const pdf = await pdfBytes(1);
    const err = await store
      .put(Readable.from([pdf, pdf, pdf]), { name: 'scan.pdf', maxBytes: pdf.length * 2 })
      .catch((e: unknown) => e);
    expect((err as AppError).code).toBe('FILE_TOO_LARGE');
    expect((err as AppError).params.file).toBe('scan.pdf');
    expect(await filesUnder(path.join(dataDir, 'files'))).toEqual([]);
    // At the limit exactly it is accepted.
    expect((await store.put(pdf, { maxBytes: pdf.length })).size).toBe(pdf.length);
  });

  it('answers NOT_FOUND for an absent or malformed address and never leaves the store root', async () => {
    const absent = sha(Buffer.from('never stored'));
    expect(await store.has(absent)).toBe(false);
    for (const address of [absent, '../../etc/passwd', 'AB'.repeat(32)]) {
      const err = await store.get(address).catch((e: unknown) => e);
      expect((err as AppError).code).toBe('NOT_FOUND');
    }
  });

  it('serves a stored file as a stream a consumer can read as text', async () => {
    const docx = docxBytes();
    const { sha256 } = await store.put(docx);
    expect((await text(await store.get(sha256))).length).toBeGreaterThan(0);
  });
});
