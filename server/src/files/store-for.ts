import path from 'node:path';
import type { Config } from '../config';
import { createLocalFileStore, type FileStore } from './file-store';
import { createS3FileStore } from './s3-store';

const stores = new Map<string, FileStore>();

/**
 * The configured file store (FILE_STORE): the local content-addressed store under DATA_DIR, or an S3-compatible
 * bucket (uploads staged under DATA_DIR/files/tmp). One instance per distinct configuration.
 */
export function fileStoreFor(
  config: Pick<Config, 'dataDir'> & Partial<Pick<Config, 'fileStore'>>,
): FileStore {
  const fs = config.fileStore ?? { kind: 'local' };
  const key = JSON.stringify([config.dataDir, fs]);
  let s = stores.get(key);
  if (!s) {
    s =
      fs.kind === 's3'
        ? createS3FileStore(fs, path.join(config.dataDir, 'files'))
        : createLocalFileStore(config.dataDir);
    stores.set(key, s);
  }
  return s;
}
