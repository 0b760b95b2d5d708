import { formatErrorMessage, type ErrorCode, type Locale } from '@motcua/contracts';

/** A failed API call, carrying the server's error code and a message in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let currentLocale: Locale = 'vi';
export const setApiLocale = (l: Locale) => {
  currentLocale = l;
};

/** Double-submit CSRF token: the server sets the mc_csrf cookie; state-changing requests echo it in a header. */
function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith('mc_csrf='))
    ?.slice('mc_csrf='.length);
}

/** Whether this browser holds a session: the server sets the CSRF cookie and the session cookie together. */
export const hasSession = (): boolean => csrfToken() !== undefined;

export type RequestOptions = {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLocale,
    ...opts.headers,
  };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData || opts.body instanceof Blob) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const token = csrfToken();
  if (method !== 'GET' && token) headers['x-csrf-token'] = token;
  const res = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data ?? {}) as { code?: ErrorCode; message?: string; details?: unknown };
    const code = err.code ?? (res.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
    throw new ApiError(
      res.status,
      code,
      err.message ?? formatErrorMessage(code, currentLocale, { details: '', requestId: '' }),
      err.details,
    );
  }
  return data as T;
}

/** A stale version or a state that moved on: someone else changed the thing first (HTTP 409). */
export const isConflict = (err: unknown) => err instanceof ApiError && err.status === 409;

/** One field the server refused, its path as the request body spells it (`applicant.name`, `items.0.reason`). */
export type ServerFieldError = { field: string; message: string };

/** The fields a 400 names (the problem's `details`: `[{ field, message }]`, messages in the person's language). */
export function serverFieldErrors(err: unknown): ServerFieldError[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  return err.details.filter(
    (d): d is ServerFieldError =>
      typeof d === 'object' &&
      d !== null &&
      typeof (d as ServerFieldError).field === 'string' &&
      typeof (d as ServerFieldError).message === 'string',
  );
}
