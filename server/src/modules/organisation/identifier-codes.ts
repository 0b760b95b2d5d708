/**
 * Electronic identifier codes of agencies (mã định danh, SPEC §2): stored opaque with a format tag, shape-checked.
 * - 'qd20' (QĐ 20/2020/QĐ-TTg): ≤ 35 characters of [0-9A-Z.], dot-separated groups read left to right, the first group
 *   a letter A–Y followed by two digits (e.g. H99, H99.15, G01.99).
 * - 'legacy': `000.00.NN.Hxx`, ≤ 13 characters, the province group on the right (e.g. 000.00.15.H99).
 */
export type CodeFormat = 'qd20' | 'legacy';

const QD20 = /^[A-Y][0-9]{2}(\.[0-9A-Z]+)*$/;
const LEGACY = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/;

export function isValidIdentifierCode(code: string, format: CodeFormat): boolean {
  if (format === 'qd20') return code.length <= 35 && QD20.test(code);
  return code.length <= 13 && LEGACY.test(code);
}
