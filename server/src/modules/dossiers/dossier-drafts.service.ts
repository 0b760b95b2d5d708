import { sql } from 'kysely';
import type { Kdb } from '../../db/client';
import { ZSaveDraftRequest, type TDraft } from '@motcua/contracts';
import type { z } from 'zod';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { instant } from './dossiers.presenter';
import { procedureDisplayName } from './ports';

const DRAFT_WHAT = { vi: 'bản nháp', en: 'Draft' };

const COLUMNS = ['id', 'procedure_code', 'procedure_name', 'version', 'content', 'updated_at'] as const;
type DraftRow = {
  id: string;
  procedure_code: string;
  procedure_name: string;
  version: number;
  content: unknown;
  updated_at: Date;
};

function present(r: DraftRow): TDraft {
  return {
    id: r.id,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name || r.procedure_code,
    version: r.version,
    content: r.content as TDraft['content'],
    updatedAt: instant(r.updated_at),
  };
}

function citizen(actor: Actor): string {
  if (actor.kind !== 'citizen') throw new AppError('FORBIDDEN');
  return actor.userId;
}

export async function listDrafts(q: Kdb, actor: Actor): Promise<TDraft[]> {
  const rows = await q
    .selectFrom('dossier_drafts')
    .select(COLUMNS)
    .where('owner_user_id', '=', citizen(actor))
    .where('closed_at', 'is', null)
    .orderBy('updated_at', 'desc')
    .limit(100)
    .execute();
  return rows.map(present);
}

export async function getDraft(q: Kdb, actor: Actor, id: string): Promise<TDraft> {
  const row = await q
    .selectFrom('dossier_drafts')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('owner_user_id', '=', citizen(actor))
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { what: DRAFT_WHAT });
  return present(row);
}

/** Creates (no id) or overwrites a draft; the version read last must still be current, else 409. */
export async function saveDraft(
  q: Kdb,
  actor: Actor,
  id: string | null,
  raw: z.input<typeof ZSaveDraftRequest>,
  now: Date,
): Promise<TDraft> {
  const input = ZSaveDraftRequest.parse(raw);
  const owner = citizen(actor);
  const procedureName = await procedureDisplayName(q, input.procedureCode);
  if (!id) {
    const row = await q
      .insertInto('dossier_drafts')
      .values({
        owner_user_id: owner,
        procedure_code: input.procedureCode,
        procedure_name: procedureName,
        content: JSON.stringify(input.content),
        closed_at: null,
        updated_at: now,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return present(row);
  }
  const current = await getDraft(q, actor, id);
  if (input.expectedVersion === undefined || input.expectedVersion !== current.version) {
    throw new AppError('CONFLICT', {}, { currentVersion: current.version });
  }
  const row = await q
    .updateTable('dossier_drafts')
    .set({
      procedure_code: input.procedureCode,
      procedure_name: procedureName,
      content: JSON.stringify(input.content),
      version: sql<number>`version + 1`,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', input.expectedVersion)
    .returning(COLUMNS)
    .executeTakeFirst();
  if (!row) throw new AppError('CONFLICT');
  return present(row);
}

/** Submitting or discarding ends a draft; the row stays (closed) so a late autosave cannot bring it back. */
export async function closeDraft(q: Kdb, ownerId: string, id: string, now: Date): Promise<void> {
  const res = await q
    .updateTable('dossier_drafts')
    .set({ closed_at: now })
    .where('id', '=', id)
    .where('owner_user_id', '=', ownerId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('NOT_FOUND', { what: DRAFT_WHAT });
}
