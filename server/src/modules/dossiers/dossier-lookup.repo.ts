import { sql } from 'kysely';
import type { Kdb } from '../../db/client';

/** SQL of the public lookup's guard (ADR 0014): probes per client address and the alerts they raise. */

/**
 * Remembers that an address looked up a code and answers, in the same statement, the other codes it looked up since
 * `since` — its `sample` most recent ones, so that a busy address (a kiosk, an office behind one address) costs the
 * same on every lookup however many it made — and when its open alert was last written, if it has one.
 */
export async function recordProbe(
  q: Kdb,
  p: { clientIp: string; code: string; found: boolean; at: Date },
  since: Date,
  sample: number,
): Promise<{ recent: { code: string; found: boolean }[]; alertAt: Date | null }> {
  const { rows } = await sql<{ recent: { code: string; found: boolean }[]; alert_at: Date | null }>`
    WITH recorded AS (
      INSERT INTO lookup_probes (client_ip, code, found, last_at)
      VALUES (${p.clientIp}, ${p.code}, ${p.found}, ${p.at})
      ON CONFLICT (client_ip, code) DO UPDATE SET found = excluded.found, last_at = excluded.last_at
    ), recent AS (
      SELECT code, found FROM lookup_probes
      WHERE client_ip = ${p.clientIp} AND last_at >= ${since} AND code <> ${p.code}
      ORDER BY last_at DESC LIMIT ${sample}
    )
    SELECT (SELECT coalesce(json_agg(recent), '[]') FROM recent) AS recent,
      (SELECT last_at FROM lookup_alerts WHERE client_ip = ${p.clientIp} AND acknowledged_at IS NULL) AS alert_at
  `.execute(q);
  const row = rows[0]!;
  return {
    recent: [...row.recent, { code: p.code, found: p.found }],
    alertAt: row.alert_at && new Date(row.alert_at),
  };
}

export async function sweepProbes(q: Kdb, before: Date) {
  await q.deleteFrom('lookup_probes').where('last_at', '<', before).execute();
}

export type AlertInput = {
  clientIp: string;
  reason: 'not_found' | 'sequential';
  codesProbed: number;
  notFound: number;
  longestRun: number;
  sampleCodes: string[];
  at: Date;
};

/** Opens an alert for the address, or updates its open one (one open alert per address, by a partial index). */
export async function upsertOpenAlert(q: Kdb, a: AlertInput) {
  await sql`
    INSERT INTO lookup_alerts AS la
      (client_ip, reason, codes_probed, not_found, longest_run, sample_codes, first_at, last_at)
    VALUES (${a.clientIp}, ${a.reason}, ${a.codesProbed}, ${a.notFound}, ${a.longestRun},
      ${JSON.stringify(a.sampleCodes)}::jsonb, ${a.at}::timestamptz, ${a.at}::timestamptz)
    ON CONFLICT (client_ip) WHERE acknowledged_at IS NULL DO UPDATE SET
      reason = excluded.reason,
      codes_probed = GREATEST(la.codes_probed, excluded.codes_probed),
      not_found = GREATEST(la.not_found, excluded.not_found),
      longest_run = GREATEST(la.longest_run, excluded.longest_run),
      sample_codes = excluded.sample_codes,
      last_at = excluded.last_at`.execute(q);
}

const ALERT_COLUMNS = [
  'id',
  'client_ip',
  'reason',
  'codes_probed',
  'not_found',
  'longest_run',
  'sample_codes',
  'first_at',
  'last_at',
  'acknowledged_at',
] as const;

export function findAlerts(q: Kdb, opts: { open: boolean; limit: number }) {
  return q
    .selectFrom('lookup_alerts')
    .select(ALERT_COLUMNS)
    .where('acknowledged_at', opts.open ? 'is' : 'is not', null)
    .orderBy('last_at', 'desc')
    .limit(opts.limit)
    .execute();
}
export type AlertRow = Awaited<ReturnType<typeof findAlerts>>[number];

/** Marks an open alert as seen; undefined when there is no such open alert. */
export function acknowledgeAlert(q: Kdb, id: string, by: string, at: Date) {
  return q
    .updateTable('lookup_alerts')
    .set({ acknowledged_at: at, acknowledged_by: by })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .returning(ALERT_COLUMNS)
    .executeTakeFirst();
}
