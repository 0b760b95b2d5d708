// A partner's access to the dossier's files (issue 14, ADR 0026: "every agency sees only what it needs"). The partner
// opens the files of the dossier's current attachments for its part once its turn has begun; it still never sees the
// dossier itself. Anyone who may not see the part (another agency, a waiting partner's file) gets 404.

import type { TInteragencyTaskFiles } from '@motcua/contracts';

import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { findFiles, listAttachments } from './dossiers.repo';
import { getTask } from './interagency.service';
import type { Kdb } from '../../db/client';

const FILE_WHAT = { vi: 'tệp', en: 'File' };

/** The files of the dossier's current attachments, for someone who may see part `tid` (its turn begun). */
export async function partnerFiles(
  q: Kdb,
  actor: Actor,
  tid: string,
  now: Date,
): Promise<TInteragencyTaskFiles> {
  const t = await getTask(q, actor, tid, now);
  if (t.status === 'waiting') return { items: [] };
  const d = await q
    .selectFrom('dossiers')
    .select('attachments_revision')
    .where('id', '=', t.dossierId)
    .executeTakeFirstOrThrow();
  const attachments = await listAttachments(q, t.dossierId, d.attachments_revision);
  const componentOf = new Map(attachments.flatMap((a) => a.file_ids.map((id) => [id, a.component_name])));
  const files = await findFiles(q, [...componentOf.keys()]);
  return {
    items: files
      .map((f) => ({
        id: f.id,
        name: f.name,
        mediaType: f.media_type,
        size: Number(f.size),
        component: componentOf.get(f.id)!,
      }))
      .sort((a, b) => a.component.localeCompare(b.component, 'vi') || a.name.localeCompare(b.name, 'vi')),
  };
}

/** One of those files, to download; 404 for a file not among them. */
export async function openPartnerFile(q: Kdb, actor: Actor, tid: string, fileId: string, now: Date) {
  const { items } = await partnerFiles(q, actor, tid, now);
  if (!items.some((f) => f.id === fileId)) throw new AppError('NOT_FOUND', { what: FILE_WHAT });
  const [file] = await findFiles(q, [fileId]);
  if (!file) throw new AppError('NOT_FOUND', { what: FILE_WHAT });
  return file;
}

/**
 * A file attached to a partner's answer, for whoever sees that answer through part `tid`: the lead's and the
 * desk's staff and the partner itself (its own answer), a later partner of a paper dossier (the earlier answers
 * before its part). 404 for anyone else, or a file not attached to those answers.
 */
export async function openAnswerFile(q: Kdb, actor: Actor, tid: string, fileId: string, now: Date) {
  const t = await getTask(q, actor, tid, now);
  const visible = [...(t.done?.files ?? []), ...t.previous.flatMap((p) => p.files)];
  if (!visible.some((f) => f.id === fileId)) throw new AppError('NOT_FOUND', { what: FILE_WHAT });
  const [file] = await findFiles(q, [fileId]);
  if (!file) throw new AppError('NOT_FOUND', { what: FILE_WHAT });
  return file;
}
