/**
 * Building blocks of the OpenAPI fuzz test (server/src/http/openapi-fuzz.test.ts): a plausible value for any
 * schema of the document, and the hostile values an attacker sends instead. Test code only.
 */
import fc from 'fast-check';

export type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: boolean | number;
  maximum?: number;
  minItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
export type Parameter = {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
};
export type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
export type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

export function resolver(doc: OpenApi): (s: Schema | undefined) => Schema {
  return function resolve(s: Schema | undefined): Schema {
    if (!s) return {};
    if (s.$ref) return resolve(doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')]);
    if (s.allOf?.length) return Object.assign({}, ...s.allOf.map(resolve)) as Schema;
    const first = s.anyOf?.[0] ?? s.oneOf?.[0];
    return first ? { ...resolve(first), nullable: s.nullable } : s;
  };
}

const typeOf = (s: Schema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** A value the schema accepts (or close to it), so a single hostile field is what validation sees. */
export function plausible(
  s0: Schema | undefined,
  resolve: (s: Schema | undefined) => Schema,
  depth = 0,
): unknown {
  const s = resolve(s0);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (typeOf(s) ?? (s.properties ? 'object' : undefined)) {
    case 'object': {
      if (depth > 6) return {};
      const out: Record<string, unknown> = {};
      for (const name of s.required ?? []) out[name] = plausible(s.properties?.[name], resolve, depth + 1);
      return out;
    }
    case 'array':
      return s.minItems ? [plausible(s.items, resolve, depth + 1)] : [];
    case 'integer':
    case 'number':
      if (typeof s.exclusiveMinimum === 'number') return s.exclusiveMinimum + 1;
      if (s.minimum !== undefined) return s.minimum + (s.exclusiveMinimum === true ? 1 : 0);
      return s.maximum !== undefined ? Math.min(1, s.maximum) : 1;
    case 'boolean':
      return false;
    case 'string':
      return plausibleString(s);
    default:
      return 'x';
  }
}

/** Candidates for a string with a pattern (the document's own patterns: identifiers, phones, codes, times). */
const PATTERNED = [
  '0912345678',
  '099201001234',
  '08:00',
  '123456',
  'TP1',
  'AB12',
  '2026-03-02',
  '0100109106',
];

function plausibleString(s: Schema): string {
  switch (s.format) {
    case 'uuid':
      return '00000000-0000-4000-8000-00000000f022';
    case 'date':
      return '2026-03-02';
    case 'date-time':
      return '2026-03-02T03:00:00.000Z';
    case 'email':
      return 'fuzz@example.vn';
  }
  const fits = (v: string) =>
    v.length >= (s.minLength ?? 0) &&
    v.length <= (s.maxLength ?? Infinity) &&
    new RegExp(s.pattern ?? '').test(v);
  const padded = 'Fuzz'.padEnd(Math.max(4, s.minLength ?? 0), 'z');
  return [padded, ...PATTERNED].find(fits) ?? padded;
}

/** Hostile text, as JSON values (the JSON encoder writes \u0000 and lone surrogates as escapes). */
export const HOSTILE_STRINGS: unknown[] = [
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'x'.repeat(70_000),
  '[',
  '^(a+)+$',
  "'; DROP TABLE users; --",
  '\u202egpj.exe',
  '',
  ' ',
];
export const HOSTILE_NUMBERS: unknown[] = [
  -1,
  0,
  1.5,
  2 ** 31,
  2 ** 63,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
];
export const WRONG_TYPES: unknown[] = [null, true, {}, [], ['x'], { a: { b: 'c' } }, 'string', 123];

/** An e-form schema (JSON Schema inside a body) carrying patterns that must be refused, never run. */
export const HOSTILE_EFORMS: unknown[] = [
  { type: 'object', properties: { a: { type: 'string', pattern: '[' } } },
  { type: 'object', properties: { a: { type: 'string', pattern: '^(a+)+$' } } },
  { type: 'object', properties: { a: { type: 'string', pattern: '(?<=a)b' } } },
  { type: 'object', properties: { a: { type: 'strin', minLength: -1 } } },
  { type: 'object', properties: {}, patternProperties: { '(x+x+)+y': {} } },
];

/** Hostile values for a field of this schema: its own kind first, then other types. */
export function hostileFor(s: Schema): unknown[] {
  const t = typeOf(s);
  const own = t === 'integer' || t === 'number' ? HOSTILE_NUMBERS : t === 'string' ? HOSTILE_STRINGS : [];
  return [...own, ...WRONG_TYPES];
}

/** Path and query values, already URL-encoded: NUL, a lone surrogate's UTF-8 bytes, traversal, bad numbers. */
export const HOSTILE_URL_VALUES = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%C0%AF',
  '%',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '..',
  'x'.repeat(5000),
  '-1',
  '1e308',
  '99999999999999999999999',
  '1.5',
  '%5B',
  'null',
];

/** Hostile header values (raw NUL cannot travel in HTTP/1.1 headers; percent-encoded ones reach decoders). */
export const HOSTILE_HEADER_VALUES = [
  '%00',
  'a%00.pdf',
  '%ED%A0%80',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(5000),
  '',
];

/**
 * A few random JSON documents of hostile text from a fixed seed: strings of any UTF-16 code unit (NUL, lone
 * surrogates, control and bidi characters), nested a few levels. Same seed, same documents, every run.
 */
export function randomHostileBodies(count: number, seed: number): unknown[] {
  const text = fc.string({ unit: 'binary', maxLength: 40 });
  const value = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text,
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(text, tie('v'), { maxKeys: 3 }),
    ),
  })).v;
  return fc.sample(fc.dictionary(text, value, { minKeys: 1, maxKeys: 5 }), { seed, numRuns: count });
}
