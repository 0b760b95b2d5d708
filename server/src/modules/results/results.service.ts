// Signed results (issue 15): the approver's signature is put on the result document when it is issued, the signed
// PDF is stored content-addressed and recorded here, never changed; a correction records a new one superseding it.
import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import type { Transaction } from 'kysely';
import type { Locale, TDossierResults, TSignedResult, TVerifyResultResponse } from '@motcua/contracts';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import { fileStoreFor } from '../../files/store-for';
import { AppError } from '../../http/errors';
import { trustedCas } from './keys';
import { remoteSigner } from './remote-signer';
import { VERIFY_REASONS } from './results.messages';
import {
  currentForDossiers,
  findBySha,
  insertSignedResult,
  isSuperseded,
  listForDossier,
  type SignedResultRow,
} from './results.repo';
import { localSigner, type ResultSigner } from './signer';
import { checkSignature } from './verify';
import type { Kdb } from '../../db/client';

const storeFor = fileStoreFor;

/** The configured signer: the remote-signing service when one is configured, else the local PKCS#12 files. */
export function signerFor(config: Pick<Config, 'signing'>, now: () => Date): ResultSigner {
  const s = config.signing;
  return s.remote
    ? remoteSigner(s.remote, now)
    : localSigner({ dir: s.keysDir, passphrase: s.passphrase, demoKeys: s.demoKeys }, now);
}

export type SignResultInput = {
  dossierId: string;
  dossierCode: string;
  documentNumber: string;
  kind: 'granted' | 'refused';
  agency: { id: string; name: string };
  /** The approver whose decision the result carries (named in the signature). */
  approver: { id: string | null; name: string };
  place: string;
  pdf: Buffer;
  /** A correction: the result it replaces and why (003 Đ15). */
  supersedes?: { id: string; reason: string };
};

/** Signs the result with the agency's key, stores the signed PDF and records it. Returns the stored file's hash. */
export async function signAndRecordResult(
  trx: Transaction<Database>,
  ctx: { config: Config; now: Date },
  input: SignResultInput,
): Promise<{ id: string; sha256: string; size: number }> {
  const signer = signerFor(ctx.config, () => ctx.now);
  let signed: Buffer;
  try {
    signed = await signer.sign(input.pdf, {
      signer: {
        agencyCode: input.agency.id,
        agencyName: input.agency.name,
        approverName: input.approver.name,
      },
      at: ctx.now,
      reason: `${input.documentNumber} ${input.dossierCode}`,
      location: input.place,
    });
  } catch (err) {
    throw new AppError('SERVICE_UNAVAILABLE', {}, { cause: String(err) });
  }
  const stored = await storeFor(ctx.config).put(signed, { name: 'result.pdf' });
  const row = await insertSignedResult(trx, {
    dossier_id: input.dossierId,
    dossier_code: input.dossierCode,
    document_number: input.documentNumber,
    kind: input.kind,
    sha256: stored.sha256,
    agency_id: input.agency.id,
    signer_name: input.approver.name || input.agency.name,
    signed_by: input.approver.id,
    signed_at: ctx.now,
    signer_kind: signer.kind,
    supersedes_id: input.supersedes?.id ?? null,
    correction_reason: input.supersedes?.reason ?? null,
  });
  return { id: row.id, sha256: stored.sha256, size: signed.length };
}

/** The current (not superseded) signed result of a dossier, or null. */
export async function findCurrentResult(q: Kdb, dossierId: string): Promise<SignedResultRow | null> {
  const rows = await listForDossier(q, { dossierId });
  const replaced = new Set(rows.map((r) => r.supersedes_id).filter(Boolean));
  return rows.find((r) => !replaced.has(r.id)) ?? null;
}

/** The current signed results of these dossiers, newest first (the citizen's store of results). */
export async function currentResultsOf(q: Kdb, dossierIds: readonly string[]): Promise<SignedResultRow[]> {
  return currentForDossiers(q, dossierIds);
}

/** The signed PDF of a result (from the content-addressed store). */
export async function readResultPdf(config: Config, sha256: string): Promise<Buffer> {
  return buffer(await storeFor(config).get(sha256));
}

function present(r: SignedResultRow & {}, current: boolean): TSignedResult {
  return {
    id: r.id,
    documentNumber: r.document_number,
    kind: r.kind,
    signer: r.signer_name,
    signedAt: new Date(r.signed_at).toISOString(),
    sha256: r.sha256,
    current,
    correctionReason: r.correction_reason,
  };
}

/** Public facts of a dossier's results (no personal data): the current one first, then those it replaced. */
export async function dossierResults(q: Kdb, dossierCode: string): Promise<TDossierResults> {
  const rows = await listForDossier(q, { dossierCode });
  if (!rows.length) throw new AppError('NOT_FOUND', { what: { vi: 'kết quả', en: 'result' } });
  const replaced = new Set(rows.map((r) => r.supersedes_id).filter(Boolean));
  const current = rows.filter((r) => !replaced.has(r.id));
  const older = rows.filter((r) => replaced.has(r.id));
  return {
    dossierCode,
    results: [...current.map((r) => present(r, true)), ...older.map((r) => present(r, false))],
  };
}

/** POST /api/results/verify: signature over the whole file, chain to a trusted CA, and issued by us. */
export async function verifyResultPdf(
  q: Kdb,
  config: Config,
  pdf: Buffer,
  locale: Locale = 'vi',
): Promise<TVerifyResultResponse> {
  if (pdf.length < 8 || pdf.toString('latin1', 0, 5) !== '%PDF-')
    throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const check = await checkSignature(pdf, trustedCas({ dir: config.signing.keysDir, passphrase: '' }));
  const base = {
    signer: check.signer ?? '',
    signedAt: check.signedAt ? check.signedAt.toISOString() : null,
  };
  if (!check.ok) {
    return { valid: false, ...base, dossierCode: '', reason: VERIFY_REASONS[check.problem][locale] };
  }
  const ours = await findBySha(q, createHash('sha256').update(pdf).digest('hex'));
  if (!ours) return { valid: false, ...base, dossierCode: '', reason: VERIFY_REASONS.not_issued[locale] };
  const superseded = await isSuperseded(q, ours.id);
  return { valid: true, ...base, dossierCode: ours.dossier_code, superseded };
}
