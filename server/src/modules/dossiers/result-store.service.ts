// The citizen's store of results ("kho dữ liệu", 001 Đ22.2; ND 45/2020 Đ17): the current signed result of each of
// their dossiers, kept and reusable by reference in a later dossier — the same stored bytes become one of their
// files, with no upload.
import type { Transaction } from 'kysely';
import type { Kdb } from '../../db/client';
import type { TMyResults, TUploadedFile } from '@motcua/contracts';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import { countPages } from '../../files/pages';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { currentResultsOf, readResultPdf } from '../results';
import { presentFile } from './dossiers.presenter';
import { insertFile } from './dossiers.repo';

async function resultsOf(q: Kdb, actor: Actor) {
  const dossiers = await q
    .selectFrom('dossiers')
    .select(['id', 'code', 'procedure_name'])
    .where('applicant_user_id', '=', actor.userId)
    .where('status', 'in', ['result_ready', 'returned'])
    .execute();
  const byId = new Map(dossiers.map((d) => [d.id, d]));
  const rows = await currentResultsOf(q, [...byId.keys()]);
  return rows.map((r) => ({ ...r, procedure_name: byId.get(r.dossier_id)!.procedure_name }));
}

export async function myResults(q: Kdb, actor: Actor): Promise<TMyResults> {
  const rows = await resultsOf(q, actor);
  return {
    items: rows.map((r) => ({
      id: r.id,
      dossierId: r.dossier_id,
      dossierCode: r.dossier_code,
      procedureName: r.procedure_name,
      documentNumber: r.document_number,
      kind: r.kind,
      signer: r.signer_name,
      signedAt: new Date(r.signed_at).toISOString(),
    })),
  };
}

/** One of the citizen's current results as one of their files, ready to attach to a dossier component. */
export async function reuseResult(
  trx: Transaction<Database>,
  actor: Actor,
  config: Config,
  resultId: string,
): Promise<TUploadedFile> {
  const r = (await resultsOf(trx, actor)).find((x) => x.id === resultId);
  if (!r)
    throw new AppError('NOT_FOUND', {
      what: { vi: 'kết quả trong kho của bạn', en: 'Result in your store' },
    });
  const pdf = await readResultPdf(config, r.sha256);
  const row = await insertFile(trx, {
    owner_user_id: actor.userId,
    sha256: r.sha256,
    name: `ket-qua_${r.dossier_code}.pdf`,
    media_type: 'application/pdf',
    size: pdf.length,
    pages: await countPages(pdf, 'application/pdf'),
  });
  return presentFile(row);
}
