import { z } from 'zod';

/**
 * POST /api/results/verify (fixed contract point): `valid` only when the signature verifies over the whole file, its
 * signer chains to a trusted CA and the document is one this system issued. `signer` is the certificate's common
 * name ('' when there is no signature), `signedAt` the signing time (null when unknown), `dossierCode` '' when the
 * document is not ours; `reason` says why it is not valid, in the request's language.
 */
export const ZVerifyResultResponse = z.object({
  valid: z.boolean(),
  signer: z.string(),
  signedAt: z.string().nullable(),
  dossierCode: z.string(),
  reason: z.string().optional(),
  /** The result this document was replaced by, when a correction superseded it (003 Đ15). */
  superseded: z.boolean().optional(),
});
export type TVerifyResultResponse = z.infer<typeof ZVerifyResultResponse>;

export const ZResultKind = z.enum(['granted', 'refused']);

/** One signed result of a dossier, as the public verification page and the dossier page show it. */
export const ZSignedResult = z.object({
  id: z.uuid(),
  documentNumber: z.string(),
  kind: ZResultKind,
  signer: z.string(),
  signedAt: z.string(),
  sha256: z.string(),
  current: z.boolean(),
  correctionReason: z.string().nullable(),
});
export type TSignedResult = z.infer<typeof ZSignedResult>;

/** GET /api/results/{dossierCode}: the current result first, then the ones it superseded (newest first). */
export const ZDossierResults = z.object({
  dossierCode: z.string(),
  results: z.array(ZSignedResult),
});
export type TDossierResults = z.infer<typeof ZDossierResults>;

/** POST /api/processing/dossiers/{id}/result-corrections: a new signed result replacing the current one. */
export const ZCorrectResultRequest = z.object({
  expectedVersion: z.number().int().min(0),
  reason: z.string().trim().min(3).max(1000),
  summary: z.string().trim().min(1).max(2000),
});
export type TCorrectResultRequest = z.infer<typeof ZCorrectResultRequest>;

/**
 * GET /api/me/results: the citizen's store of results ("kho dữ liệu", 001 Đ22.2) — the current signed result of each
 * of their dossiers, newest first. Each can be reused in a later dossier instead of uploading it again.
 */
export const ZMyResult = z.object({
  id: z.uuid(),
  dossierId: z.uuid(),
  dossierCode: z.string(),
  procedureName: z.string(),
  documentNumber: z.string(),
  kind: ZResultKind,
  signer: z.string(),
  signedAt: z.string(),
});
export type TMyResult = z.infer<typeof ZMyResult>;
export const ZMyResults = z.object({ items: z.array(ZMyResult) });
export type TMyResults = z.infer<typeof ZMyResults>;
