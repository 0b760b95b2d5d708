import { sql } from 'kysely';
import type { Kdb } from '../../db/client';

/**
 * The counts the triggers keep, and the same counts by a plain GROUP BY over the raw dossiers (and, for the two event
 * counts, dossier_events). Used by the tests and bench/reports to hold them equal.
 */
export type CountRow = {
  agency_id: string;
  procedure_code: string;
  channel: string;
  day: string;
  measure: string;
  n: number;
};

export async function storedCounts(db: Kdb): Promise<CountRow[]> {
  const { rows } = await sql<CountRow>`
    SELECT agency_id::text, procedure_code, channel, day::text, measure, n FROM report_counts WHERE n <> 0
    ORDER BY 1, 2, 3, 4, 5`.execute(db);
  return rows;
}

export async function rawCounts(db: Kdb): Promise<CountRow[]> {
  const settle = sql`COALESCE(resolved_at, CASE WHEN status = 'stopped' THEN closed_at END)`;
  const { rows } = await sql<CountRow>`
    SELECT agency_id::text, procedure_code, channel, day::text, measure, count(*)::int AS n FROM (
      SELECT authority_agency_id AS agency_id, procedure_code, channel, report_day(submitted_at) AS day,
             'submitted' AS measure FROM dossiers
      UNION ALL SELECT authority_agency_id, procedure_code, channel, report_day(received_at), 'received'
        FROM dossiers WHERE received_at IS NOT NULL
      UNION ALL SELECT authority_agency_id, procedure_code, channel, report_day(appointment_at), 'due'
        FROM dossiers WHERE received_at IS NOT NULL AND appointment_at IS NOT NULL
      UNION ALL SELECT authority_agency_id, procedure_code, channel, report_day(resolved_at),
          CASE WHEN resolved_at > appointment_at THEN 'resolved_late'
               WHEN report_day(resolved_at) < report_day(appointment_at) THEN 'resolved_early'
               ELSE 'resolved_on_time' END
        FROM dossiers WHERE resolved_at IS NOT NULL
      UNION ALL SELECT authority_agency_id, procedure_code, channel, report_day(closed_at), status
        FROM dossiers WHERE closed_at IS NOT NULL AND status IN ('refused', 'withdrawn', 'stopped', 'returned')
      UNION ALL SELECT authority_agency_id, procedure_code, channel, report_day(${settle}), 'settled'
        FROM dossiers WHERE received_at IS NOT NULL AND ${settle} IS NOT NULL
      UNION ALL SELECT authority_agency_id, procedure_code, channel,
          greatest(report_day(appointment_at), report_day(${settle})), 'due_settled'
        FROM dossiers WHERE received_at IS NOT NULL AND appointment_at IS NOT NULL AND ${settle} IS NOT NULL
      UNION ALL SELECT d.authority_agency_id, d.procedure_code, d.channel, report_day(e.at), e.type
        FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
        WHERE e.type IN ('supplement_requested', 'extended')
    ) x GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`.execute(db);
  return rows;
}

/**
 * The rollups equal the detail table summed; the province table (no agency, no procedure) equals the dossiers'
 * facts counted by province, both ways.
 */
export async function rollupMismatches(db: Kdb): Promise<number> {
  const province = sql`SELECT province_code, channel, day, measure, count(*)::int AS n FROM (
      SELECT d.province_code, d.channel, f.day, f.measure FROM dossiers d CROSS JOIN LATERAL report_facts(d) f
      UNION ALL
      SELECT d.province_code, d.channel, report_day(e.at), e.type
      FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
      WHERE e.type IN ('supplement_requested', 'extended')
    ) x GROUP BY 1, 2, 3, 4`;
  const stored = sql`SELECT province_code, channel, day, measure, n FROM report_province_counts WHERE n <> 0`;
  const { rows: provinces } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM ((${province} EXCEPT ${stored}) UNION ALL (${stored} EXCEPT ${province})) x`.execute(
    db,
  );
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      (SELECT agency_id, channel, day, measure, sum(n) FROM report_counts GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
       EXCEPT SELECT agency_id, channel, day, measure, n FROM report_agency_counts WHERE n <> 0)
      UNION ALL
      (SELECT agency_id, channel, date_trunc('month', day)::date, measure, sum(n) FROM report_counts
       GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
       EXCEPT SELECT agency_id, channel, month, measure, n FROM report_agency_months WHERE n <> 0)
    ) x`.execute(db);
  const { rows: months } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM (
      (SELECT province_code, channel, date_trunc('month', day)::date, measure, sum(n)::int FROM report_province_counts
       GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
       EXCEPT SELECT province_code, channel, month, measure, n FROM report_province_months WHERE n <> 0)
      UNION ALL
      (SELECT province_code, channel, month, measure, n FROM report_province_months WHERE n <> 0
       EXCEPT SELECT province_code, channel, date_trunc('month', day)::date, measure, sum(n)::int
       FROM report_province_counts GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0)
    ) x`.execute(db);
  return rows[0]!.n + provinces[0]!.n + months[0]!.n;
}

export type StepCountRow = { agency_id: string; step: string; day: string; n: number; minutes: number };

export async function storedStepCounts(db: Kdb): Promise<StepCountRow[]> {
  const { rows } = await sql<StepCountRow>`
    SELECT agency_id::text, step, day::text, n, minutes::int AS minutes FROM report_step_counts
    ORDER BY 1, 2, 3`.execute(db);
  return rows;
}

/**
 * Step durations from the events alone: each step-entering event (received enters the first step; assigned and
 * forwarded name the step they enter in `toStep`) closes the step the previous one entered.
 */
export async function rawStepCounts(db: Kdb, firstStep = 'assignment'): Promise<StepCountRow[]> {
  const { rows } = await sql<StepCountRow>`
    SELECT agency_id::text, step, report_day(left_at)::text AS day, count(*)::int AS n,
      sum(greatest(0, floor(extract(epoch FROM left_at - entered_at) / 60)))::int AS minutes
    FROM (
      SELECT d.authority_agency_id AS agency_id, e.at AS left_at,
        lag(e.at) OVER w AS entered_at,
        lag(CASE WHEN e.type = 'received' THEN ${firstStep} ELSE e.data ->> 'toStep' END) OVER w AS step
      FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
      WHERE e.type IN ('received', 'assigned', 'forwarded')
      WINDOW w AS (PARTITION BY e.dossier_id ORDER BY e.seq)
    ) x WHERE step IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`.execute(db);
  return rows;
}
