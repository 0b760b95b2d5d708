// Signing keys (issue 15): a demo certification authority and one PKCS#12 per agency, made with node-forge. Real
// deployments put the agency's PKCS#12 from a licensed CA in the keys directory instead; the CA certificate(s) in
// `trusted/` are what verification accepts.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';

export type KeyStoreConfig = {
  /** Directory holding `<agency-code>.p12` files and `trusted/*.pem` CA certificates. */
  dir: string;
  /** Passphrase of the PKCS#12 files. */
  passphrase: string;
};

const CA_FILE = 'demo-ca.pem';

/** File name of an agency's PKCS#12: its identifier code, made safe for a path. */
export function p12File(cfg: KeyStoreConfig, agencyCode: string): string {
  return path.join(cfg.dir, `${agencyCode.replace(/[^A-Za-z0-9._-]/g, '_')}.p12`);
}

function newKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  // Node's native generator (fast); forge reads the PEM.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const k = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  ) as forge.pki.rsa.PrivateKey;
  return { privateKey: k, publicKey: forge.pki.setRsaPublicKey(k.n, k.e) };
}

function serial(): string {
  // Positive, 16 bytes (RFC 5280 §4.1.2.2).
  return `01${randomBytes(15).toString('hex')}`;
}

function newCertificate(
  subject: forge.pki.CertificateField[],
  issuer: forge.pki.CertificateField[],
  publicKey: forge.pki.PublicKey,
  signKey: forge.pki.rsa.PrivateKey,
  validFrom: Date,
  years: number,
  ca: boolean,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = validFrom;
  cert.validity.notAfter = new Date(validFrom.getTime() + years * 365 * 86_400_000);
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  cert.setExtensions(
    ca
      ? [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
          { name: 'subjectKeyIdentifier' },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
          { name: 'subjectKeyIdentifier' },
        ],
  );
  cert.sign(signKey, forge.md.sha256.create());
  return cert;
}

type Ca = { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate };

/**
 * Writes `bytes` to `file` unless it exists (another process may be making the same key at the same moment: the first
 * link wins and every process then reads the winner's file).
 */
function writeOnce(file: string, bytes: string | Buffer): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, bytes, { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.unlinkSync(tmp);
  }
}

/** The demo CA of this keys directory (key and certificate in one file), made on first use and trusted. */
export function ensureDemoCa(cfg: KeyStoreConfig, now: Date): Ca {
  const file = path.join(cfg.dir, CA_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(cfg.dir, { recursive: true, mode: 0o700 });
    const pair = newKeyPair();
    const name = [
      { shortName: 'C', value: 'VN' },
      { shortName: 'O', value: 'Mot Cua demo' },
      { shortName: 'CN', value: 'Mot Cua Demo CA' },
    ];
    const cert = newCertificate(name, name, pair.publicKey, pair.privateKey, demoValidFrom(now), 13, true);
    writeOnce(file, forge.pki.privateKeyToPem(pair.privateKey) + forge.pki.certificateToPem(cert));
  }
  const pem = fs.readFileSync(file, 'utf8');
  const blocks = forge.pem.decode(pem);
  const block = (type: string) => forge.pem.encode(blocks.find((b) => b.type === type)!);
  const ca = {
    key: forge.pki.privateKeyFromPem(block('RSA PRIVATE KEY')) as forge.pki.rsa.PrivateKey,
    cert: forge.pki.certificateFromPem(block('CERTIFICATE')),
  };
  const trusted = path.join(cfg.dir, 'trusted', CA_FILE);
  if (!fs.existsSync(trusted)) {
    fs.mkdirSync(path.dirname(trusted), { recursive: true });
    writeOnce(trusted, forge.pki.certificateToPem(ca.cert));
  }
  return ca;
}

/**
 * Demo certificates start three years before the moment they are made: demo data and tests sign at fixed past
 * times, and a signature made before its certificate's start would not verify.
 */
const demoValidFrom = (d: Date) => new Date(d.getTime() - 3 * 365 * 86_400_000);

/**
 * A PKCS#12 for one agency, signed by the demo CA: subject CN is the agency's name (UTF-8), O the system. Overwrites
 * nothing: an existing file is kept.
 */
export function ensureAgencyKey(
  cfg: KeyStoreConfig,
  agency: { code: string; name: string },
  now: Date,
): string {
  const file = p12File(cfg, agency.code);
  if (fs.existsSync(file)) return file;
  const ca = ensureDemoCa(cfg, now);
  const pair = newKeyPair();
  const subject = [
    { shortName: 'C', value: 'VN' },
    { shortName: 'O', value: 'Mot Cua demo' },
    { shortName: 'CN', value: agency.name, valueTagClass: forge.asn1.Type.UTF8 },
  ] as forge.pki.CertificateField[];
  const cert = newCertificate(
    subject,
    ca.cert.subject.attributes,
    pair.publicKey,
    ca.key,
    demoValidFrom(now),
    8,
    false,
  );
  const p12 = forge.pkcs12.toPkcs12Asn1(pair.privateKey, [cert, ca.cert], cfg.passphrase, {
    algorithm: '3des',
    friendlyName: agency.code,
  });
  writeOnce(file, Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
  return file;
}

/** The trusted CA certificates (PEM files in `trusted/`), as DER. */
export function trustedCas(cfg: KeyStoreConfig): Buffer[] {
  const dir = path.join(cfg.dir, 'trusted');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.pem'))
    .flatMap((f) => {
      const pem = fs.readFileSync(path.join(dir, f), 'utf8');
      return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g)].map((m) =>
        Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'),
      );
    });
}
