import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatErrorMessage, type ErrorCode, type ErrorParams, type Locale } from '@motcua/contracts';

/** The one error type of the server. Services throw it; the handler below turns it into `{code, message}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    readonly details?: unknown,
  ) {
    super(formatErrorMessage(code, 'en', params));
    this.name = 'AppError';
  }
}

/** The one table from error code to HTTP status. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  STAFF_ACTION_FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  FILE_TYPE_NOT_ALLOWED: 415,
  FILE_TOO_LARGE: 413,
  FILES_TOO_LARGE: 413,
  FILE_CONTENT_REFUSED: 422,
  FORM_TEMPLATE_TYPE: 415,
  UPLOAD_QUOTA_EXCEEDED: 429,
  DOSSIER_STATE: 409,
  PROCEDURE_UNAVAILABLE: 422,
  MISSING_COMPONENTS: 422,
  FORM_INVALID: 422,
  PAGE_COUNT_MISMATCH: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 429,
  ACCOUNT_NOT_ACTIVE: 403,
  ACCOUNT_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  WEAK_PASSWORD: 400,
  CODE_INVALID: 400,
  CSRF_FAILED: 403,
  OIDC_UNAVAILABLE: 404,
  OIDC_FAILED: 400,
  PROCEDURE_RETIRED: 409,
  PROCEDURE_NOT_PUBLISHED: 409,
  IMPORT_REJECTED: 422,
  INVALID_IDENTIFIER_CODE: 400,
  WORKFLOW_INVALID: 422,
  DEADLINE_RULE: 422,
  BACK_ENTRY_REFUSED: 422,
  NOT_ASSIGNED: 403,
  SIMULATION_STATE: 422,
  CONSULTATION_STATE: 409,
  INTERAGENCY_STATE: 409,
  CALLBACK_SIGNATURE_INVALID: 401,
  CALLBACK_REPLAYED: 409,
  PAYMENT_AMOUNT_MISMATCH: 422,
  PAYMENT_NOT_DUE: 409,
  PAYMENT_ALREADY_PAID: 409,
  FEE_UNPAID: 409,
  REFUND_NOT_ALLOWED: 422,
  REFUND_ALREADY_MADE: 409,
  FEEDBACK_STATE: 409,
  FEEDBACK_CONTACT_REQUIRED: 422,
  RATING_LINK_INVALID: 404,
  RATING_NOT_ALLOWED: 409,
};

/** Vietnamese unless the client prefers English (Accept-Language order and q-values respected). */
export function localeOf(req: FastifyRequest): Locale {
  const header = req.headers['accept-language'];
  if (!header) return 'vi';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'vi';
}

const zodLocales = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };
const CONTEXT_NAMES: Record<string, { vi: string; en: string }> = {
  body: { vi: 'nội dung', en: 'body' },
  querystring: { vi: 'tham số truy vấn', en: 'query' },
  params: { vi: 'đường dẫn', en: 'path' },
  headers: { vi: 'tiêu đề', en: 'headers' },
};

function describeValidation(err: FastifyError, locale: Locale): { text: string; issues: unknown[] } {
  const context = CONTEXT_NAMES[err.validationContext ?? 'body']?.[locale] ?? '';
  const issues = (err.validation ?? []).map((v) => {
    const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const raw = { code: v.keyword, path: field.split('.'), ...v.params } as unknown as Parameters<
      typeof zodLocales.vi
    >[0];
    const localized = zodLocales[locale](raw);
    const message = (typeof localized === 'string' ? localized : localized?.message) ?? v.message ?? '';
    return { field: field || context, message };
  });
  const text = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return { text, issues };
}

export function errorHandler(err: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) {
  const locale = localeOf(req);
  const send = (code: ErrorCode, params: ErrorParams = {}, details?: unknown) =>
    reply
      .status(HTTP_STATUS[code])
      .send({ code, message: formatErrorMessage(code, locale, params), ...(details ? { details } : {}) });

  if (err instanceof AppError) {
    if (err.code === 'RATE_LIMITED') reply.header('retry-after', String(err.params.retryAfter ?? 60));
    if (err.code === 'ACCOUNT_LOCKED') reply.header('retry-after', String(err.params.retryAfter ?? 60));
    return send(err.code, err.params, err.details);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const { text, issues } = describeValidation(err as FastifyError, locale);
    return send('VALIDATION_FAILED', { details: text }, issues);
  }
  if (isResponseSerializationError(err)) {
    req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
    return send('INTERNAL', { requestId: req.id });
  }
  const status = (err as FastifyError).statusCode ?? 500;
  const fastifyCode = (err as FastifyError).code;
  if (status === 413 || fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE') return send('PAYLOAD_TOO_LARGE');
  if (status === 415) return send('UNSUPPORTED_MEDIA_TYPE');
  if (status === 429) {
    const retryAfter = Number(reply.getHeader('retry-after') ?? 60);
    return send('RATE_LIMITED', { retryAfter });
  }
  if (status >= 400 && status < 500) return send('BAD_REQUEST', { details: err.message });
  req.log.error({ err }, 'unhandled error');
  return send('INTERNAL', { requestId: req.id });
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  const locale = localeOf(req);
  reply.status(404).send({
    code: 'ROUTE_NOT_FOUND',
    message: formatErrorMessage('ROUTE_NOT_FOUND', locale, {
      method: req.method,
      url: req.url.split('?')[0] ?? '',
    }),
  });
}
