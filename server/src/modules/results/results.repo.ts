import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { SignedResultsTable } from './results.tables';
import type { Kdb } from '../../db/client';

const COLUMNS = [
  'id',
  'dossier_id',
  'dossier_code',
  'document_number',
  'kind',
  'sha256',
  'agency_id',
  'signer_name',
  'signed_by',
  'signed_at',
  'signer_kind',
  'supersedes_id',
  'correction_reason',
] as const;

export type SignedResultRow = Awaited<ReturnType<typeof findBySha>> & {};

export async function insertSignedResult(trx: Transaction<Database>, row: Insertable<SignedResultsTable>) {
  return trx.insertInto('signed_results').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function findBySha(q: Kdb, sha256: string) {
  return q.selectFrom('signed_results').select(COLUMNS).where('sha256', '=', sha256).executeTakeFirst();
}

/** A dossier's signed results, newest first (by dossier id or by code). */
export async function listForDossier(q: Kdb, by: { dossierId: string } | { dossierCode: string }) {
  let query = q.selectFrom('signed_results').select(COLUMNS);
  query =
    'dossierId' in by
      ? query.where('dossier_id', '=', by.dossierId)
      : query.where('dossier_code', '=', by.dossierCode);
  return query.orderBy('signed_at', 'desc').orderBy('id').execute();
}

export async function isSuperseded(q: Kdb, id: string): Promise<boolean> {
  const r = await q
    .selectFrom('signed_results')
    .select('id')
    .where('supersedes_id', '=', id)
    .executeTakeFirst();
  return Boolean(r);
}

/** The current (not superseded) signed result of each of these dossiers. */
export async function currentForDossiers(q: Kdb, dossierIds: readonly string[]) {
  if (dossierIds.length === 0) return [];
  return q
    .selectFrom('signed_results as r')
    .select(COLUMNS.map((c) => `r.${c}` as const))
    .where('r.dossier_id', 'in', dossierIds)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('signed_results as n').select('n.id').whereRef('n.supersedes_id', '=', 'r.id'),
        ),
      ),
    )
    .orderBy('r.signed_at', 'desc')
    .orderBy('r.id')
    .execute();
}
