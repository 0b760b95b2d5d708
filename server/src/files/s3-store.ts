import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { AppError } from '../http/errors';
import { stageUpload, type FileStore } from './file-store';
import { detectMediaType, detectMediaTypeOfFile } from './media-type';

/** Where the S3-compatible store is (AWS S3, MinIO, Ceph RGW, a provincial data centre's object store). */
export type S3StoreConfig = {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  /** Key prefix inside the bucket (e.g. "motcua/"); empty = the bucket root. */
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (http://host/bucket/key): what MinIO and most on-premises stores expect. */
  forcePathStyle: boolean;
};

const SHA256 = /^[0-9a-f]{64}$/;
const NOT_FOUND_WHAT = { vi: 'tệp', en: 'File' };

/** The object key of a blob: the same two fan-out levels as on disk, under the prefix. */
export function objectKey(prefix: string, sha256: string): string {
  return `${prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

function isMissing(err: unknown): boolean {
  return (
    err instanceof S3ServiceException &&
    (err.$metadata.httpStatusCode === 404 || err.name === 'NotFound' || err.name === 'NoSuchKey')
  );
}

/**
 * The content-addressed store in an S3-compatible bucket: same addresses, same type checks as the local store.
 * Uploads are staged on local disk first (hash, size and type are known before anything reaches the bucket), and
 * the object is written under its hash, so a put is atomic and a second put of the same bytes writes nothing.
 */
export function createS3FileStore(cfg: S3StoreConfig, stagingDir: string): FileStore {
  const client = new S3Client({
    region: cfg.region,
    endpoint: cfg.endpoint,
    forcePathStyle: cfg.forcePathStyle,
    credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
    // Checksums on every request would make s3rver and some on-premises stores refuse the upload.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const key = (sha256: string) => objectKey(cfg.prefix, sha256);

  async function exists(sha256: string): Promise<boolean> {
    if (!SHA256.test(sha256)) return false;
    try {
      await client.send(new HeadObjectCommand({ Bucket: cfg.bucket, Key: key(sha256) }));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  return {
    async put(bytes, opts = {}) {
      if (Buffer.isBuffer(bytes) && (opts.maxBytes === undefined || bytes.length <= opts.maxBytes)) {
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        if (await exists(sha256))
          return { sha256, size: bytes.length, mediaType: await detectMediaType(bytes, opts.name) };
      }
      const { tmp, sha256, size } = await stageUpload(path.join(stagingDir, 'tmp'), bytes, opts);
      try {
        const mediaType = await detectMediaTypeOfFile(tmp, opts.name);
        if (!(await exists(sha256))) {
          await client.send(
            new PutObjectCommand({
              Bucket: cfg.bucket,
              Key: key(sha256),
              Body: createReadStream(tmp),
              ContentLength: size,
              ContentType: 'application/octet-stream',
              Metadata: { sha256 },
            }),
          );
        }
        return { sha256, size, mediaType };
      } finally {
        await rm(tmp, { force: true });
      }
    },

    async get(sha256) {
      if (!SHA256.test(sha256)) throw new AppError('NOT_FOUND', { what: NOT_FOUND_WHAT });
      try {
        const res = await client.send(new GetObjectCommand({ Bucket: cfg.bucket, Key: key(sha256) }));
        if (!(res.Body instanceof Readable)) throw new Error(`S3 GetObject for ${sha256} returned no stream`);
        return res.Body;
      } catch (err) {
        if (isMissing(err)) throw new AppError('NOT_FOUND', { what: NOT_FOUND_WHAT });
        throw err;
      }
    },

    has: exists,

    async *list() {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: cfg.bucket, Prefix: cfg.prefix, ContinuationToken: token }),
        );
        for (const o of page.Contents ?? []) {
          const name = o.Key?.slice(o.Key.lastIndexOf('/') + 1) ?? '';
          // Only blobs at their own address: backup sets kept under the same prefix are not files of the store.
          if (SHA256.test(name) && o.Key === key(name)) yield name;
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
}
