import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed messages between us and a gateway (payment platform, postal service), the way Vietnamese gateways sign
 * theirs: HMAC-SHA256 (node:crypto) over a canonical string — every field but the signature as `key=value`, sorted
 * by key, joined by `&` — with a timestamp among the fields so an old message cannot be replayed later.
 */
export type Fields = Record<string, string | number | boolean | undefined>;

export function canonicalString(fields: Fields): string {
  return Object.keys(fields)
    .filter((k) => k !== 'signature' && fields[k] !== undefined)
    .sort()
    .map((k) => `${k}=${String(fields[k])}`)
    .join('&');
}

export function sign(secret: string, fields: Fields): string {
  return createHmac('sha256', secret).update(canonicalString(fields), 'utf8').digest('hex');
}

/** Constant-time comparison of the expected and the given signature. */
export function signatureValid(secret: string, fields: Fields, signature: string): boolean {
  const expected = Buffer.from(sign(secret, fields), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** How far a message's timestamp may be from our clock (either way). */
export const SIGNATURE_WINDOW_SECONDS = 300;

export function timestampFresh(timestampSeconds: number, now: Date): boolean {
  return Math.abs(now.getTime() / 1000 - timestampSeconds) <= SIGNATURE_WINDOW_SECONDS;
}

/** What a message said, for telling a repeat of it from a different message under the same id. */
export function contentHash(fields: Fields): string {
  return createHash('sha256').update(canonicalString(fields)).digest('hex');
}
