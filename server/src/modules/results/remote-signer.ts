// Remote signing (issue 15): the way Vietnamese CAs sign by SIM or HSM, the key never leaves the signing service;
// we send what is to be signed and get the CMS back. Requests are authenticated with HMAC-SHA256 over the timestamp
// and the body (header `x-motcua-signature: t=<unix seconds>,v1=<hex>`), and refused outside a 5-minute window.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { P12Signer } from '@signpdf/signer-p12';
import { Signer } from '@signpdf/utils';
import { signPdf, type ResultSigner, type SignerRef } from './signer';

export const SIGNATURE_HEADER = 'x-motcua-signature';
const WINDOW_S = 300;

export function hmacHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** True when the header carries a valid HMAC of `body` made within the window around `now`. */
export function checkHmac(secret: string, body: string, header: string | undefined, now: Date): boolean {
  const m = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!m) return false;
  const t = Number(m[1]);
  if (Math.abs(now.getTime() / 1000 - t) > WINDOW_S) return false;
  const want = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return timingSafeEqual(want, Buffer.from(m[2]!, 'hex'));
}

type SignBody = { keyId: string; signingTime: string; content: string };

class RemoteCms extends Signer {
  constructor(
    private readonly remote: { url: string; secret: string },
    private readonly signer: SignerRef,
    private readonly now: () => Date,
  ) {
    super();
  }

  override async sign(content: Buffer, signingTime?: Date): Promise<Buffer> {
    const body = JSON.stringify({
      keyId: this.signer.agencyCode,
      signingTime: (signingTime ?? this.now()).toISOString(),
      content: content.toString('base64'),
    } satisfies SignBody);
    const res = await fetch(new URL('/sign', this.remote.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: hmacHeader(this.remote.secret, body, this.now()),
      },
      body,
    });
    if (!res.ok) throw new Error(`remote signing failed: HTTP ${res.status}`);
    const { cms } = (await res.json()) as { cms: string };
    return Buffer.from(cms, 'base64');
  }
}

export function remoteSigner(remote: { url: string; secret: string }, now: () => Date): ResultSigner {
  return { kind: 'remote', sign: (pdf, req) => signPdf(pdf, req, (s) => new RemoteCms(remote, s, now)) };
}

/**
 * A local stand-in for a CA's remote-signing service (tests and demo): holds the PKCS#12 keys (`keyFor`), checks the
 * HMAC, and answers the CMS. Listens on 127.0.0.1 on a free port.
 */
export async function startSigningSimulator(opts: {
  secret: string;
  keyFor: (keyId: string) => { p12: Buffer; passphrase: string } | null;
  now: () => Date;
}): Promise<{ url: string; requests: number; close: () => Promise<void> }> {
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        state.requests++;
        const body = Buffer.concat(chunks).toString('utf8');
        const send = (status: number, json: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(json));
        };
        if (req.method !== 'POST' || req.url !== '/sign') return send(404, { error: 'not found' });
        const header = req.headers[SIGNATURE_HEADER];
        if (!checkHmac(opts.secret, body, typeof header === 'string' ? header : undefined, opts.now())) {
          return send(401, { error: 'bad signature' });
        }
        const input = JSON.parse(body) as SignBody;
        const key = opts.keyFor(input.keyId);
        if (!key) return send(404, { error: 'unknown key' });
        const cms = await new P12Signer(key.p12, { passphrase: key.passphrase }).sign(
          Buffer.from(input.content, 'base64'),
          new Date(input.signingTime),
        );
        send(200, { cms: cms.toString('base64') });
      })().catch(() => {
        res.writeHead(500);
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
