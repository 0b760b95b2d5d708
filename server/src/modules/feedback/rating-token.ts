/**
 * The satisfaction-rating link (issue 16): the dossier id signed with the province's key (HMAC-SHA256), so the rating
 * page opens without logging in and nobody can rate a dossier they were not sent the link of.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const mac = (secret: string, dossierId: string) =>
  createHmac('sha256', secret).update(`rate:${dossierId}`).digest('base64url').slice(0, 32);

export function ratingToken(secret: string, dossierId: string): string {
  return `${dossierId}.${mac(secret, dossierId)}`;
}

/** The dossier id of a valid token, else null. */
export function verifyRatingToken(secret: string, token: string): string | null {
  const [id = '', sig = ''] = token.split('.');
  if (!UUID.test(id)) return null;
  const want = Buffer.from(mac(secret, id));
  const got = Buffer.from(sig);
  return got.length === want.length && timingSafeEqual(got, want) ? id : null;
}

/** The public rating page of a returned dossier, sent in the e-mail that tells the result was returned. */
export function ratingLink(config: Pick<Config, 'publicUrl' | 'feedback'>, dossierId: string): string {
  const token = ratingToken(config.feedback.ratingSecret, dossierId);
  return `${config.publicUrl.replace(/\/$/, '')}/danh-gia?token=${encodeURIComponent(token)}`;
}
