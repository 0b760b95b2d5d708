/** SQL of the feedback module: its own tables, and the few reads of other modules' rows it needs. */
import { sql } from 'kysely';

import type { Kdb } from '../../db/client';

export const ITEM_COLUMNS = [
  'f.id',
  'f.reference',
  'f.kind',
  'f.channel',
  'f.status',
  'f.content',
  'f.contact_name',
  'f.contact_email',
  'f.contact_phone',
  'f.user_id',
  'f.dossier_id',
  'f.dossier_code',
  'f.procedure_code',
  'f.official_name',
  'f.field',
  'f.agency_id',
  'f.forwarded_from',
  'f.forwarded_at',
  'f.consent_to_publish',
  'f.classification',
  'f.classification_reason',
  'f.classified_at',
  'f.received_at',
  'f.answer_due_at',
  'f.escalated_at',
  'f.answer',
  'f.answered_at',
  'f.published_at',
  'f.faq',
  'f.official_id',
  'f.scan_sha256',
  'f.scan_media_type',
  'f.scan_name',
  'f.scan_size',
  'a.name as agency_name',
  'src.name as forwarded_from_name',
] as const;

export function itemsQuery(q: Kdb) {
  return q
    .selectFrom('feedback_items as f')
    .innerJoin('agencies as a', 'a.id', 'f.agency_id')
    .leftJoin('agencies as src', 'src.id', 'f.forwarded_from')
    .select(ITEM_COLUMNS);
}
export type ItemRow = NonNullable<Awaited<ReturnType<ReturnType<typeof itemsQuery>['executeTakeFirst']>>>;

export async function findItem(q: Kdb, id: string, forUpdate = false): Promise<ItemRow | undefined> {
  let qb = itemsQuery(q).where('f.id', '=', id);
  if (forUpdate) qb = qb.forUpdate('f');
  return qb.executeTakeFirst();
}

export async function nextReferenceNumber(q: Kdb): Promise<number> {
  const r = await sql<{ n: string }>`SELECT nextval('feedback_reference_seq') AS n`.execute(q);
  return Number(r.rows[0]!.n);
}

export async function findAgency(q: Kdb, id: string) {
  return q
    .selectFrom('agencies')
    .select(['id', 'name', 'short_name'])
    .where('id', '=', id)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

/** Where a question naming nothing goes: the province's public administrative service centre, else the first agency. */
export async function defaultAgency(q: Kdb) {
  return q
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('valid_to', 'is', null)
    .orderBy(sql`upper(short_name) = 'TTPVHCC'`, 'desc')
    .orderBy('name')
    .executeTakeFirst();
}

/** The dossier a complaint names by its code: the agency holding it now (else its authority) and its procedure. */
export async function findDossierByCode(q: Kdb, code: string) {
  return q
    .selectFrom('dossiers as d')
    .leftJoin('procedures as p', 'p.code', 'd.procedure_code')
    .select([
      'd.id',
      'd.code',
      'd.status',
      'd.procedure_code',
      'd.procedure_name',
      'd.holding_agency_id',
      'd.authority_agency_id',
      'd.receiving_agency_id',
      'd.channel',
      'd.result_channel',
      'd.appointment_at',
      'p.field',
    ])
    .where('d.code', '=', code)
    .executeTakeFirst();
}

export async function findProcedure(q: Kdb, code: string) {
  return q
    .selectFrom('procedures')
    .select(['code', 'field', 'agency_ids'])
    .where('code', '=', code)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

/** Heads of an agency (leaders, and approvers of the agency itself rather than of a department): escalations. */
export async function agencyHeads(q: Kdb, agencyId: string) {
  return q
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.preferred_locale'])
    .where('u.kind', '=', 'staff')
    .where('u.status', '=', 'active')
    .where('u.agency_id', '=', agencyId)
    .where((w) =>
      w.or([
        w('r.role', '=', 'leader'),
        w.and([w('r.role', '=', 'approver'), w('u.department_id', 'is', null)]),
      ]),
    )
    .distinct()
    .orderBy('u.id')
    .execute();
}

/**
 * The staff member a feedback names, matched on the name without diacritics or case (within one agency when the
 * sender chose it). Only a single match counts: two officials of the same name route nowhere by name.
 */
export async function findOfficialByName(q: Kdb, name: string, agencyId: string | null) {
  let qb = q
    .selectFrom('users')
    .select(['id', 'full_name', 'agency_id'])
    .where('kind', '=', 'staff')
    .where('status', '=', 'active')
    .where('agency_id', 'is not', null)
    .where(sql<boolean>`vn_fold(full_name) = vn_fold(${name})`);
  if (agencyId) qb = qb.where('agency_id', '=', agencyId);
  const rows = await qb.limit(2).execute();
  return rows.length === 1 ? (rows[0] as { id: string; full_name: string; agency_id: string }) : null;
}
