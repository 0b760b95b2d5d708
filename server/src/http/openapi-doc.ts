/**
 * Completes the OpenAPI document for clients that build on it (`@redocly/cli lint`, recommended rules), centrally, so
 * routes added later get the same: an `operationId` and a `summary` derived from method and path where the route
 * gives none, the security schemes (session cookie, CSRF header, API key, signed webhooks) with a default per
 * operation, a 4xx answer on every operation, and `servers`.
 */
type Operation = {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  responses?: Record<string, unknown>;
  tags?: string[];
};
type Doc = {
  servers?: { url: string; description?: string }[];
  components?: Record<string, unknown> & { securitySchemes?: Record<string, unknown> };
  paths?: Record<string, Record<string, Operation>>;
  security?: Record<string, string[]>[];
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const VERB: Record<string, string> = {
  get: 'get',
  post: 'create',
  put: 'replace',
  patch: 'update',
  delete: 'delete',
  head: 'head',
  options: 'options',
};

const camel = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/** `GET /api/lookup/{code}` → `getLookupByCode`; `POST /api/admin/webhooks/{id}/deliveries` → `createAdminWebhooksDeliveriesById`. */
export function operationIdOf(method: string, path: string): string {
  const parts = path
    .replace(/^\/api\/?/, '')
    .split('/')
    .filter(Boolean);
  const words = parts.filter((p) => !p.startsWith('{')).map(camel);
  const params = parts.filter((p) => p.startsWith('{')).map((p) => camel(p.slice(1, -1)));
  return (VERB[method] ?? method) + words.join('') + (params.length ? 'By' + params.join('And') : '');
}

export function summaryOf(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/^\/api/, '')}`;
}

const SAFE = new Set(['get', 'head', 'options']);

export const SECURITY_SCHEMES = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'mc_session',
    description: 'The session of a person logged in through /api/auth/login.',
  },
  csrfHeader: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      'With the session cookie, every state-changing request repeats the CSRF token of the session.',
  },
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'A key of an API client (machine account), with the scopes given by an administrator.',
  },
  smsGatewaySignature: {
    type: 'apiKey',
    in: 'header',
    name: 'x-signature',
    description: 'HMAC-SHA256 of "<x-timestamp>.<body>" with the SMS gateway secret.',
  },
} as const;

export function decorateOpenApi<T>(input: T, servers: { url: string; description?: string }[]): T {
  const doc = input as Doc;
  doc.servers = servers;
  doc.components = { ...(doc.components ?? {}), securitySchemes: SECURITY_SCHEMES };
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      let id = op.operationId ?? operationIdOf(method, path);
      for (let n = 2; seen.has(id); n++) id = `${operationIdOf(method, path)}${n}`;
      seen.add(id);
      op.operationId = id;
      op.summary ??= summaryOf(method, path);
      // Who may call it is the route's preHandler; the document says how a caller authenticates. `{}`: anonymous.
      op.security ??= SAFE.has(method)
        ? [{ sessionCookie: [] }, { apiKey: [] }, {}]
        : [{ sessionCookie: [], csrfHeader: [] }, { apiKey: [] }, {}];
      op.responses ??= {};
      if (!Object.keys(op.responses).some((s) => /^4/.test(s)))
        op.responses['400'] = {
          description: 'Refused: the request is malformed',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
        };
    }
  }
  return input;
}
