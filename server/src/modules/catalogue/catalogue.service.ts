/**
 * Procedure catalogue — the functions other modules call (dossier intake, processing, reports):
 *
 * - `getProcedure(db, code, now?): Promise<TProcedure>` — the published version of a procedure in force at `now`.
 *   Throws `AppError('NOT_FOUND')` when the code is unknown, still a draft, or retired.
 * - `getProcedureVersionInForce(db | trx, code, at: Date): Promise<TProcedure>` — the version in force at `at`
 *   (published_at ≤ at < superseded_at). This is the version a dossier references (`versionId`) when submitted.
 *   Throws NOT_FOUND for an unknown code, PROCEDURE_RETIRED (409) when the procedure was retired at or before
 *   `at` (retired procedures refuse new submissions), PROCEDURE_NOT_PUBLISHED (409) when no version was in force.
 * - `findVersionInForce(db | trx, code, at)` — only the id of that version (and the procedure's status, and the
 *   catalogue generation read with it, so a caller's cache needs no second round trip).
 * - `getProcedureVersion(db, versionId): Promise<TProcedure>` — one exact version, whatever its status (history,
 *   old dossiers). Throws NOT_FOUND.
 *
 * `TProcedure` (contracts/src/catalogue.ts) carries `versionId`, `processingTime: {unit, value}`, `serviceLevel`,
 * `boundaryFree`, `agencies`/`interAgencies` (ids and short names), `components` and the `eform` JSON schema.
 * Editing lives in catalogue.editor.ts, search in catalogue.search.ts.
 */

import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { TAdminProcedureRow, TProcedure } from '@motcua/contracts';

import { AppError } from '../../http/errors';
import type { ProcedureStatus } from './catalogue.tables';
import { presentProcedure, type AgencyRef } from './catalogue.presenter';
import type { Kdb } from '../../db/client';
import { PREPARED } from '../../db/prepared';

export const PROCEDURE_WHAT = { vi: 'thủ tục hành chính', en: 'Administrative procedure' };
const notFound = () => new AppError('NOT_FOUND', { what: PROCEDURE_WHAT });

/** Every procedure for the editors' list, with whether an unpublished draft is waiting. */
export async function listForEditors(db: Kdb, status?: ProcedureStatus): Promise<TAdminProcedureRow[]> {
  let q = db
    .selectFrom('procedures as p')
    .select((eb) => [
      'p.code',
      'p.name',
      'p.field',
      'p.status',
      eb
        .exists(
          eb
            .selectFrom('procedure_versions as v')
            .select('v.id')
            .whereRef('v.procedure_code', '=', 'p.code')
            .where('v.status', '=', 'draft'),
        )
        .as('hasDraft'),
    ])
    .orderBy('p.code');
  if (status) q = q.where('p.status', '=', status);
  return (await q.execute()).map((r) => ({ ...r, hasDraft: Boolean(r.hasDraft) }));
}

/**
 * The published version of a procedure at `now`: the current one, or a scheduled one whose effective date has come
 * (resolution by date — the job that updates the list row may not have run yet). Without `now`: the current one.
 */
export async function getProcedure(db: Kdb, code: string, now?: Date): Promise<TProcedure> {
  const p = await db
    .selectFrom('procedures as p')
    .select((eb) => [
      'p.status',
      'p.current_version_id',
      eb
        .selectFrom('procedure_versions as v')
        .select('v.id')
        .whereRef('v.procedure_code', '=', 'p.code')
        .where('v.status', '=', 'scheduled')
        .where('v.published_at', '<=', now ?? new Date(0))
        .limit(1)
        .as('due_id'),
    ])
    .where('p.code', '=', code)
    .executeTakeFirst();
  if (!p || p.status === 'retired') throw notFound();
  const id = p.due_id ?? (p.status === 'published' ? p.current_version_id : null);
  if (!id) throw notFound();
  return loadVersion(db, id, 'published');
}

export async function getProcedureVersionInForce(db: Kdb, code: string, at: Date): Promise<TProcedure> {
  const v = await findVersionInForce(db, code, at);
  return loadVersion(db, v.versionId, v.status);
}

/**
 * Which version of a procedure is in force at `at`, with the procedure's status, in one round trip (a submission asks
 * on every request; a published version's content never changes, so callers may keep what they load of it).
 * Throws as `getProcedureVersionInForce`.
 */
