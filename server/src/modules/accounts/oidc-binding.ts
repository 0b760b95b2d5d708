import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Binds a sign-in attempt (its `state` and `nonce`) to the browser that started it: a short-lived, HttpOnly,
 * SameSite=Lax cookie holding the state and an HMAC of state and nonce. A callback carrying a state that browser did
 * not start (login CSRF: an attacker's own code and state sent to a victim) is refused, and so is a cookie whose MAC
 * does not match the nonce stored for that state. The key is derived from the OIDC client secret, which only this
 * server and the identity provider know.
 */
export const OIDC_BINDING_COOKIE = 'mc_oidc';
export const OIDC_BINDING_PATH = '/api/auth/oidc';
/** As long as a pending attempt lives (auth.repo takeOidcLogin). */
export const OIDC_BINDING_TTL_S = 15 * 60;

function mac(clientSecret: string, state: string, nonce: string): Buffer {
  const key = createHmac('sha256', clientSecret).update('motcua/oidc-browser-binding/v1').digest();
  return createHmac('sha256', key).update(`${state}\n${nonce}`).digest();
}

export function bindingCookieValue(clientSecret: string, state: string, nonce: string): string {
  return `${state}.${mac(clientSecret, state, nonce).toString('base64url')}`;
}

/** The state the cookie was issued for (the cheap check, before the pending attempt is looked up), or null. */
export function boundState(cookie: string | undefined): string | null {
  if (!cookie) return null;
  const dot = cookie.lastIndexOf('.');
  return dot > 0 ? cookie.slice(0, dot) : null;
}

/** Whether the cookie was issued by this server for exactly this state and nonce. */
export function bindingMatches(
  clientSecret: string,
  cookie: string | undefined,
  state: string,
  nonce: string,
): boolean {
  if (!cookie || boundState(cookie) !== state) return false;
  const given = Buffer.from(cookie.slice(cookie.lastIndexOf('.') + 1), 'base64url');
  const expected = mac(clientSecret, state, nonce);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
