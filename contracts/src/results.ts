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

/**
 * Conversion between paper and electronic at the desk (ND 45/2020 Đ18; seed 001 Đ13): a certified printout of the
 * electronic result handed over on paper, or a certified scan of a paper document (a paper result) made electronic.
 * POST /api/processing/dossiers/{id}/result-conversions; each is on the dossier's timeline and in the register.
 */
export const ZResultConversionRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('printout'),
    expectedVersion: z.number().int().min(1),
    /** Paper copies certified and handed over. */
    copies: z.number().int().min(1).max(20),
    /** Who received the paper copies. */
    handedTo: z.string().trim().min(2).max(200),
    /** The official who certifies the copies as true to the electronic result (a staff member of this agency). */
    certifiedBy: z.uuid(),
  }),
  z.object({
    kind: z.literal('scan'),
    expectedVersion: z.number().int().min(1),
    /** The uploaded scan (one of the acting official's files). */
    fileId: z.uuid(),
    /** What the paper document is, e.g. "Giấy phép số 12/GP-STTTT (bản giấy)". */
    documentName: z.string().trim().min(3).max(300),
    certifiedBy: z.uuid(),
  }),
]);
export type TResultConversionRequest = z.infer<typeof ZResultConversionRequest>;

export const ZResultConversion = z.object({
  id: z.uuid(),
  /** The register's running number per agency and year. */
  registerNo: z.string(),
  dossierId: z.uuid(),
  dossierCode: z.string(),
  kind: z.enum(['printout', 'scan']),
  /** Printout: the electronic result printed; scan: the paper document scanned. */
  documentName: z.string(),
  copies: z.number().int().nullable(),
  handedTo: z.string().nullable(),
  /** The electronic file: the signed result printed, or the stored scan. */
  sha256: z.string(),
  certifier: z.string(),
  recordedBy: z.string(),
  at: z.string(),
});
export type TResultConversion = z.infer<typeof ZResultConversion>;
export const ZResultConversionList = z.object({ items: z.array(ZResultConversion) });
export type TResultConversionList = z.infer<typeof ZResultConversionList>;

/** GET /api/result-conversions/certifiers: the officials of the caller's agency who may certify a conversion. */
export const ZCertifier = z.object({ id: z.uuid(), name: z.string() });
export const ZCertifierList = z.object({ items: z.array(ZCertifier) });
export type TCertifierList = z.infer<typeof ZCertifierList>;
