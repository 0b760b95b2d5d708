import type { Insertable, Kysely } from 'kysely';
import type { Kdb } from '../../db/client';
import type { TUploadedFile } from '@motcua/contracts';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import { checkContent } from '../../files/content-check';
import { safeFileName } from '../../files/file-name';
import { checkSizes, megabytes } from '../../files/limits';
import { detectMediaType } from '../../files/media-type';
import { countPages } from '../../files/pages';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { fileStoreFor } from './dossier-context';
import {
  finishUploadAttempt,
  insertAcceptedFile,
  insertUploadAttempt,
  uploadUsage,
} from './dossier-uploads.repo';
import { presentFile } from './dossiers.presenter';
import { insertFile } from './dossiers.repo';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Stores an upload and returns its file row, ready to insert. The type is decided from the bytes; active or oversized
 * content is refused (`checkContent`); the name kept is a safe display name whose extension matches the type
 * (`safeFileName`), never the path, controls or bidi overrides the client sent.
 */
async function storeUpload(
  actor: Actor,
  config: Config,
  bytes: Buffer,
  rawName: string,
): Promise<Insertable<Database['dossier_files']>> {
  // Until the type is known, errors name the file without its unsafe characters and with the extension it came with.
  const shown = safeFileName(rawName, '');
  checkSizes([{ name: shown, size: bytes.length }], {
    maxFileBytes: MAX_UPLOAD_BYTES,
    maxTotalBytes: MAX_UPLOAD_BYTES,
  });
  const mediaType = await detectMediaType(bytes, shown);
  const kept = checkContent(bytes, mediaType, shown);
  const name = safeFileName(rawName, mediaType);
  const stored = await fileStoreFor(config).put(kept, { name, maxBytes: MAX_UPLOAD_BYTES });
  const pages = await countPages(kept, stored.mediaType);
  return {
    owner_user_id: actor.userId,
    sha256: stored.sha256,
    name,
    media_type: stored.mediaType,
    size: stored.size,
    pages,
  };
}

/** Stores an upload and records it (see `storeUpload`); the id goes into a dossier. */
export async function uploadFile(
  q: Kdb,
  actor: Actor,
  config: Config,
  bytes: Buffer,
  rawName: string,
): Promise<TUploadedFile> {
  return presentFile(await insertFile(q, await storeUpload(actor, config, bytes, rawName)));
}

/**
 * {@link uploadFile} within the person's rate (attempts per minute) and quota (bytes per 24 hours), both counted in
 * the database so every server process sees the same numbers. Refused attempts count towards the rate.
 */
export async function uploadWithinLimits(
  db: Kysely<Database>,
  actor: Actor,
  config: Config,
  bytes: Buffer,
  rawName: string,
  now: Date,
): Promise<TUploadedFile> {
  const limits = config.uploadLimits;
  const attempt = await insertUploadAttempt(db, actor.userId, bytes.length, now);
  try {
    const usage = await uploadUsage(db, actor.userId, now, attempt);
    if (usage.attempts > limits.perMinute) throw new AppError('RATE_LIMITED', { retryAfter: 60 });
    if (usage.bytes + bytes.length > limits.bytesPerDay) {
      throw new AppError('UPLOAD_QUOTA_EXCEEDED', {
        used: megabytes(usage.bytes),
        limit: megabytes(limits.bytesPerDay),
      });
    }
    // The bytes are durable (synced) before the row that names them; the file row and the accepted attempt are
    // one statement, so they commit together in one flush without a transaction's extra round trips.
    const file = await storeUpload(actor, config, bytes, rawName);
    return presentFile(await insertAcceptedFile(db, file, attempt));
  } catch (err) {
    await finishUploadAttempt(db, attempt, 'refused');
    throw err;
  }
}
