/**
 * Satisfaction counts per agency and period (QĐ 766 group 5, public statistics), read from the feedback module's
 * ratings (TT 01/2018). Ratings belong to monthly periods (a rating after a period closed lands in the next one), so a
 * date range counts the ratings of every month it touches. "Satisfied" is very satisfied + satisfied; no rating in
 * the range gives `rated: 0`, shown as "no ratings yet", never as a score.
 */
import type { Kdb } from '../../db/client';
import { satisfactionCounts } from '../feedback';

export type SatisfactionCounts = { satisfied: number; rated: number };
export type SatisfactionPort = (
  agencyIds: string[],
  from: string,
  to: string,
) => Promise<SatisfactionCounts | null>;

/** The months `YYYY-MM` from `from` to `to` (both `YYYY-MM-DD`), inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const p = `${y}-${String(m).padStart(2, '0')}`;
    if (p > last) return out;
    out.push(p);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

export function satisfactionFromRatings(db: Kdb): SatisfactionPort {
  return async (agencyIds, from, to) => {
    const rows = await satisfactionCounts(db, { agencyIds, periods: monthsBetween(from, to) });
    return rows.reduce(
      (s, r) => ({ satisfied: s.satisfied + r.verySatisfied + r.satisfied, rated: s.rated + r.ratings }),
      { satisfied: 0, rated: 0 },
    );
  };
}
