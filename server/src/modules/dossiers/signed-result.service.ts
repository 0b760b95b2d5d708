// Signed results of a dossier (issue 15): the download of the current one, and a correction (003 Đ15) — the agency
// that issued it issues a new signed result superseding the old one, with the reason; both are kept.
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { DOSSIER_ACTION_LABELS, DOSSIER_STATUS_LABELS, ZCorrectResultRequest } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import type { Config } from '../../config';
import type { Actor } from '../../http/auth';
import { findCurrentResult, readResultPdf } from '../results';
import { applyDossierAction } from './dossier-action';
import type { IntakeCtx } from './dossier-context';
import { issueResultDocument } from './result-document';
import { authorize } from './dossiers.policy';
import { findDossier } from './dossiers.repo';

export async function correctResult(
  trx: Transaction<Database>,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZCorrectResultRequest>,
) {
  const input = ZCorrectResultRequest.parse(raw);
  return applyDossierAction(trx, ctx, id, 'result_corrected', input.expectedVersion, async (d) => {
    const current = await findCurrentResult(trx, d.id);
    // Only a signed result generated here can be replaced by one generated here.
    if (!current) {
      throw new AppError('DOSSIER_STATE', {
        status: DOSSIER_STATUS_LABELS[d.status],
        action: DOSSIER_ACTION_LABELS.result_corrected,
      });
    }
    return {
      event: {
        reason: input.reason,
        data: { supersedes: current.document_number, kind: current.kind, summary: input.summary },
      },
      effects: (row) =>
        issueResultDocument(
          trx,
          ctx,
          row,
          { kind: current.kind, summary: input.summary },
          { supersedesId: current.id, reason: input.reason },
        ),
      audit: { action: 'dossier.correct_result', details: { supersedes: current.id } },
    };
  });
}

/** The current signed result of a dossier for its applicant or the staff who see it; 404 when there is none. */
export async function currentResultPdf(
  q: Kysely<Database>,
  actor: Actor,
  config: Config,
  id: string,
): Promise<{ pdf: Buffer; code: string }> {
  const d = authorize(actor, 'view', await findDossier(q, id));
  const current = await findCurrentResult(q, d.id);
  if (!current) throw new AppError('NOT_FOUND', { what: { vi: 'kết quả đã ký số', en: 'Signed result' } });
  return { pdf: await readResultPdf(config, current.sha256), code: current.dossier_code };
}
