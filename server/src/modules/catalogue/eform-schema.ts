/**
 * E-form schemas (JSON Schema) are written by catalogue editors and run on every submission. Two guards keep a
 * schema from freezing the server: when saved, it must be a valid JSON Schema whose patterns compile, run on the
 * linear-time engine and pass a ReDoS check (`checkEForm`); when run, every pattern is evaluated by RE2
 * (`compileEForm`), so even a pattern stored before these checks, or one the checker misses, takes linear time.
 */
import { Ajv, type ErrorObject, type Options } from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types/index.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { RE2JS } from 're2js';
import safeRegexCheck from 'safe-regex2';
import { MAX_PATTERN_LENGTH, toRe2Syntax } from '@motcua/contracts';
import { AppError } from '../../http/errors';

export type EFormIssue = { field: string; message: { vi: string; en: string } };
export type EFormValidator = (data: unknown) => Array<{ field: string; message: string }>;

/** Ajv's regular-expression engine, swapped for RE2: `pattern`, `patternProperties` and friends run in linear time. */
const re2Engine: RegExpEngine = Object.assign(
  (pattern: string) => {
    const re = RE2JS.compile(toRe2Syntax(pattern));
    // Ajv shares compiled patterns by `toString()`: it must name the pattern, not "[object Object]".
    return { test: (s: string) => re.test(s), toString: () => `re2:${pattern}` };
  },
  { code: 're2' },
);

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;
const AJV_OPTIONS: Options = {
  // E-forms carry display keywords of their own (title, enumNames, x-widget) and custom formats (textarea).
  strict: false,
  allErrors: true,
  logger: false,
  code: { regExp: re2Engine },
};

/** Keywords whose values are data, not schemas: a `pattern` key inside them is not a pattern. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'enumNames']);

const instances = new Map<string, Ajv>();

/**
 * Draft 2020-12 unless the schema says draft-07 or draft-06 (Ajv's other built-in dialect). One instance per
 * dialect: creating one compiles the meta-schemas (~40 ms).
 */
function ajvFor(schema: Record<string, unknown>): Ajv {
  const dialect = typeof schema.$schema === 'string' && /draft-0[67]/.test(schema.$schema) ? '07' : '2020';
  let ajv = instances.get(dialect);
  if (!ajv) {
    ajv = addFormats(dialect === '07' ? new Ajv(AJV_OPTIONS) : new Ajv2020(AJV_OPTIONS));
    instances.set(dialect, ajv);
  }
  return ajv;
}

/** A copy without `$id`s: e-forms of different versions share ids, and the shared instance must not keep them. */
function withoutIds(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutIds);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([k]) => k !== '$id')
      .map(([k, v]) => [k, DATA_KEYWORDS.has(k) ? v : withoutIds(v)]),
  );
}

/** Compiles without leaving the schema in the shared instance's cache. */
function compile(schema: Record<string, unknown>) {
  const ajv = ajvFor(schema);
  const bare = withoutIds(schema) as Record<string, unknown>;
  try {
    return ajv.compile(bare);
  } finally {
    ajv.removeSchema(bare);
  }
}

/** Every regular expression in a schema with where it is: `pattern` values and `patternProperties` keys. */
function patternsOf(schema: unknown, path: string, out: Array<{ field: string; pattern: string }> = []) {
  if (Array.isArray(schema)) schema.forEach((s, i) => patternsOf(s, `${path}[${i}]`, out));
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (DATA_KEYWORDS.has(k)) continue;
      if (k === 'pattern' && typeof v === 'string') out.push({ field: `${path}.pattern`, pattern: v });
      if (k === 'patternProperties' && v && typeof v === 'object')
        for (const p of Object.keys(v)) out.push({ field: `${path}.patternProperties`, pattern: p });
      patternsOf(v, `${path}.${k}`, out);
    }
  }
  return out;
}

/** Why a pattern may not be used, or null. */
export function patternProblem(pattern: string): { vi: string; en: string } | null {
  if (pattern.length > MAX_PATTERN_LENGTH)
    return {
      vi: `biểu thức dài quá ${MAX_PATTERN_LENGTH} ký tự`,
      en: `pattern longer than ${MAX_PATTERN_LENGTH} characters`,
    };
  try {
    new RegExp(pattern, 'u');
  } catch (err) {
    return {
      vi: `biểu thức chính quy không hợp lệ (${(err as Error).message})`,
      en: `invalid regular expression (${(err as Error).message})`,
    };
  }
  try {
    RE2JS.compile(toRe2Syntax(pattern));
  } catch {
    return {
      vi: 'biểu thức dùng cú pháp không hỗ trợ (tìm trước/sau, tham chiếu ngược); hãy viết lại không dùng chúng',
      en: 'the pattern uses unsupported syntax (lookaround, backreferences); rewrite it without them',
    };
  }
  if (!safeRegexCheck(pattern))
    return {
      vi: 'biểu thức có thể chạy rất lâu (lặp lồng nhau như (a+)+); hãy viết lại không lồng các phép lặp',
      en: 'the pattern can take exponential time (nested repetition such as (a+)+); rewrite it without nesting',
    };
  return null;
}

/** What is wrong with an e-form schema being saved, field by field (`eform.properties.x.pattern: …`); [] if nothing. */
export function checkEForm(schema: Record<string, unknown>, root = 'eform'): EFormIssue[] {
  const issues: EFormIssue[] = [];
  for (const { field, pattern } of patternsOf(schema, root)) {
    const problem = patternProblem(pattern);
    if (problem) issues.push({ field, message: problem });
  }
  if (issues.length) return issues;
  const ajv = ajvFor(schema);
  if (!ajv.validateSchema(schema)) {
    for (const e of ajv.errors ?? []) {
      const field = `${root}${e.instancePath.replaceAll('/', '.')}`;
      const text = `${e.message ?? 'invalid'}`;
      issues.push({
        field,
        message: { vi: `không đúng đặc tả JSON Schema (${text})`, en: `not a valid JSON Schema (${text})` },
      });
    }
    return issues;
  }
  try {
    compile(schema);
  } catch (err) {
    const text = (err as Error).message;
    issues.push({
      field: root,
      message: {
        vi: `không dùng được JSON Schema (${text})`,
        en: `the JSON Schema cannot be used (${text})`,
      },
    });
  }
  return issues;
}

/** The save-time refusal: 400 naming each field of the schema at fault, in both languages. */
export function eformRefusal(issues: EFormIssue[]): AppError {
  const join = (l: 'vi' | 'en') => issues.map((i) => `${i.field}: ${i.message[l]}`).join('; ');
  return new AppError(
    'VALIDATION_FAILED',
    { details: { vi: join('vi'), en: join('en') } },
    issues.map((i) => ({ field: i.field, message: i.message.en })),
  );
}

function fieldOf(e: ErrorObject): string {
  const path = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const missing = (e.params as { missingProperty?: string }).missingProperty;
  if (e.keyword === 'required' && missing) return path ? `${path}.${missing}` : missing;
  return path;
}

/**
 * A validator for submitted e-form data. Throws when the schema cannot be compiled (a pattern RE2 cannot run,
 * an unresolvable reference): the caller refuses the submission with a 4xx instead of running an unsafe check.
 */
export function compileEForm(schema: Record<string, unknown>): EFormValidator {
  const validate = compile(schema);
  return (data) =>
    validate(data)
      ? []
      : (validate.errors ?? []).map((e) => ({ field: fieldOf(e), message: e.message ?? '' }));
}
