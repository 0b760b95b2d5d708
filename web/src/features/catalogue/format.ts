import type { TProcessingTime } from '@motcua/contracts';

type T = (key: never, params?: Record<string, string | number>) => string;

export function processingTimeText(t: T, p: TProcessingTime): string {
  return t(`catalogue.time.${p.unit}` as never, { value: p.value });
}

/** The kind of a legal document from the tail of its number (ND 30/2020, Phụ lục III): "123/2015/NĐ-CP". */
const KINDS: [RegExp, string][] = [
  [/\/QH\d*$/i, 'Luật'],
  [/\/NĐ-CP$/i, 'Nghị định'],
  [/\/NQ-/i, 'Nghị quyết'],
  [/\/QĐ-/i, 'Quyết định'],
  [/\/TT-/i, 'Thông tư'],
  [/\/CT-/i, 'Chỉ thị'],
];
const KIND_WORDS = ['Luật', 'Pháp lệnh', 'Nghị định', 'Nghị quyết', 'Quyết định', 'Thông tư', 'Chỉ thị'];

/**
 * A legal basis as Vietnamese documents cite it — type, number, date, issuer, title: "Nghị định số 123/2015/NĐ-CP
 * ngày 15/11/2015 của Chính phủ quy định chi tiết …"; a law keeps its name first: "Luật Hộ tịch số 60/2014/QH13
 * ngày 20/11/2014 của Quốc hội". Legal citations stay Vietnamese in both locales.
 */
export function legalCitation(l: { number: string; title: string; issuer: string; date: string }): string {
  const title = l.title.trim();
  const day = l.date.slice(0, 10).split('-').reverse().join('/');
  const issuer = l.issuer.trim() ? ` của ${l.issuer.trim()}` : '';
  const named = KIND_WORDS.find((k) => title.toLocaleLowerCase('vi').startsWith(k.toLocaleLowerCase('vi')));
  const kind = named ?? KINDS.find(([re]) => re.test(l.number.trim()))?.[1];
  if (kind === 'Luật' || kind === 'Pháp lệnh' || !kind) return `${title} số ${l.number} ngày ${day}${issuer}`;
  const rest = named ? title.slice(named.length).trim() : title;
  return `${kind} số ${l.number} ngày ${day}${issuer}${rest ? ` ${rest}` : ''}`;
}
