import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';

/**
 * The id of generated row i of a run: 12 hex digits of the run's hash, then i (a version-8 UUID). Ids in the order
 * of the numbers, so each batch appends to the primary keys and the event indexes on dossier_id instead of writing
 * into random pages of them, and a batch's dossiers are one id range.
 */
export const genIdPrefix = (kind: 'dossier' | 'citizen', run: string) =>
  createHash('md5').update(`${kind}:${run}`).digest('hex').slice(0, 12);
export function genId(prefix: string, i: number): string {
  const h = i.toString(16).padStart(18, '0');
  const hex = `${prefix}8${h.slice(0, 3)}8${h.slice(3)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/** The same id in SQL, of a bigint expression. */
export const genIdSql = (prefix: string, i: RawBuilder<unknown>) =>
  sql`(${prefix} || '8' || substr(lpad(to_hex(${i}), 18, '0'), 1, 3) || '8'
    || substr(lpad(to_hex(${i}), 18, '0'), 4))::uuid`;

/** The code of generated dossier i received on day D: `<prefix>D-<i, 8 digits>`, e.g. `GEN.BIG-260302-00000042`. */
export const codePrefix = (run: string) =>
  `GEN.${run.toUpperCase().replace(/[^0-9A-Z.]/g, '')}-`.slice(0, 36);
