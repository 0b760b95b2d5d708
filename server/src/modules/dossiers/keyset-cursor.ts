// Opaque cursors of keyset (seek) pages: the sort key of a page's last row, as base64url JSON. A page after the
// cursor is one index range read from where the last one stopped — no OFFSET, so page 500 costs what page 1 does,
// and rows that arrive meanwhile neither repeat nor skip a row already listed (issue 19).
import { sql, type RawBuilder } from 'kysely';
import { AppError } from '../../http/errors';

/** A timestamptz as ISO 8601 UTC, exact to the microsecond as PostgreSQL keeps it (a JS Date keeps milliseconds). */
export const isoKey = (column: RawBuilder<unknown>) =>
  sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One part of a sort key: a microsecond instant, a uuid, or null (an instant that is not set). */
export type KeyPart = 'instant' | 'uuid' | 'instant?';

const INSTANT = /^(19[7-9]\d|[2-9]\d{3})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A calendar instant (no 30 February): its milliseconds survive a round trip through Date. */
const realInstant = (v: string) => {
  const ms = v.slice(0, 23);
  const d = new Date(`${ms}Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 23) === ms;
};

const fits = (kind: KeyPart, v: unknown) => {
  if (kind === 'instant?' && v === null) return true;
  if (typeof v !== 'string') return false;
  return kind === 'uuid' ? UUID.test(v) : INSTANT.test(v) && realInstant(v);
};

export function encodeCursor(parts: readonly (string | null)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The parts of a cursor of the given shape; anything else (forged, truncated, another list's) is a 400. */
export function decodeCursor(raw: string, shape: readonly KeyPart[]): (string | null)[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== shape.length ||
    !shape.every((k, i) => fits(k, parsed[i]))
  ) {
    throw new AppError('BAD_REQUEST', { details: 'cursor' });
  }
  return parsed as (string | null)[];
}
