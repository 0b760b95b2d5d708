/**
 * Raw counts for the QĐ 766 indicators that come from payments (o3) and signed results (d2). Read by SQL from the
 * payments and results modules' tables, like the other reach-arounds listed in architecture.md; the period is the
 * Vietnamese local days `from`..`to` (UTC+7, no daylight saving).
 */
import { sql } from 'kysely';
import { vnInstant } from '@motcua/contracts';
import type { Kdb } from '../../db/client';

const DAY_MS = 86_400_000;

/** The instants bounding the local days `from`..`to` (inclusive): [start, end). */
export function periodInstants(from: string, to: string): { start: Date; end: Date } {
  const start = vnInstant(from);
  const end = new Date(vnInstant(to).getTime() + DAY_MS);
  return { start, end };
}

export async function paymentAndResultCounts(
  db: Kdb,
  agencyIds: string[],
  from: string,
  to: string,
): Promise<{ payments: { paid: number; online: number }; electronicResults: number }> {
  if (!agencyIds.length) return { payments: { paid: 0, online: 0 }, electronicResults: 0 };
  const { start, end } = periodInstants(from, to);
  const ids = sql.val(agencyIds);
  const [pay, res] = await Promise.all([
    sql<{ paid: number; online: number }>`
      SELECT count(DISTINCT dossier_id)::int AS paid,
             count(DISTINCT dossier_id) FILTER (WHERE channel = 'online')::int AS online
      FROM payments
      WHERE status = 'paid' AND agency_id = ANY(${ids}::uuid[]) AND paid_at >= ${start} AND paid_at < ${end}`.execute(
      db,
    ),
    sql<{ n: number }>`
      SELECT count(DISTINCT dossier_id)::int AS n
      FROM signed_results
      WHERE kind = 'granted' AND supersedes_id IS NULL AND agency_id = ANY(${ids}::uuid[])
        AND signed_at >= ${start} AND signed_at < ${end}`.execute(db),
  ]);
  return {
    payments: { paid: pay.rows[0]?.paid ?? 0, online: pay.rows[0]?.online ?? 0 },
    electronicResults: res.rows[0]?.n ?? 0,
  };
}
