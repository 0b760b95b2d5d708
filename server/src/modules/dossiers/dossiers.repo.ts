import {
  CompiledQuery,
  sql,
  type InferResult,
  type Insertable,
  type Selectable,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { Kdb } from '../../db/client';
import type { TDossierEventType } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { DossierAttachmentsTable, DossiersTable } from './dossiers.tables';
import { PREPARED } from '../../db/prepared';

/** All SQL of intake; no rules here. */
export const DOSSIER_COLUMNS = [
  'id',
  'province_code',
  'submission_ref',
  'code',
  'lookup_pin',
  'procedure_code',
  'procedure_name',
  'procedure_version_id',
  'channel',
  'postal_tracking_no',
  'status',
  'version',
  'applicant_user_id',
  'organisation_id',
  'applicant',
  'form_data',
  'receiving_agency_id',
  'authority_agency_id',
  'result_agency_id',
  'holding_agency_id',
  'holding_department_id',
  'submitted_at',
  'reception_due_at',
  'received_at',
  'appointment_at',
  'handover_at',
  'result_channel',
  'sets',
  'attachments_revision',
  'supplement_items',
  'refusal',
  'register_book',
  'register_entry',
  'locale',
  'workflow',
  'processing_time',
  'current_step',
  'step_entered_at',
  'step_due_at',
  'handler_id',
] as const;

export type DossierRow = Omit<Selectable<DossiersTable>, 'created_at' | 'updated_at'>;

export async function findDossier(q: Kdb, id: string): Promise<DossierRow | undefined> {
  return (await q.selectFrom('dossiers').select(DOSSIER_COLUMNS).where('id', '=', id).executeTakeFirst()) as
    DossierRow | undefined;
}

/** The new dossier as stored (defaults such as its lookup PIN and version included), without reading it back. */
export async function insertDossier(
  trx: Transaction<Database>,
  values: Insertable<DossiersTable>,
): Promise<DossierRow> {
  return (await trx
    .insertInto('dossiers')
    .values(values)
    .returning(DOSSIER_COLUMNS)
    .executeTakeFirstOrThrow()) as DossierRow;
}

/** A dossier's key when sharded by province (ADR 0034): every write names the province it already read. */
export type DossierKey = Pick<DossierRow, 'id' | 'province_code'>;

/**
 * A new dossier (its id chosen by the caller) with its first attachment rows and its first event, in one statement:
 * one round trip instead of three, and the same all-or-nothing (the foreign keys are checked at its end).
 */
export async function insertNewDossier(
  trx: Transaction<Database>,
  values: Insertable<DossiersTable> & { id: string },
  attachments: Insertable<DossierAttachmentsTable>[],
  e: NewEvent,
): Promise<DossierRow> {
  const base = trx
    .with('dossier', (db) => db.insertInto('dossiers').values(values).returning(DOSSIER_COLUMNS))
    .with('event', (db) =>
      db.insertInto('dossier_events').values({
        dossier_id: values.id,
        seq: 1,
        type: e.type,
        at: e.at,
        actor_type: e.actorType,
        actor_id: e.actorId,
        actor_name: e.actorName,
        channel: e.channel,
        reason: e.reason ?? null,
        data: JSON.stringify(e.data ?? {}),
      }),
    );
  const row = attachments.length
    ? await base
        .with('attachment', (db) => db.insertInto('dossier_attachments').values(attachments))
        .selectFrom('dossier')
        .select(DOSSIER_COLUMNS)
        .modifyEnd(PREPARED)
        .executeTakeFirstOrThrow()
    : await base.selectFrom('dossier').select(DOSSIER_COLUMNS).modifyEnd(PREPARED).executeTakeFirstOrThrow();
  return row as DossierRow;
}

/** The optimistic guard of every dossier action: false when someone else changed it first. */
export async function updateDossierAtVersion(
  trx: Transaction<Database>,
  d: DossierKey,
  expectedVersion: number,
  set: Updateable<DossiersTable>,
): Promise<boolean> {
  const res = await trx
    .updateTable('dossiers')
    // updated_at is row bookkeeping (when it was written, database time); rules read the events' times.
    .set({ ...set, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('province_code', '=', d.province_code)
    .where('id', '=', d.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function updateDossier(
  trx: Transaction<Database>,
  d: DossierKey,
  set: Updateable<DossiersTable>,
): Promise<void> {
  await trx
    .updateTable('dossiers')
    .set({ ...set, updated_at: sql<Date>`now()` })
    .where('province_code', '=', d.province_code)
    .where('id', '=', d.id)
    .execute();
}

export type NewEvent = {
  type: TDossierEventType;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  channel: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
};

/** Appends one event; callers hold the dossier row (version update or insert), so seq is free of races. */
export async function appendEvent(
  trx: Transaction<Database>,
  dossierId: string,
  e: NewEvent,
): Promise<number> {
  const { rows } = await sql<{ seq: number }>`
    INSERT INTO dossier_events (dossier_id, seq, type, at, actor_type, actor_id, actor_name, channel, reason, data)
    SELECT ${dossierId}, coalesce(max(seq), 0) + 1, ${e.type}, ${e.at}, ${e.actorType}, ${e.actorId},
           ${e.actorName}, ${e.channel}, ${e.reason ?? null}, ${JSON.stringify(e.data ?? {})}::jsonb
    FROM dossier_events WHERE dossier_id = ${dossierId}
    RETURNING seq`.execute(trx);
  return rows[0]!.seq;
}

/** The facts of a dossier's events that the state machine and the clocks fold, in sequence order. */
export async function listEventFacts(q: Kdb, dossierId: string) {
  return q
    .selectFrom('dossier_events')
    .select(['type', 'at', 'data'])
    .where('dossier_id', '=', dossierId)
    .orderBy('seq')
    .execute();
}

/** Only the events of the given types, oldest first (the public side reads extension and result). */
export async function listEventFactsOf(q: Kdb, dossierId: string, types: readonly TDossierEventType[]) {
  return q
    .selectFrom('dossier_events')
    .select(['type', 'at', 'data'])
    .where('dossier_id', '=', dossierId)
    .where('type', 'in', [...types])
    .orderBy('seq')
    .execute();
}

export async function insertAttachments(
  trx: Transaction<Database>,
  rows: Insertable<DossierAttachmentsTable>[],
): Promise<void> {
  if (rows.length) await trx.insertInto('dossier_attachments').values(rows).execute();
}

/** What a dossier's attachment rows show (one row per component of a revision). */
export const ATTACHMENT_COLUMNS = [
  'revision',
  'component_code',
  'component_name',
  'copy_kind',
  'copies',
  'original_shown',
  'page_count',
  'file_ids',
  'scan_certified_by',
  'scan_certified_by_name',
  'scan_certified_at',
] as const;

export async function listAttachments(q: Kdb, dossierId: string, revision: number) {
  return q
    .selectFrom('dossier_attachments')
    .select(ATTACHMENT_COLUMNS)
    .where('dossier_id', '=', dossierId)
    .where('revision', '=', revision)
    .orderBy('id')
    .execute();
}

export async function dossierHasFile(q: Kdb, dossierId: string, fileId: string): Promise<boolean> {
  const row = await q
    .selectFrom('dossier_attachments')
    .select('id')
    .where('dossier_id', '=', dossierId)
    .where(sql<boolean>`${fileId}::uuid = ANY(file_ids)`)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** Whether the file is a result document of the dossier (attached to its result_issued event). */
export async function resultHasFile(q: Kdb, dossierId: string, fileId: string): Promise<boolean> {
  const row = await q
    .selectFrom('dossier_events')
    .select('seq')
    .where('dossier_id', '=', dossierId)
    .where('type', '=', 'result_issued')
    .where(sql<boolean>`jsonb_exists(data->'fileIds', ${fileId})`)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** What a file row shows (the presenter's input). */
export const FILE_COLUMNS = [
  'id',
  'name',
  'media_type',
  'size',
  'sha256',
  'pages',
  'created_at',
  'owner_user_id',
] as const;

export async function insertFile(q: Kdb, v: Insertable<Database['dossier_files']>) {
  return q.insertInto('dossier_files').values(v).returning(FILE_COLUMNS).executeTakeFirstOrThrow();
}

export async function findFiles(q: Kdb, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return q
    .selectFrom('dossier_files')
    .select(FILE_COLUMNS)
    .where('id', 'in', ids)
    .modifyEnd(PREPARED)
    .execute();
}
export type FileRow = Awaited<ReturnType<typeof findFiles>>[number];

export async function insertDocument(
  trx: Transaction<Database>,
  v: Insertable<Database['dossier_documents']>,
) {
  await trx.insertInto('dossier_documents').values(v).execute();
}

export async function listDocuments(q: Kdb, dossierId: string) {
  return q
    .selectFrom('dossier_documents')
    .select(['id', 'kind', 'template_set', 'sha256', 'created_at'])
    .where('dossier_id', '=', dossierId)
    .orderBy('created_at')
    .execute();
}

export async function nextRegisterEntry(
  trx: Transaction<Database>,
  agencyId: string,
  year: number,
): Promise<number> {
  const { rows } = await sql<{ last_value: number }>`
    INSERT INTO dossier_register_counters (agency_id, year, last_value) VALUES (${agencyId}, ${year}, 1)
    ON CONFLICT (agency_id, year) DO UPDATE SET last_value = dossier_register_counters.last_value + 1
    RETURNING last_value`.execute(trx);
  return rows[0]!.last_value;
}

export type { SummaryRow } from './dossier-lists.repo';

/** The public lookup: one indexed select by code. */
function lookupQuery(q: Kdb, code: string) {
  return q
    .selectFrom('dossiers as d')
    .innerJoin('agencies as r', 'r.id', 'd.receiving_agency_id')
    .leftJoin('agencies as h', 'h.id', 'd.holding_agency_id')
    .leftJoin('departments as hd', 'hd.id', 'd.holding_department_id')
    .select([
      'd.id',
      'd.code',
      'd.lookup_pin',
      'd.status',
      'd.procedure_code',
      'd.procedure_name',
      'd.applicant',
      'd.received_at',
      'd.appointment_at',
      'd.processing_time',
      'd.current_step',
      'd.workflow',
      'r.name as receiving_name',
      'h.name as holding_name',
      'hd.name as holding_department_name',
    ])
    .where('d.code', '=', code);
}
// Per handle: a handle's plugins (a test's statement capture, ADR 0034) see the one compilation it makes.
const lookupSql = new WeakMap<Kdb, string>();
/** The SQL text does not depend on the code (a parameter): built and compiled once, not on every public request. */
export async function lookupByCode(q: Kdb, code: string) {
  let text = lookupSql.get(q);
  if (text === undefined) lookupSql.set(q, (text = lookupQuery(q, code).compile().sql));
  type Row = InferResult<ReturnType<typeof lookupQuery>>[number];
  const { rows } = await q.executeQuery<Row>(CompiledQuery.raw(text, [code]));
  return rows[0];
}
