import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { codeDate } from './dossier-code';

/**
 * Next sequence number for an agency and day, inside the accepting transaction. The upsert takes the counter
 * row's lock, so concurrent acceptances (in any process) queue on it and each gets its own number; a rolled-back
 * acceptance gives its number back.
 */
export async function nextDossierSequence(
  trx: Transaction<Database>,
  agencyCode: string,
  receivedAt: Date,
): Promise<number> {
  const { rows } = await sql<{ last_value: number }>`
    INSERT INTO dossier_code_counters (agency_code, day, last_value) VALUES (${agencyCode}, ${codeDate(receivedAt)}, 1)
    ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_code_counters.last_value + 1
    RETURNING last_value`.execute(trx);
  return rows[0]!.last_value;
}
