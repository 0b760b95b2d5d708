// All SQL of inter-agency processing (issue 14): the projection rows of the interagency_* events and their lists.
import type { Insertable, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import type { DossierInteragencyTasksTable } from './dossiers.tables';
import type { Kdb } from '../../db/client';

export type InteragencyRow = Selectable<DossierInteragencyTasksTable>;
/** A row with the dossier facts a partner sees (code, procedure, version). */
export type InteragencyView = InteragencyRow & {
  dossier_code: string | null;
  procedure_name: string;
  dossier_version: number;
};

const view = (q: Kdb) =>
  q
    .selectFrom('dossier_interagency_tasks as t')
    .innerJoin('dossiers as d', 'd.id', 't.dossier_id')
    .selectAll('t')
    .select(['d.code as dossier_code', 'd.procedure_name', 'd.version as dossier_version']);

export async function insertTasks(
  trx: Transaction<Database>,
  rows: Insertable<DossierInteragencyTasksTable>[],
): Promise<void> {
  if (rows.length) await trx.insertInto('dossier_interagency_tasks').values(rows).execute();
}

export async function findTask(q: Kdb, id: string): Promise<InteragencyView | undefined> {
  return view(q).where('t.id', '=', id).executeTakeFirst();
}

export async function lockTask(trx: Transaction<Database>, id: string) {
  return trx
    .selectFrom('dossier_interagency_tasks')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateTask(
  trx: Transaction<Database>,
  id: string,
  set: Updateable<DossierInteragencyTasksTable>,
): Promise<void> {
  await trx.updateTable('dossier_interagency_tasks').set(set).where('id', '=', id).execute();
}

export async function listTasksOf(q: Kdb, dossierId: string): Promise<InteragencyView[]> {
  return view(q).where('t.dossier_id', '=', dossierId).orderBy('t.position').execute();
}

/** The parts addressed to an agency: open ones by due time first, then the rest (waiting, done). */
export async function listTasksFor(q: Kdb, agencyId: string, openOnly: boolean): Promise<InteragencyView[]> {
  let s = view(q).where('t.agency_id', '=', agencyId);
  if (openOnly) s = s.where('t.status', '=', 'open');
  return s.orderBy('t.status', 'desc').orderBy('t.due_at').orderBy('t.position').limit(500).execute();
}

export async function countUndoneTasks(q: Kdb, dossierId: string): Promise<number> {
  const r = await q
    .selectFrom('dossier_interagency_tasks')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('dossier_id', '=', dossierId)
    .where('status', '!=', 'done')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function overdueTasks(trx: Transaction<Database>, now: Date, limit: number) {
  return trx
    .selectFrom('dossier_interagency_tasks')
    .selectAll()
    .where('status', '=', 'open')
    .where('overdue_warned_at', 'is', null)
    .where('due_at', '<', now)
    .orderBy('due_at')
    .limit(limit)
    .forUpdate()
    .execute();
}

/** Public lookup: the agencies with an open part, in order. */
export async function openTaskAgencies(q: Kdb, dossierId: string): Promise<string[]> {
  const rows = await q
    .selectFrom('dossier_interagency_tasks')
    .select('agency_name')
    .where('dossier_id', '=', dossierId)
    .where('status', '=', 'open')
    .orderBy('position')
    .execute();
  return rows.map((r) => r.agency_name);
}
