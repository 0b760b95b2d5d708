import { DOSSIER_CODE_PATTERN } from '@motcua/contracts';

const VN_OFFSET_MS = 7 * 3_600_000;

/** YYMMDD of an instant in Việt Nam time — the receipt day in the dossier code. */
export function codeDay(at: Date): string {
  const local = new Date(at.getTime() + VN_OFFSET_MS);
  const yy = String(local.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(local.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(local.getUTCDate()).padStart(2, '0');
  return `${yy}${mm}${dd}`;
}

/** The calendar date (YYYY-MM-DD, Việt Nam time) the sequence counts within. */
export function codeDate(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * `<identifier code of the agency with authority>-<YYMMDD of receipt>-<sequence>`: at least 4 digits, growing
 * past 9999 rather than wrapping (e.g. `000.17.22.H56-210531-0001`, then `…-10000`).
 */
export function formatDossierCode(agencyCode: string, receivedAt: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`Invalid dossier sequence ${sequence}`);
  return `${agencyCode}-${codeDay(receivedAt)}-${String(sequence).padStart(4, '0')}`;
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
