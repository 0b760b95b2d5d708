import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed HTTP messages to and from outside systems (national portal, webhook subscribers, SMS gateway): an
 * HMAC-SHA256 over `<unix seconds>.<raw body>`, sent as `X-Signature: sha256=<hex>` with `X-Timestamp`. The
 * receiver refuses a timestamp more than {@link SIGNATURE_WINDOW_S} seconds from its clock, so a captured message
 * cannot be replayed later, and compares in constant time.
 */
export const SIGNATURE_HEADER = 'x-signature';
export const TIMESTAMP_HEADER = 'x-timestamp';
export const SIGNATURE_WINDOW_S = 300;

export function signBody(secret: string, timestamp: number, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

export function signedHeaders(secret: string, now: Date, body: string): Record<string, string> {
  const ts = Math.floor(now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    [TIMESTAMP_HEADER]: String(ts),
    [SIGNATURE_HEADER]: signBody(secret, ts, body),
  };
}

export type SignatureCheck = 'ok' | 'missing' | 'stale' | 'bad';

export function checkSignature(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  now: Date,
): SignatureCheck {
  const ts = Number(headers[TIMESTAMP_HEADER]);
  const sig = headers[SIGNATURE_HEADER];
  if (!Number.isInteger(ts) || typeof sig !== 'string') return 'missing';
  if (Math.abs(now.getTime() / 1000 - ts) > SIGNATURE_WINDOW_S) return 'stale';
  const expected = Buffer.from(signBody(secret, ts, body));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'bad';
}
