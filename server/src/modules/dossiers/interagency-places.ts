// The three places of a dossier (issue 14; ND 118/2025 boundary-free reception): received at (receiving desk),
// decided by (agency with authority), returned at (result desk). For a boundary-free procedure the applicant may
// collect the result at another desk of the province; otherwise the result returns where the dossier was received.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { findAgency } from '../organisation';
import type { ProcedureFacts } from './ports';

/** The desk where the result is returned: the applicant's choice for boundary-free procedures, else the receiving desk. */
export async function returnDesk(
  trx: Transaction<Database>,
  p: Pick<ProcedureFacts, 'boundaryFree' | 'name'>,
  receivingAgencyId: string,
  wanted: string | null | undefined,
  provinceCode: string,
): Promise<string> {
  if (!wanted || wanted === receivingAgencyId) return receivingAgencyId;
  if (!p.boundaryFree) {
    throw new AppError('PROCEDURE_UNAVAILABLE', {
      procedure: p.name,
      how: {
        vi: 'với nơi trả kết quả khác nơi tiếp nhận (không phải thủ tục phi địa giới)',
        en: 'with a result desk other than the receiving one (not boundary-free)',
      },
    });
  }
  const desk = await findAgency(trx, wanted);
  if (!desk || desk.valid_to !== null || desk.province_code !== provinceCode) {
    throw new AppError('NOT_FOUND', { what: { vi: 'nơi trả kết quả', en: 'Result desk' } });
  }
  return desk.id;
}
