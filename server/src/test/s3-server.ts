import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3StoreConfig } from '../files/s3-store';

/**
 * A local S3-compatible server (s3rver) on a free port with one empty bucket, for tests and a watchable demo: its
 * objects are plain files under `directory`.
 */
export async function startS3Server(bucket = 'motcua-test') {
  const directory = await mkdtemp(path.join(tmpdir(), 'motcua-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const config: S3StoreConfig = {
    endpoint,
    region: 'us-east-1',
    bucket,
    prefix: '',
    // s3rver's fixed demo credentials.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  return {
    endpoint,
    directory,
    config,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
