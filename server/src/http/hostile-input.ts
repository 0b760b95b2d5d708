import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors';

/**
 * Input is hostile until checked at the boundary (ARCHITECTURE, data rules). PostgreSQL refuses U+0000 in `text`
 * and `jsonb`, a lone UTF-16 surrogate cannot be encoded as UTF-8, and JSON nested thousands of levels deep
 * overflows the stack of every recursive walker behind the parser (validation, serialisation, jsonb). Each of
 * these is refused here, once, with a 400 naming where it was found, before any route, validator or query sees it.
 */

/** JSON bodies: the default limits; a route may raise them with `bodyLimit` and `config.jsonDepth`. */
export const JSON_BODY_LIMIT = 512 * 1024;
export const JSON_DEPTH_LIMIT = 32;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Deepest nesting of objects and arrays accepted in this route's JSON body (default JSON_DEPTH_LIMIT). */
    jsonDepth?: number;
  }
}

/** Headers whose value the server decodes and keeps (percent-encoded, so they can smuggle what raw headers cannot). */
const DECODED_HEADERS = ['x-file-name'];

type Problem = 'nul' | 'surrogate';

// Code units, not code points (no `u` flag): a high surrogate not followed by a low one, or a low one not preceded.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a string, if anything. */
export function badText(s: string): Problem | null {
  if (s.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(s)) return 'surrogate';
  return null;
}

/**
 * The first string (key or value) in a parsed JSON value that holds a NUL or a lone surrogate, with its path.
 * Iterative, so it cannot overflow whatever the depth.
 */
export function findBadText(value: unknown, root: string): { path: string; problem: Problem } | null {
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const problem = badText(v);
      if (problem) return { path, problem };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${path}[${i}]`]);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const problem = badText(k);
        if (problem) return { path: `${path}.${safeName(k)}`, problem };
        stack.push([child, `${path}.${k}`]);
      }
    }
  }
  return null;
}

/** A key that is itself hostile is named by its printable part, so the message stays valid text. */
function safeName(k: string): string {
  return k.replaceAll('\u0000', '\\u0000').replace(/[\ud800-\udfff]/g, '\\uFFFD');
}

/**
 * Whether `{`/`[` in JSON text nest deeper than `limit` (brackets inside strings do not count). One pass over the
 * text, stopping at the first level too many, before JSON.parse: a 100,000-level document costs a scan, nothing else.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

const WHERE = {
  body: { vi: 'nội dung', en: 'body' },
  query: { vi: 'tham số truy vấn', en: 'query' },
  path: { vi: 'đường dẫn', en: 'path' },
  header: { vi: 'tiêu đề', en: 'header' },
} as const;

const PROBLEM = {
  nul: {
    vi: 'chứa ký tự NUL (\\u0000), không được phép',
    en: 'contains a NUL character (\\u0000), not allowed',
  },
  surrogate: {
    vi: 'chứa ký tự UTF-16 không hợp lệ (nửa cặp thay thế đứng riêng)',
    en: 'contains invalid UTF-16 (an unpaired surrogate)',
  },
} as const;

export function refuseText(field: string, problem: Problem): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    { details: { vi: `${field}: ${PROBLEM[problem].vi}`, en: `${field}: ${PROBLEM[problem].en}` } },
    [{ field, message: PROBLEM[problem].en }],
  );
}

function refuseDepth(limit: number): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    {
      details: {
        vi: `${WHERE.body.vi}: JSON lồng nhau quá ${limit} cấp`,
        en: `${WHERE.body.en}: JSON nested deeper than ${limit} levels`,
      },
    },
    [{ field: 'body', message: `nested deeper than ${limit} levels` }],
  );
}

function checkRecord(where: 'query' | 'path', record: unknown): void {
  if (!record || typeof record !== 'object') return;
  const bad = findBadText(record, where);
  if (bad) throw refuseText(bad.path, bad.problem);
}

// Any surrogate, paired or not: clean header text (nearly all of it) has none and skips the full check.
const SURROGATE = /[\ud800-\udfff]/;
const suspect = (v: string) => v.includes('\u0000') || SURROGATE.test(v);

function checkHeaders(req: FastifyRequest): void {
  const headers = req.headers;
  // Runs on every request: no array or entry allocated for a header unless it looks suspect.
  for (const name in headers) {
    const value = headers[name];
    if (typeof value === 'string' && !suspect(value) && !DECODED_HEADERS.includes(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'string') continue;
      let text = v;
      if (DECODED_HEADERS.includes(name)) {
        try {
          text = decodeURIComponent(v);
        } catch {
          /* a malformed escape is the route's to refuse; the raw value is checked below */
        }
      }
      const problem = badText(text) ?? badText(v);
      if (problem) throw refuseText(`${WHERE.header.en}.${name}`, problem);
    }
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The JSON body as received, for checking a signature over it. */
    rawBody?: string;
  }
}

/**
 * Installs the checks on the root instance; call before modules register their routes so every route inherits
 * the JSON parser. Path, query and headers are checked when the request arrives; the body as it is parsed.
 */
export function registerHostileInput(app: FastifyInstance): void {
  app.addHook('onRequest', (req, _reply, done) => {
    try {
      // A percent-encoded lone surrogate cannot be decoded: the router leaves such a path as sent.
      checkRecord('path', req.params);
      checkRecord('query', req.query);
      checkHeaders(req);
      done();
    } catch (err) {
      done(err as Error);
    }
  });

  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT },
    (req, body, done) => {
      const text = body as string;
      req.rawBody = text; // signed webhooks check the signature over the bytes as sent
      const limit = req.routeOptions.config.jsonDepth ?? JSON_DEPTH_LIMIT;
      if (jsonDepthExceeds(text, limit)) return done(refuseDepth(limit), undefined);
      parseJson(req, text, (err, parsed) => {
        if (err) return done(err, undefined);
        const bad = findBadText(parsed, WHERE.body.en);
        if (bad) return done(refuseText(bad.path, bad.problem), undefined);
        done(null, parsed);
      });
    },
  );
}
