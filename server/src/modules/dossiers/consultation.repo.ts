// All SQL of consultation (issue 14): the projection rows of the consultation_* events and the lists that read them.
import type { Insertable, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { DossierConsultationsTable } from './dossiers.tables';
import type { Kdb } from '../../db/client';

export type ConsultationRow = Selectable<DossierConsultationsTable>;
/** A row with the dossier facts both sides see (code, procedure, version). */
export type ConsultationView = ConsultationRow & {
  dossier_code: string | null;
  procedure_name: string;
  dossier_version: number;
};

const view = (q: Kdb) =>
  q
    .selectFrom('dossier_consultations as c')
    .innerJoin('dossiers as d', 'd.id', 'c.dossier_id')
    .selectAll('c')
    .select(['d.code as dossier_code', 'd.procedure_name', 'd.version as dossier_version']);

export async function insertConsultations(
  trx: Transaction<Database>,
  rows: Insertable<DossierConsultationsTable>[],
): Promise<void> {
  if (rows.length) await trx.insertInto('dossier_consultations').values(rows).execute();
}

export async function findConsultation(q: Kdb, id: string): Promise<ConsultationView | undefined> {
  return view(q).where('c.id', '=', id).executeTakeFirst();
}

/** Locks the row: two answers at once — one wins, the other sees it answered. */
export async function lockConsultation(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('dossier_consultations')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function listConsultationsOf(q: Kdb, dossierId: string): Promise<ConsultationView[]> {
  return view(q)
    .where('c.dossier_id', '=', dossierId)
    .orderBy('c.requested_at')
    .orderBy('c.position')
    .execute();
}

export async function countOpenConsultations(q: Kdb, dossierId: string): Promise<number> {
  const r = await q
    .selectFrom('dossier_consultations')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('dossier_id', '=', dossierId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function updateConsultation(
  trx: Transaction<Database>,
  id: string,
  set: Partial<Omit<Insertable<DossierConsultationsTable>, 'id'>>,
): Promise<void> {
  await trx.updateTable('dossier_consultations').set(set).where('id', '=', id).execute();
}

/**
 * Requests addressed to a unit: a department sees those to it and those to its whole agency; the agency's staff
 * without a department see those to the agency. Open ones first, by due time.
 */
export async function listConsultationsFor(
  q: Kdb,
  agencyId: string,
  departmentId: string | null,
  onlyOpen: boolean,
): Promise<ConsultationView[]> {
  let s = view(q).where('c.to_agency_id', '=', agencyId);
  s = departmentId
    ? s.where((w) => w.or([w('c.to_department_id', '=', departmentId), w('c.to_department_id', 'is', null)]))
    : s.where('c.to_department_id', 'is', null);
  if (onlyOpen) s = s.where('c.status', '=', 'open');
  return s
    .orderBy((e) => e.case().when('c.status', '=', 'open').then(0).else(1).end())
    .orderBy('c.due_at')
    .orderBy('c.id')
    .limit(200)
    .execute();
}

/** Open requests past due and not yet flagged, locked for the warnings job (skipping those another run holds). */
export async function overdueConsultations(trx: Transaction<Database>, now: Date, limit: number) {
  return trx
    .selectFrom('dossier_consultations')
    .selectAll()
    .where('status', '=', 'open')
    .where('overdue_warned_at', 'is', null)
    .where('due_at', '<', now)
    .orderBy('due_at')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}
