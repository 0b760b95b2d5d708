// A result generated from the procedure's template when the office uploads no PDF (issue 12, the `result` action):
// numbered per agency and year, stored as the dossier's "result" document; not signed (signatures are a later issue).
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { renderResultDocument } from '../documents/forms/result';
import { applicantOf, formSetFor, issuerOf } from './dossier-forms';
import { fileStoreFor, type IntakeCtx } from './dossier-context';
import { lookupUrl } from './dossier-notify';
import type { DossierRow } from './dossiers.repo';
import { findProcedureInForce } from './ports';

type Trx = Transaction<Database>;

async function nextResultNumber(trx: Trx, agencyId: string, year: number): Promise<number> {
  const { rows } = await sql<{ last_value: number }>`
    INSERT INTO result_number_counters (agency_id, year, last_value) VALUES (${agencyId}, ${year}, 1)
    ON CONFLICT (agency_id, year) DO UPDATE SET last_value = result_number_counters.last_value + 1
    RETURNING last_value`.execute(trx);
  return rows[0]!.last_value;
}

export async function issueResultDocument(
  trx: Trx,
  ctx: IntakeCtx,
  row: DossierRow,
  decision: { kind: 'granted' | 'refused'; summary: string },
): Promise<void> {
  const procedure = await findProcedureInForce(trx, row.procedure_code, row.submitted_at);
  const agency = await trx
    .selectFrom('agencies')
    .select('short_name')
    .where('id', '=', row.authority_agency_id)
    .executeTakeFirst();
  const year = new Date(ctx.now.getTime() + 7 * 3_600_000).getUTCFullYear();
  const n = await nextResultNumber(trx, row.authority_agency_id, year);
  const code = row.code ?? row.submission_ref;
  const resultName = procedure?.results?.[0];
  const pdf = await renderResultDocument(
    {
      issuer: await issuerOf(trx, row.authority_agency_id),
      documentNumber: `${String(n).padStart(2, '0')}/KQ${agency?.short_name ? `-${agency.short_name}` : ''}`,
      ...(resultName ? { resultName } : {}),
      kind: decision.kind,
      dossierCode: code,
      applicant: applicantOf(row),
      procedureName: row.procedure_name,
      receivedAt: row.received_at ?? row.submitted_at,
      summary: decision.summary,
      verifyUrl: lookupUrl(ctx.config, code, row.lookup_pin),
      signer: { name: '' },
      issuedAt: ctx.now,
    },
    formSetFor(ctx.config, row.received_at ?? ctx.now),
  );
  const stored = await fileStoreFor(ctx.config).put(pdf, { name: 'result.pdf' });
  await trx
    .insertInto('dossier_documents')
    .values({
      dossier_id: row.id,
      kind: 'result',
      template_set: 'procedure',
      sha256: stored.sha256,
      created_at: ctx.now,
    })
    .execute();
}
