import type { Kysely, Transaction } from 'kysely';
import type { TFeeMoment, TProcedure } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { getProcedureVersion } from '../catalogue';
import { findProcedureInForce, type DossierRow } from '../dossiers';

/**
 * When the catalogue says a fee is charged, read from its "thời điểm nộp" text: on the result when it names the
 * result ("khi nhận kết quả", "trước khi trả kết quả"), else at submission (003 Đ16.1 and the catalogue's usual
 * "Khi nộp hồ sơ"). Pure.
 */
export function feeMoment(due: string): TFeeMoment {
  const text = due.normalize('NFC').toLowerCase();
  return /kết quả|nhận kết quả|trả kết quả/.test(text) && !/khi nộp hồ sơ/.test(text)
    ? 'result'
    : 'submission';
}

type TFee = TProcedure['fees'][number];

export type FeeFacts = { amount: number; description: string; moment: TFeeMoment };

/** The fees of the catalogue version the dossier was submitted under (null: free). */
export function feeFactsOf(fees: readonly TFee[], procedureName: string): FeeFacts | null {
  const due = fees.filter((f) => f.amount > 0);
  const amount = due.reduce((s, f) => s + f.amount, 0);
  if (amount === 0) return null;
  return {
    amount,
    description: due.map((f) => f.name).join('; ') || procedureName,
    // One charge per dossier: charged at submission if any of its fees is.
    moment: due.some((f) => feeMoment(f.due) === 'submission') ? 'submission' : 'result',
  };
}

export async function dossierFeeFacts(trx: Transaction<Database>, d: DossierRow): Promise<FeeFacts | null> {
  try {
    const p = await getProcedureVersion(trx as unknown as Kysely<Database>, d.procedure_version_id);
    return feeFactsOf(p.fees, p.name);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
  }
  // A procedure served by another source (test fixtures): its total, charged at submission.
  const p = await findProcedureInForce(trx, d.procedure_code, d.submitted_at);
  return p && p.fee > 0 ? { amount: p.fee, description: p.name, moment: 'submission' } : null;
}
