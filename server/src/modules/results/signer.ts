// The signer adapter (issue 15): `sign(pdf, signer)` returns the PDF with a PAdES signature (CMS detached, sub-filter
// adbe.pkcs7.detached, SHA-256, signer certificate and signing time; see docs/decisions/0018-signed-results.md).
// The placeholder is added with pdf-lib and filled by @signpdf; only the CMS is made by the key holder — a PKCS#12
// file here, or a remote-signing service (remote-signer.ts) the way Vietnamese CAs sign by SIM or HSM.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type * as PdfLib from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import type { Signer } from '@signpdf/utils';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { ensureAgencyKey, p12File, type KeyStoreConfig } from './keys';

// The placeholder library is CommonJS and requires pdf-lib's CommonJS build; the document it edits must come from
// that same build (an ES-module copy of pdf-lib has its own PDFName and PDFDict classes, and the placeholder's
// objects would not be written), whatever loader runs this file (Node, tsx, Vite).
const { PDFDocument } = createRequire(import.meta.url)('pdf-lib') as typeof PdfLib;

/** Who signs: the agency whose key is used, and the approver named in the signature's /Name. */
export type SignerRef = { agencyCode: string; agencyName: string; approverName: string };

export type SignRequest = { signer: SignerRef; at: Date; reason: string; location: string };

export type ResultSigner = {
  readonly kind: 'local' | 'remote';
  sign(pdf: Buffer, req: SignRequest): Promise<Buffer>;
};

/** The CMS maker for one signature: what the local and remote signers differ in. */
export type CmsMaker = (signer: SignerRef) => Signer;

/** Room for the CMS (hex doubles it): a 2048-bit RSA signature with a two-certificate chain is about 3 kB. */
const SIGNATURE_LENGTH = 8192;

/** Adds the signature field on the first page and signs. */
export async function signPdf(pdf: Buffer, req: SignRequest, cms: CmsMaker): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: req.reason,
    contactInfo: '',
    name: req.signer.approverName || req.signer.agencyName,
    location: req.location,
    signingTime: req.at,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    appName: 'Một Cửa',
  });
  const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false }));
  // The package is CommonJS whose default export Node's ESM loader does not unwrap: use the class.
  return new SignPdf().sign(withPlaceholder, cms(req.signer), req.at);
}

/**
 * PKCS#12 files in the keys directory, one per agency (named by its identifier code). With `demoKeys` a missing
 * one is made on first use under the demo CA, so the demo signs out of the box.
 */
export function localSigner(cfg: KeyStoreConfig & { demoKeys: boolean }, now: () => Date): ResultSigner {
  return {
    kind: 'local',
    sign: (pdf, req) =>
      signPdf(pdf, req, (s) => new P12Signer(readP12(cfg, s, now()), { passphrase: cfg.passphrase })),
  };
}

export class SigningKeyMissing extends Error {}

export function readP12(cfg: KeyStoreConfig & { demoKeys: boolean }, s: SignerRef, now: Date): Buffer {
  const file = cfg.demoKeys
    ? ensureAgencyKey(cfg, { code: s.agencyCode, name: s.agencyName }, now)
    : p12File(cfg, s.agencyCode);
  if (!fs.existsSync(file)) throw new SigningKeyMissing(`no signing key for agency ${s.agencyCode}`);
  return fs.readFileSync(file);
}
