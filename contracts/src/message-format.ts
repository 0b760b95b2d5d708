import { vnWall } from './time';
import type { Locale } from './errors';

/**
 * The one message formatter of the server and the web (issue #20): `{name}` placeholders, ICU plurals
 * (`{n, plural, one {# file} other {# files}}`, `=0 {…}` too), counts grouped the locale's way ("12.345" / "12,345")
 * and calendar dates written dd/mm/yyyy whatever the caller passed.
 */
export type MessageParam = string | number | { vi: string; en: string };
export type MessageParams = Record<string, MessageParam>;

/** A count with the locale's grouping: "12.345" in Vietnamese, "12,345" in English. */
export function formatCount(n: number, locale: Locale): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'vi' ? '.' : ',');
  const decimals = frac ? (locale === 'vi' ? ',' : '.') + frac : '';
  return `${n < 0 ? '-' : ''}${grouped}${decimals}`;
}

/** An amount in đồng: "1.250.000 đồng" in Vietnamese, "VND 1,250,000" in English. */
export function formatMoney(dong: number, locale: Locale): string {
  const n = formatCount(Math.round(dong), locale);
  return locale === 'vi' ? `${n} đồng` : `VND ${n}`;
}

const two = (n: number) => String(n).padStart(2, '0');
const ISO_INSTANT = /\b(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))/g;
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/**
 * ISO dates inside a message's text as people read them: "2025-07-01" → "01/07/2025", an instant →
 * "03/02/2026 09:05" in Vietnam time (no DST since 1975, so a fixed +7 h is exact).
 */
export function readableDates(text: string): string {
  return text
    .replace(ISO_INSTANT, (iso: string) => {
      const at = new Date(iso);
      if (Number.isNaN(at.getTime())) return iso;
      const d = vnWall(at);
      return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
    })
    .replace(ISO_DAY, (_, y: string, m: string, d: string) => `${d}/${m}/${y}`);
}

const VI_LETTER = /[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]/i;

/**
 * Older messages (zod schemas, a few services) carry both languages as "tiếng Việt / English" in one string. Each
 * "; "-separated part whose left side is Vietnamese and right side is not is cut to the half of the locale, so an
 * English reader never gets Vietnamese (nor the reverse). New messages pass `{ vi, en }` instead.
 */
export function oneLanguage(text: string, locale: Locale): string {
  return text
    .split('; ')
    .map((part) => {
      const cut = part.lastIndexOf(' / ');
      if (cut < 0) return part;
      const vi = part.slice(0, cut);
      const en = part.slice(cut + 3);
      if (!VI_LETTER.test(vi) || VI_LETTER.test(en) || !/[a-z]/i.test(en)) return part;
      // A "field: " prefix before the Vietnamese half belongs to both.
      return locale === 'vi' ? vi : (vi.match(/^[\w.[\]]+: /)?.[0] ?? '') + en;
    })
    .join('; ');
}

/** Free text composed by the server, where a message in two languages may hide. */
const COMPOSED = new Set(['details', 'reason']);

/** Params whose text is a name given by a person (a file name, an address): never rewritten. */
const VERBATIM = new Set([
  'file',
  'url',
  'method',
  'requestId',
  'password',
  'username',
  'code',
  'name',
  'email',
  'phone',
  'to',
]);

function paramText(name: string, value: MessageParam | undefined, locale: Locale): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return formatCount(value, locale);
  const text = typeof value === 'object' ? value[locale] : value;
  if (VERBATIM.has(name)) return text;
  return readableDates(COMPOSED.has(name) ? oneLanguage(text, locale) : text);
}

/** The index of the brace closing the one at `open`, or -1. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function plural(body: string, name: string, locale: Locale, params: MessageParams): string {
  const raw = params[name];
  const n = typeof raw === 'number' ? raw : Number(typeof raw === 'object' ? raw[locale] : raw);
  const options = new Map<string, string>();
  const re = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const open = m.index + m[0].length - 1;
    const close = closing(body, open);
    if (close < 0) break;
    options.set(m[1]!, body.slice(open + 1, close));
    re.lastIndex = close + 1;
  }
  const branch =
    options.get(`=${n}`) ??
    options.get(new Intl.PluralRules(locale === 'vi' ? 'vi' : 'en').select(n)) ??
    options.get('other') ??
    '';
  return formatMessage(branch.replace(/#/g, formatCount(n, locale)), locale, params);
}

export function formatMessage(template: string, locale: Locale, params: MessageParams = {}): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = closing(template, open);
    if (close < 0) break;
    out += template.slice(i, open);
    const inner = template.slice(open + 1, close);
    const pl = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    if (pl) out += plural(pl[2]!, pl[1]!, locale, params);
    else if (/^\w+$/.test(inner)) out += paramText(inner, params[inner], locale);
    else out += template.slice(open, close + 1);
    i = close + 1;
  }
  return out + template.slice(i);
}
