// A result generated from the procedure's template when the office uploads no PDF (issue 12, the `result` action):
// numbered per agency and year, signed with the agency's key in the approver's name (issue 15, results module), and
// stored as the dossier's "result" document. A correction (003 Đ15) issues a new one that supersedes it.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { renderResultDocument } from '../documents';
import { applicantOf, formSetFor, issuingUnit } from './dossier-forms';
import type { IntakeCtx } from './dossier-context';
import { checkUploadedResult, readResultPdf, signAndRecordResult } from '../results';
import { findFiles, type DossierRow } from './dossiers.repo';
import { findProcedureInForce } from './ports';
import { agencyHeading } from '../organisation';

type Trx = Transaction<Database>;

async function nextResultNumber(trx: Trx, agencyId: string, year: number): Promise<number> {
  const { rows } = await sql<{ last_value: number }>`
    INSERT INTO result_number_counters (agency_id, year, last_value) VALUES (${agencyId}, ${year}, 1)
    ON CONFLICT (agency_id, year) DO UPDATE SET last_value = result_number_counters.last_value + 1
    RETURNING last_value`.execute(trx);
  return rows[0]!.last_value;
}

/** Who approved the decision: the holder of the approval step when it was forwarded, else the acting officer. */
async function approverOf(trx: Trx, ctx: IntakeCtx, dossierId: string) {
  const events = await trx
    .selectFrom('dossier_events')
    .select(['actor_id', 'actor_name', 'data'])
    .where('dossier_id', '=', dossierId)
    .where('type', '=', 'forwarded')
    .orderBy('seq', 'desc')
    .execute();
  const approval = events.find((e) => e.data.approved === true);
  return approval
    ? { id: approval.actor_id, name: approval.actor_name ?? '' }
    : { id: ctx.actor.userId, name: ctx.actor.name };
}

/** The public verification page of a dossier's result (the QR on the document). */
export const verifyUrl = (publicUrl: string, code: string) =>
  `${publicUrl}/xac-thuc?ma=${encodeURIComponent(code)}`;

export async function issueResultDocument(
  trx: Trx,
  ctx: IntakeCtx,
  row: DossierRow,
  decision: { kind: 'granted' | 'refused'; summary: string },
  correction?: { supersedesId: string; reason: string },
): Promise<void> {
  // A correction is signed by the approver who makes it; a first result in the name of the one who approved it.
  const approver = correction
    ? { id: ctx.actor.userId, name: ctx.actor.name }
    : await approverOf(trx, ctx, row.id);
  const procedure = await findProcedureInForce(trx, row.procedure_code, row.submitted_at);
  const numbered = await numberResult(trx, ctx, row);
  const { code, issuer, documentNumber } = numbered;
  const resultName = procedure?.results?.[0];
  const pdf = await renderResultDocument(
    {
      issuer,
      documentNumber,
      ...(resultName ? { resultName } : {}),
      kind: decision.kind,
      dossierCode: code,
      applicant: applicantOf(row),
      procedureName: row.procedure_name,
      receivedAt: row.received_at ?? row.submitted_at,
      summary: decision.summary,
      verifyUrl: verifyUrl(ctx.config.publicUrl, code),
      signer: { name: approver.name },
      signed: true,
      ...(correction ? { correctionReason: correction.reason } : {}),
      issuedAt: ctx.now,
    },
    formSetFor(ctx.config, row.received_at ?? ctx.now),
  );
  await signAndStore(
    trx,
    ctx,
    row,
    { kind: decision.kind, approver, numbered, pdf, source: 'procedure' },
    correction,
  );
}

/** The result's register number (per agency and Việt Nam year), the dossier code and the issuing unit. */
async function numberResult(trx: Trx, ctx: IntakeCtx, row: DossierRow) {
  const heading = await agencyHeading(trx, row.authority_agency_id);
  const year = new Date(ctx.now.getTime() + 7 * 3_600_000).getUTCFullYear();
  const n = await nextResultNumber(trx, row.authority_agency_id, year);
  const code = row.code ?? row.submission_ref;
  const symbol = heading.short_name ? `-${heading.short_name}` : '';
  return { code, issuer: issuingUnit(heading), documentNumber: `${String(n).padStart(2, '0')}/KQ${symbol}` };
}

/**
 * Signs the result PDF in the approver's name with the agency's signer, records it in the results module and links
 * it to the dossier as its "result" document (`source`: generated from the procedure's template, or uploaded).
 */
async function signAndStore(
  trx: Trx,
  ctx: IntakeCtx,
  row: DossierRow,
  r: {
    kind: 'granted' | 'refused';
    approver: { id: string | null; name: string };
    numbered: Awaited<ReturnType<typeof numberResult>>;
    pdf: Buffer;
    source: 'procedure' | 'uploaded';
  },
  correction?: { supersedesId: string; reason: string },
): Promise<void> {
  const { code, issuer, documentNumber } = r.numbered;
  const stored = await signAndRecordResult(trx, ctx, {
    dossierId: row.id,
    dossierCode: code,
    documentNumber,
    kind: r.kind,
    agency: { id: row.authority_agency_id, name: issuer.agency },
    approver: r.approver,
    place: issuer.place,
    pdf: r.pdf,
    ...(correction ? { supersedes: { id: correction.supersedesId, reason: correction.reason } } : {}),
  });
  await recordResultDocument(trx, ctx, row.id, stored.sha256, r.source);
}

async function recordResultDocument(
  trx: Trx,
  ctx: IntakeCtx,
  dossierId: string,
  sha256: string,
  templateSet: string,
) {
  await trx
    .insertInto('dossier_documents')
    .values({ dossier_id: dossierId, kind: 'result', template_set: templateSet, sha256, created_at: ctx.now })
    .execute();
}

/**
 * The result PDF the handler uploaded (the first file of the `result` action), checked by `checkUploadedResult`
 * before the dossier changed: signed in the approver's name with the same signer as a generated one and stored as
 * the dossier's "result" document; the upload itself stays as it was sent.
 */
export async function signUploadedResult(
  trx: Trx,
  ctx: IntakeCtx,
  row: DossierRow,
  decision: { kind: 'granted' | 'refused' },
  uploadedSha256: string,
): Promise<void> {
  const approver = await approverOf(trx, ctx, row.id);
  await signAndStore(trx, ctx, row, {
    kind: decision.kind,
    approver,
    numbered: await numberResult(trx, ctx, row),
    pdf: await readResultPdf(ctx.config, uploadedSha256),
    source: 'uploaded',
  });
}

/** The uploaded result file, refused (422) unless it is a PDF the signer can open; its stored address. */
export async function uploadedResultFile(trx: Trx, ctx: IntakeCtx, fileId: string): Promise<string> {
  const [file] = await findFiles(trx, [fileId]);
  const pdf = await readResultPdf(ctx.config, file!.sha256);
  await checkUploadedResult({ name: file!.name, mediaType: file!.media_type }, pdf);
  return file!.sha256;
}
