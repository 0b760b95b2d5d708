// Verification of a signed result (issue 15): the last signature's byte ranges must cover the whole file, the CMS
// must verify over them (pkijs: message digest and signature) and its signer must chain to a trusted CA. Whether the
// document is one we issued is the service's question (its hash in the results table).
import { webcrypto } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

pkijs.setEngine(
  'node',
  new pkijs.CryptoEngine({
    name: 'node',
    crypto: webcrypto as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'],
  }),
);

export type SignatureCheck =
  | { ok: true; signer: string; signedAt: Date | null }
  | { ok: false; problem: SignatureProblem; signer?: string; signedAt?: Date | null };

export type SignatureProblem = 'unsigned' | 'incomplete_coverage' | 'malformed' | 'altered' | 'untrusted';

type Located = { ranges: [number, number, number, number]; cms: Buffer };

/** The last /ByteRange of the file and the /Contents it brackets, or null when there is none. */
export function locateSignature(pdf: Buffer): Located | 'unsigned' | 'malformed' {
  const at = pdf.lastIndexOf('/ByteRange');
  if (at < 0) return 'unsigned';
  const m = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(
    pdf.toString('latin1', at, at + 80),
  );
  if (!m) return 'malformed';
  const r = m.slice(1, 5).map(Number) as [number, number, number, number];
  const [a, b, c, d] = r;
  if (a !== 0 || b <= 0 || c <= a + b || c + d > pdf.length) return 'malformed';
  const hex = pdf.toString('latin1', a + b, c);
  if (!/^<[0-9a-fA-F]*>$/.test(hex)) return 'malformed';
  // The DER is followed by the placeholder's zero padding; the parser stops at the DER's own length. Stripping the
  // trailing zeros instead cut a signature whose last byte is 0x00 (one in 256) and called it malformed.
  const cms = Buffer.from(hex.slice(1, -1), 'hex');
  return { ranges: r, cms };
}

function commonName(cert: pkijs.Certificate): string {
  const cn = cert.subject.typesAndValues.find((t) => t.type === '2.5.4.3');
  return cn ? String(cn.value.valueBlock.value) : '';
}

function signingTime(sd: pkijs.SignedData): Date | null {
  const attr = sd.signerInfos[0]?.signedAttrs?.attributes.find((a) => a.type === '1.2.840.113549.1.9.5');
  const v = attr?.values[0] as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  return v ? v.toDate() : null;
}

const toArrayBuffer = (b: Buffer): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

export async function checkSignature(pdf: Buffer, trusted: Buffer[]): Promise<SignatureCheck> {
  const located = locateSignature(pdf);
  if (located === 'unsigned' || located === 'malformed') return { ok: false, problem: located };
  const [a, b, c, d] = located.ranges;
  const signedBytes = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  let sd: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(toArrayBuffer(located.cms));
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) return { ok: false, problem: 'malformed' };
    sd = new pkijs.SignedData({ schema: info.content });
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const signedAt = signingTime(sd);
  const certs = (sd.certificates ?? []).filter((x): x is pkijs.Certificate => x instanceof pkijs.Certificate);
  const facts = async () => {
    const r = await sd
      .verify({ signer: 0, data: toArrayBuffer(signedBytes), extendedMode: true, checkChain: false })
      .catch((e: unknown) => e as pkijs.SignedDataVerifyResult);
    const signer = r.signerCertificate ?? certs[0];
    return { r, signer: signer ? commonName(signer) : '' };
  };
  const { r, signer } = await facts();
  if (!r.signatureVerified) return { ok: false, problem: 'altered', signer, signedAt };
  // The file must end where the signature's second range ends: bytes appended later are not signed.
  if (c + d !== pdf.length) return { ok: false, problem: 'incomplete_coverage', signer, signedAt };
  const chained = await sd
    .verify({
      signer: 0,
      data: toArrayBuffer(signedBytes),
      checkChain: true,
      extendedMode: true,
      trustedCerts: trusted.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der))),
      ...(signedAt ? { checkDate: signedAt } : {}),
    })
    .catch((e: unknown) => e as pkijs.SignedDataVerifyResult);
  if (!chained.signatureVerified) return { ok: false, problem: 'untrusted', signer, signedAt };
  return { ok: true, signer, signedAt };
}
