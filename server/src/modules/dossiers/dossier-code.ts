import { DOSSIER_CODE_PATTERN, vnDay, vnWall } from '@motcua/contracts';

/** YYMMDD of an instant in Việt Nam time — the receipt day in the dossier code. */
export function codeDay(at: Date): string {
  const local = vnWall(at);
  const yy = String(local.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(local.getUTCDate()).padStart(2, '0');
  return `${yy}${mm}${dd}`;
}

/** The calendar date (YYYY-MM-DD, Việt Nam time) the sequence counts within. */
export function codeDate(at: Date): string {
  return vnDay(at);
}

/**
 * TT 04/2025/TT-VPCP (in force 25/01/2026, 00:00 Vietnam time) builds the dossier code from the QĐ 20/2020 identifier
 * of the agency; before that day the legacy `000.00.NN.Hxx` code (TT 01/2018 Đ19, QCVN 102:2016) comes first.
 */
export const TT04_2025_FROM = new Date('2026-01-25T00:00:00+07:00');

export type IdentifierCode = { code: string; format: 'qd20' | 'legacy' };

/** The identifier the dossier code is built from on `at`: QĐ 20/2020 from TT 04/2025's day, the legacy one before. */
export function pickIdentifier(codes: readonly IdentifierCode[], at: Date): IdentifierCode | undefined {
  const order: IdentifierCode['format'][] = at >= TT04_2025_FROM ? ['qd20', 'legacy'] : ['legacy', 'qd20'];
  for (const format of order) {
    const c = codes.find((x) => x.format === format);
    if (c) return c;
  }
  return undefined;
}

/** The `-AAXXXX` tail of a procedure run on a centralised system: two capital letters and four digits. */
export const CENTRAL_SYSTEM_TAIL = /^[A-Z]{2}\d{4}$/;

/**
 * `<identifier code of the agency with authority>-<YYMMDD of receipt>-<sequence>`: at least 4 digits, growing
 * past 9999 rather than wrapping (e.g. `000.17.22.H56-210531-0001`, then `…-10000`); with `-AAXXXX` appended for a
 * procedure run on a centralised system (TT 04/2025; e.g. `H99.15-260302-0001-BC0001`).
 */
export function formatDossierCode(
  agencyCode: string,
  receivedAt: Date,
  sequence: number,
  centralSystem?: string | null,
): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`Invalid dossier sequence ${sequence}`);
  if (centralSystem && !CENTRAL_SYSTEM_TAIL.test(centralSystem)) {
    throw new Error(`Invalid centralised system code ${centralSystem}`);
  }
  const base = `${agencyCode}-${codeDay(receivedAt)}-${String(sequence).padStart(4, '0')}`;
  return centralSystem ? `${base}-${centralSystem}` : base;
}

export function isDossierCode(value: string): boolean {
  return DOSSIER_CODE_PATTERN.test(value);
}

/**
 * The applicant's name as the public lookup shows it: the family name whole, then each further word as its
 * first letter followed by one star per remaining letter — `Nguyễn Văn An` → `Nguyễn V** A*`.
 */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .map((w, i) => {
      if (i === 0) return w;
      const letters = [...w];
      return letters[0] + '*'.repeat(letters.length - 1);
    })
    .join(' ');
}
