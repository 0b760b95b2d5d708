import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Security headers from helmet's well-kept defaults, computed once at boot: our policy has no per-request parts
 * (no nonces), and running helmet's middleware on every request cost ~20% of a small request's throughput.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  helmet(options)({ headers: {} } as IncomingMessage, res, () => undefined);
  return headers;
}

/**
 * The headers a JSON answer needs (OWASP REST Security Cheat Sheet): never sniffed, framed or read from another
 * origin, HTTPS only, no referrer, and a policy under which nothing runs should a browser ever open one as a
 * document. Helmet's document-only headers (window isolation, DNS prefetch, old IE and Flash switches) do nothing on
 * JSON, and each costs every API answer its bytes and Node's validation of it.
 */
export function apiSecurityHeaders(documentHeaders: Record<string, string>): Record<string, string> {
  const kept = [
    'cross-origin-resource-policy',
    'referrer-policy',
    'strict-transport-security',
    'x-content-type-options',
  ];
  return {
    ...Object.fromEntries(kept.flatMap((h) => (documentHeaders[h] ? [[h, documentHeaders[h]]] : []))),
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-frame-options': 'DENY',
  };
}
