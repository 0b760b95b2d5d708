/**
 * The scan of a letter (issue 16: feedback "entered by staff from … letter (channel recorded, letter scanned)"). The
 * scan is kept in the file store by its sha256, like every attachment; the item records which one. Only items entered
 * from a letter carry a scan, and only staff of the agency holding the item (or the one that forwarded it) see it.
 */
import type { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import { fileStoreFor } from '../../files/store-for';
import { detectMediaType, MEDIA_TYPES } from '../../files/media-type';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { appendAudit, type AuditActor } from '../audit';
import { FEEDBACK_WHAT } from './feedback.service';
import * as repo from './feedback.repo';
import type { Kdb } from '../../db/client';

/** A scanned letter of a few pages, in colour. */
export const MAX_SCAN_BYTES = 20 * 1024 * 1024;
const SCAN_TYPES = new Set<string>([MEDIA_TYPES.pdf, MEDIA_TYPES.jpeg, MEDIA_TYPES.png]);
const NOT_A_SCAN = {
  vi: 'bản quét thư phải là tệp PDF, JPEG hoặc PNG',
  en: 'the scan of a letter must be a PDF, JPEG or PNG file',
};
const NOT_A_LETTER = {
  vi: 'chỉ phản ánh, kiến nghị nhận qua thư mới có bản quét thư',
  en: 'only feedback received by letter has a scanned letter',
};

type ScanCtx = {
  actor: Actor & { agencyId: string };
  audit: AuditActor;
  config: Pick<Config, 'dataDir' | 'fileStore'>;
};

/** Stores the scan and records it on the item (a second scan replaces the first; both stay in the store). */
export async function attachLetterScan(
  trx: Transaction<Database>,
  ctx: ScanCtx,
  id: string,
  body: Buffer,
  name: string,
): Promise<void> {
  const row = await repo.findItem(trx, id, true);
  if (!row || row.agency_id !== ctx.actor.agencyId) throw new AppError('NOT_FOUND', { what: FEEDBACK_WHAT });
  if (row.channel !== 'letter') throw new AppError('VALIDATION_FAILED', { details: NOT_A_LETTER });
  if (body.length === 0)
    throw new AppError('BAD_REQUEST', { details: { vi: 'tệp rỗng', en: 'the file is empty' } });
  const type = await detectMediaType(body, name).catch(() => null);
  if (!type || !SCAN_TYPES.has(type))
    throw new AppError('FILE_CONTENT_REFUSED', { file: name, reason: NOT_A_SCAN });
  const stored = await fileStoreFor(ctx.config).put(body, { name, maxBytes: MAX_SCAN_BYTES });
  await trx
    .updateTable('feedback_items')
    .set({
      scan_sha256: stored.sha256,
      scan_media_type: stored.mediaType,
      scan_name: name,
      scan_size: stored.size,
    })
    .where('id', '=', id)
    .execute();
  await appendAudit(trx, ctx.audit, {
    action: 'feedback.scan',
    target: { type: 'feedback', id },
    details: { sha256: stored.sha256, size: stored.size, replaced: row.scan_sha256 },
  });
}

/** The scan's bytes, for staff of the agency holding the item or of the one that forwarded it. */
export async function readLetterScan(
  q: Kdb,
  ctx: Pick<ScanCtx, 'actor' | 'config'>,
  id: string,
): Promise<{ body: Readable; mediaType: string; name: string }> {
  const row = await repo.findItem(q, id);
  const mine = row && [row.agency_id, row.forwarded_from].includes(ctx.actor.agencyId);
  if (!row || !mine || !row.scan_sha256) throw new AppError('NOT_FOUND', { what: FEEDBACK_WHAT });
  return {
    body: await fileStoreFor(ctx.config).get(row.scan_sha256),
    mediaType: row.scan_media_type ?? 'application/octet-stream',
    name: row.scan_name ?? `thu_${row.reference}`,
  };
}