export async function findVersionInForce(
  db: Kdb,
  code: string,
  at: Date,
): Promise<{ versionId: string; status: ProcedureStatus; generation: number }> {
  const p = await db
    .selectFrom('procedures as p')
    .select((eb) => [
      'p.status',
      'p.retired_at',
      eb
        .selectFrom('procedure_versions as v')
        .select('v.id')
        .whereRef('v.procedure_code', '=', 'p.code')
        .where('v.published_at', '<=', at)
        .where((w) => w.or([w('v.superseded_at', 'is', null), w('v.superseded_at', '>', at)]))
        .orderBy('v.version_no', 'desc')
        .limit(1)
        .as('version_id'),
      eb.selectFrom('catalogue_generation').select('generation').as('generation'),
    ])
    .where('p.code', '=', code)
    .modifyEnd(PREPARED)
    .executeTakeFirst();
  if (!p) throw notFound();
  if (p.retired_at && p.retired_at <= at) throw new AppError('PROCEDURE_RETIRED', { code });
  if (!p.version_id) throw new AppError('PROCEDURE_NOT_PUBLISHED', { code, at: at.toISOString() });
  return { versionId: p.version_id, status: p.status, generation: Number(p.generation ?? 0) };
}

/**
 * A version of a procedure that was published (in force now or superseded since), as the public saw it: what a
 * dossier submitted under it must satisfy. Drafts and other procedures' versions are not found.
 */
export async function getPublishedVersion(db: Kdb, code: string, versionId: string): Promise<TProcedure> {
  const p = await getProcedureVersion(db, versionId);
  if (p.code !== code || p.versionStatus === 'draft') throw notFound();
  return p;
}

export async function getProcedureVersion(db: Kdb, versionId: string): Promise<TProcedure> {
  if (!/^[0-9a-f-]{36}$/i.test(versionId)) throw notFound();
  const row = await db
    .selectFrom('procedure_versions')
    .innerJoin('procedures', 'procedures.code', 'procedure_versions.procedure_code')
    .select('procedures.status')
    .where('procedure_versions.id', '=', versionId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return loadVersion(db, versionId, row.status);
}

/** The draft if there is one, else the current version — what an editor sees. */
export async function getProcedureForEditor(db: Kdb, code: string): Promise<TProcedure> {
  const p = await db
    .selectFrom('procedures')
    .select(['status', 'current_version_id'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!p) throw notFound();
  // The open draft, else the version waiting for its effective date, else the current one.
  const next = await db
    .selectFrom('procedure_versions')
    .select(['id', 'status'])
    .where('procedure_code', '=', code)
    .where('status', 'in', ['draft', 'scheduled'])
    .execute();
  const id = (next.find((v) => v.status === 'draft') ?? next[0])?.id ?? p.current_version_id;
  if (!id) throw notFound();
  return loadVersion(db, id, p.status);
}

export async function loadVersion(db: Kdb, versionId: string, status: ProcedureStatus): Promise<TProcedure> {
  // One round trip: the version with its agencies and components as JSON arrays.
  const row = await db
    .selectFrom('procedure_versions as v')
    .selectAll('v')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('procedure_version_agencies as pva')
          .innerJoin('agencies as a', 'a.id', 'pva.agency_id')
          .select(['a.id', 'a.short_name', 'a.name', 'pva.role'])
          .whereRef('pva.version_id', '=', 'v.id')
          .orderBy('pva.position'),
      ).as('agency_rows'),
      jsonArrayFrom(
        eb
          .selectFrom('procedure_components as c')
          .leftJoin('procedure_forms as f', 'f.id', 'c.form_id')
          .select([
            'c.code',
            'c.name',
            'c.originals',
            'c.copies',
            'c.original_required',
            'c.required',
            'c.form_id',
            'f.name as form_name',
            'f.file_name as form_file_name',
          ])
          .whereRef('c.version_id', '=', 'v.id')
          .orderBy('c.position'),
      ).as('component_rows'),
    ])
    .where('v.id', '=', versionId)
    .executeTakeFirst();
  if (!row) throw notFound();
  const { agency_rows: agencyRows, component_rows: components, ...v } = row;
  const ref = (role: string): AgencyRef[] =>
    agencyRows
      .filter((a) => a.role === role)
      .map((a) => ({ id: a.id, shortName: a.short_name, name: a.name }));
  return presentProcedure(status, v, ref('implementing'), ref('inter_agency'), components);
}

/** A form template of a procedure (any version, so old dossiers' forms stay downloadable). */
export async function getProcedureForm(
  db: Kdb,
  code: string,
  formId: string,
): Promise<{ fileName: string; mediaType: string; content: Uint8Array; sha256: string }> {
  const what = { vi: 'mẫu đơn, tờ khai', en: 'Form template' };
  if (!/^[0-9a-f-]{36}$/i.test(formId)) throw new AppError('NOT_FOUND', { what });
  const f = await db
    .selectFrom('procedure_forms as f')
    .innerJoin('procedure_components as c', 'c.form_id', 'f.id')
    .innerJoin('procedure_versions as v', 'v.id', 'c.version_id')
    .select(['f.file_name', 'f.media_type', 'f.content', 'f.sha256'])
    .where('f.id', '=', formId)
    .where('v.procedure_code', '=', code)
    .limit(1)
    .executeTakeFirst();
  if (!f) throw new AppError('NOT_FOUND', { what });
  return { fileName: f.file_name, mediaType: f.media_type, content: f.content, sha256: f.sha256 };
}
