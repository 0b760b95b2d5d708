import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../http/errors';
import { megabytes } from './limits';
import { detectMediaType, detectMediaTypeOfFile, type MediaType } from './media-type';

export type StoredFile = { sha256: string; size: number; mediaType: MediaType };
export type PutOptions = {
  /** Name shown in error messages (the applicant's file name); never used to decide the type. */
  name?: string;
  /** Abort while streaming once the file exceeds this many bytes (FILE_TOO_LARGE). */
  maxBytes?: number;
};

/**
 * Content-addressed storage of attachments and rendered documents. Same bytes → same address, stored once; a stored
 * file never changes, so callers keep every version of an attachment by keeping its addresses. The local-disk store
 * below is one implementation; an S3-compatible one would satisfy the same type (key = the sha256 path).
 */
export type FileStore = {
  /** Stores the bytes once their type is accepted (PDF, JPEG, PNG, DOCX, XLSX); refused types leave nothing behind. */
  put(bytes: Buffer | Readable, opts?: PutOptions): Promise<StoredFile>;
  /** The stored bytes; NOT_FOUND when absent. */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  /** Every stored address (for backups and `motcua files migrate`); order unspecified. */
  list(): AsyncIterable<string>;
};

const SHA256 = /^[0-9a-f]{64}$/;
const NOT_FOUND_WHAT = { vi: 'tệp', en: 'File' };

/** `<root>/ab/cd/<sha256>`: two fan-out levels keep directories small with millions of files. */
export function blobPath(root: string, sha256: string): string {
  return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Local disk under `<dataDir>/files`. Writes go to `files/tmp` (same filesystem) then rename, so they are atomic. */
export function createLocalFileStore(dataDir: string): FileStore {
  const root = path.join(dataDir, 'files');
  const tmpDir = path.join(root, 'tmp');

  async function exists(sha256: string): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    try {
      return (await stat(blobPath(root, sha256))).isFile();
    } catch {
      return false;
    }
  }

  return {
    async put(bytes, opts = {}) {
      // Bytes already in memory and already stored (the same scan sent again): nothing to write or flush.
      if (Buffer.isBuffer(bytes) && (opts.maxBytes === undefined || bytes.length <= opts.maxBytes)) {
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        if (await exists(sha256))
          return { sha256, size: bytes.length, mediaType: await detectMediaType(bytes, opts.name) };
      }
      const { tmp, sha256, size } = await stageUpload(tmpDir, bytes, opts);
      try {
        const mediaType = await detectMediaTypeOfFile(tmp, opts.name);
        const target = blobPath(root, sha256);
        if (await exists(sha256)) {
          await rm(tmp, { force: true });
        } else {
          await mkdir(path.dirname(target), { recursive: true });
          // Two concurrent puts of the same bytes both rename; both files are identical, so either wins.
          await rename(tmp, target);
        }
        return { sha256, size, mediaType };
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },

    async get(sha256) {
      if (!(await exists(sha256))) throw new AppError('NOT_FOUND', { what: NOT_FOUND_WHAT });
      return createReadStream(blobPath(root, sha256));
    },

    has: exists,

    async *list() {
      for (const a of await subdirs(root)) {
        if (!/^[0-9a-f]{2}$/.test(a)) continue;
        for (const b of await subdirs(path.join(root, a))) {
          for (const name of await subdirs(path.join(root, a, b), false)) if (SHA256.test(name)) yield name;
        }
      }
    },
  };
}

async function subdirs(dir: string, dirs = true): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => (dirs ? e.isDirectory() : e.isFile())).map((e) => e.name);
  } catch {
    return [];
  }
}

/**
 * Streams the bytes to a fresh file under `tmpDir` (synced to disk), hashing and measuring them on the way;
 * FILE_TOO_LARGE past `opts.maxBytes`. The caller moves or uploads the file and removes it.
 */
export async function stageUpload(
  tmpDir: string,
  bytes: Buffer | Readable,
  opts: PutOptions,
): Promise<{ tmp: string; sha256: string; size: number }> {
  await mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (opts.maxBytes !== undefined && size > opts.maxBytes) {
        done(
          new AppError('FILE_TOO_LARGE', {
            file: opts.name ?? { vi: 'đính kèm', en: 'attachment' },
            size: { vi: `hơn ${megabytes(opts.maxBytes).vi}`, en: `over ${megabytes(opts.maxBytes).en}` },
            limit: megabytes(opts.maxBytes),
          }),
        );
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const source = Buffer.isBuffer(bytes) ? Readable.from([bytes]) : bytes;
  try {
    await pipeline(source, measure, createWriteStream(tmp, { flags: 'wx' }));
    // Durable before it becomes visible: a crash after rename must not leave a truncated blob at a valid address.
    const file = await open(tmp, 'r');
    await file.sync().finally(() => file.close());
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }

  return { tmp, sha256: hash.digest('hex'), size };
}
