import { sql } from 'kysely';
import type { Kdb } from '../../db/client';

/** SQL of the public lookup's guard (ADR 0014): probes per client address and the alerts they raise. */

export type ProbeRow = { clientIp: string; code: string; found: boolean; at: Date };

/**
 * Remembers which codes addresses looked up (one row per address and code, the latest lookup's time), in statements
 * of at most 5,000 rows (four parameters a row, under PostgreSQL's 65,535).
 */
export async function upsertProbes(q: Kdb, probes: ProbeRow[]): Promise<void> {
  for (let i = 0; i < probes.length; i += 5000)
    await q
      .insertInto('lookup_probes')
      .values(
        probes
          .slice(i, i + 5000)
          .map((p) => ({ client_ip: p.clientIp, code: p.code, found: p.found, last_at: p.at })),
      )
      .onConflict((oc) =>
        oc.columns(['client_ip', 'code']).doUpdateSet((eb) => ({
          found: eb.ref('excluded.found'),
          last_at: eb.ref('excluded.last_at'),
        })),
      )
      .execute();
}

/**
 * For each address, its `sample` most recent codes since `since`, oldest first (from every process), and when its
 * open alert was last written, if it has one.
 */
export async function recentProbes(
  q: Kdb,
  clientIps: string[],
  since: Date,
  sample: number,
): Promise<Map<string, { probes: ProbeRow[]; alertAt: Date | null }>> {
  const { rows } = await sql<{ client_ip: string; probes: ProbeRow[] | null; alert_at: Date | null }>`
    SELECT ip.client_ip, (
        SELECT json_agg(json_build_object('clientIp', r.client_ip, 'code', r.code, 'found', r.found, 'at', r.last_at)
          ORDER BY r.last_at, r.code)
        FROM (SELECT * FROM lookup_probes p WHERE p.client_ip = ip.client_ip AND p.last_at >= ${since}
              ORDER BY p.last_at DESC LIMIT ${sample}) r
      ) AS probes,
      (SELECT a.last_at FROM lookup_alerts a WHERE a.client_ip = ip.client_ip AND a.acknowledged_at IS NULL) AS alert_at
    FROM unnest(${sql.val(clientIps)}::text[]) AS ip(client_ip)`.execute(q);
  return new Map(
    rows.map((r) => [
      r.client_ip,
      {
        probes: (r.probes ?? []).map((p) => ({ ...p, at: new Date(p.at) })),
        alertAt: r.alert_at && new Date(r.alert_at),
      },
    ]),
  );
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
