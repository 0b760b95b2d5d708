import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { applicantJoinSql, batchCitizens, openStepsSql } from './generator-people';
import { codePrefix, genId, genIdPrefix, genIdSql } from './generator-ids';

/**
 * One batch of generated dossiers (see generator.ts): every value is computed once in a temporary table from the
 * dossier's number, then each table gets one INSERT … SELECT from it (no UPDATE of a row just written, no per-row
 * lookup of the dossier just inserted). The count tables are added to by `countBatches`, over many batches at once.
 */
export type BatchInput = {
  province: string;
  agencyIds: string[];
  run: string;
  year: number;
  first: number;
  size: number;
};

export type Lap = (label: string) => void;

/** One batch of dossiers [first, first + size) with their events, steps and ratings, in the caller's transaction. */
export async function batch(trx: Transaction<Database>, o: BatchInput, lap: Lap): Promise<void> {
  // Triggers are skipped for the bulk rows (session_replication_role needs a superuser); the counts are added by
  // countBatches. A lost batch is redone on resume (it commits with its report_generator_batches row): no need to
  // wait for the WAL.
  await sql`SET LOCAL session_replication_role = replica`.execute(trx);
  await sql`SET LOCAL synchronous_commit = off`.execute(trx);
  await batchCitizens(trx, o);
  lap('citizens');
  const now = sql`make_timestamptz(${o.year + 1}, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')`;
  // Each dossier's values: its procedure, agency, channel and times from hashes of its number, then its state at the
  // end of the year (the times a dossier row carries: received, appointment, resolved, closed).
  await sql`CREATE TEMP TABLE gen_batch ON COMMIT DROP AS
    WITH r AS (
      SELECT i,
        (abs(hashint8(i * 7 + 1)) % 300)::int AS p,
        (abs(hashint8(i * 7 + 2)) % 1000000) / 1e6 AS r_day,
        (abs(hashint8(i * 7 + 3)) % 1000) / 1e3 AS r_channel,
        (abs(hashint8(i * 7 + 4)) % 1000) / 1e3 AS r_outcome,
        (abs(hashint8(i * 7 + 5)) % 1000) / 1e3 AS r_speed,
        (abs(hashint8(i * 7 + 6)) % 600) AS r_minute,
        (abs(hashint8(i * 11 + 1)) % 1000) / 1e3 AS r_step,
        (abs(hashint8(i * 11 + 2)) % 1000) / 1e3 AS r_rate
      FROM generate_series(${o.first}::bigint, ${o.first + o.size - 1}::bigint) i
    ), b AS (
      SELECT r.*, (${sql.val(o.agencyIds)}::uuid[])[r.p % 30 + 1] AS agency_id, (r.p % 15) + 1 AS days,
        make_timestamptz(${o.year}, 1, 1, 7, 0, 0, 'Asia/Ho_Chi_Minh')
          + floor(r.r_day * 365) * interval '1 day' + r.r_minute * interval '1 minute' AS submitted_at,
        CASE WHEN r.r_channel < 0.55 THEN 'online' WHEN r.r_channel < 0.92 THEN 'counter' ELSE 'post' END AS channel,
        CASE WHEN r.r_outcome < 0.03 THEN 'refused' WHEN r.r_outcome < 0.05 THEN 'withdrawn' END AS early_end
      FROM r
    ), c AS (
      SELECT b.*, ${genIdSql(genIdPrefix('dossier', o.run), sql`b.i`)} AS id,
        ${o.province} || '.' || lpad((b.p + 1)::text, 3, '0') AS procedure_code,
        b.submitted_at + interval '3 hours' AS rcv,
        b.submitted_at + interval '3 hours' + b.days * interval '1 day' * 1.4 AS appt,
        -- When the result is issued if the dossier runs its course (it may be stopped first, or not yet resolved).
        b.submitted_at + interval '3 hours' + b.days * interval '1 day' * 1.4 * (0.35 + b.r_speed * 0.8) AS res,
        -- Where the processing time goes (assignment, appraisal, approval): shares that differ by agency and dossier.
        0.04 + 0.12 * b.r_step * ((b.p % 30) % 4 + 1) / 4 AS assign_share,
        0.45 + 0.3 * b.r_step AS appraise_share,
        b.early_end IS NULL AND b.r_outcome < 0.06
          AND b.submitted_at + interval '3 hours' + interval '2 days' < ${now} AS stop
      FROM b
    ), s AS (
      SELECT c.*,
        CASE WHEN early_end IS NOT NULL THEN early_end WHEN stop THEN 'stopped'
             WHEN res + interval '1 day' < ${now} THEN 'returned'
             WHEN res < ${now} THEN 'result_ready' ELSE 'in_processing' END AS status,
        CASE WHEN early_end IS NULL THEN rcv END AS received_at,
        CASE WHEN early_end IS NULL THEN appt END AS appointment_at,
        CASE WHEN early_end IS NULL AND NOT stop AND res < ${now} THEN res END AS resolved_at,
        CASE WHEN early_end IS NOT NULL THEN submitted_at + interval '4 hours'
             WHEN stop THEN rcv + interval '2 days'
             WHEN res + interval '1 day' < ${now} THEN res + interval '1 day' END AS closed_at
      FROM c
    )
    SELECT s.*,
      -- A well-formed code (the public lookup refuses others): the run, the day of receipt, the dossier's number.
      CASE WHEN early_end IS NULL THEN ${codePrefix(o.run)}
        || to_char(rcv AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad(i::text, 8, '0') END AS code
    FROM s`.execute(trx);
  lap('gen_batch');
  // Processing steps (the default workflow: assignment → appraisal → approval) of the dossiers resolved or still
  // open, as the processing actions record them: the step left and the times it was entered and left.
  await sql`CREATE TEMP TABLE gen_steps ON COMMIT DROP AS
    SELECT g.id AS dossier_id, g.agency_id, g.channel, s.step, s.seq, s.entered_at, s.left_at, s.to_step
    FROM gen_batch g
    CROSS JOIN LATERAL (SELECT g.res - g.received_at AS span) x
    CROSS JOIN LATERAL (VALUES
      ('assignment', 3, g.received_at, g.received_at + x.span * g.assign_share, 'appraisal'),
      ('appraisal', 5, g.received_at + x.span * g.assign_share, g.received_at + x.span * g.appraise_share, 'approval'),
      ('approval', 6, g.received_at + x.span * g.appraise_share, g.resolved_at, 'return')
    ) s (step, seq, entered_at, left_at, to_step)
    WHERE g.received_at IS NOT NULL AND (g.resolved_at IS NOT NULL OR g.closed_at IS NULL)
      AND s.left_at < ${now}`.execute(trx);
  lap('gen_steps');
  // The open dossiers: the step they sit in, entered when the last step they left was left (as in gen_steps).
  await sql`CREATE TEMP TABLE gen_open ON COMMIT DROP AS
    SELECT g.id, g.i, g.agency_id, g.days,
      CASE WHEN x.appraised < ${now} THEN 'approval' WHEN x.assigned < ${now} THEN 'appraisal'
           ELSE 'assignment' END AS current_step,
      CASE WHEN x.appraised < ${now} THEN x.appraised WHEN x.assigned < ${now} THEN x.assigned
           ELSE g.received_at END AS step_entered_at
    FROM gen_batch g
    CROSS JOIN LATERAL (SELECT g.received_at + (g.res - g.received_at) * g.assign_share AS assigned,
      g.received_at + (g.res - g.received_at) * g.appraise_share AS appraised) x
    WHERE g.received_at IS NOT NULL AND g.resolved_at IS NULL AND g.closed_at IS NULL`.execute(trx);
  await sql`CREATE TEMP TABLE gen_pinned ON COMMIT DROP AS ${openStepsSql(o.agencyIds)}`.execute(trx);
  lap('open steps');
  await sql`INSERT INTO dossiers (id, province_code, submission_ref, code, procedure_code, procedure_version_id,
      channel, status, applicant, receiving_agency_id, authority_agency_id, result_agency_id, holding_agency_id,
      submitted_at, received_at, appointment_at, resolved_at, closed_at, procedure_name, applicant_user_id,
      current_step, step_entered_at, workflow, holding_department_id, step_due_at, handler_id)
    SELECT g.id, ${o.province}, ${`G${o.run}-`} || g.i, g.code, g.procedure_code, g.id, g.channel, g.status,
      jsonb_build_object('kind', 'citizen', 'name', 'Người nộp ' || g.i),
      g.agency_id, g.agency_id, g.agency_id, g.agency_id, g.submitted_at, g.received_at, g.appointment_at,
      g.resolved_at, g.closed_at, 'Thủ tục số ' || (g.p + 1), COALESCE(gm.id, gc.id),
      o.current_step, o.step_entered_at, o.workflow, o.holding_department_id, o.step_due_at, o.handler_id
    FROM gen_batch g ${applicantJoinSql(o.size)} LEFT JOIN gen_pinned o ON o.id = g.id
    ORDER BY g.i`.execute(trx);
  lap('insert dossiers');
  await sql`INSERT INTO dossier_events (dossier_id, seq, type, at, actor_type, channel, data)
    SELECT g.id, e.seq, e.type, e.at, e.actor, g.channel, '{}'::jsonb FROM gen_batch g
    CROSS JOIN LATERAL (VALUES
      (1, CASE WHEN g.channel = 'online' THEN 'submitted' ELSE 'registered' END, g.submitted_at, 'citizen'),
      (2, CASE WHEN g.received_at IS NULL THEN g.status ELSE 'received' END,
          COALESCE(g.received_at, g.closed_at), 'staff'),
      (7, 'result_issued', g.resolved_at, 'staff'),
      (8, CASE WHEN g.status = 'stopped' THEN 'stopped' ELSE 'result_returned' END,
          CASE WHEN g.received_at IS NOT NULL THEN g.closed_at END, 'staff')
    ) e (seq, type, at, actor) WHERE e.at IS NOT NULL
    UNION ALL
    SELECT s.dossier_id, s.seq, CASE WHEN s.step = 'assignment' THEN 'assigned' ELSE 'forwarded' END, s.left_at,
      'staff', s.channel, jsonb_build_object('toStep', s.to_step, 'approved', s.step = 'approval')
    FROM gen_steps s
    UNION ALL
    SELECT s.dossier_id, 4, 'appraised', s.left_at - interval '1 minute', 'staff', s.channel,
      '{"proposal": "approve"}'::jsonb
    FROM gen_steps s WHERE s.step = 'appraisal'`.execute(trx);
  lap('insert events');
  // Satisfaction ratings (TT 01/2018 indicators) for about a third of the returned dossiers, in the month of the
  // return; a late result is rated lower. The three indicators the system knows, the four it asks.
  await sql`INSERT INTO satisfaction_ratings (dossier_id, dossier_code, agency_id, desk_id, field, period, channel,
      indicators, score, max_score, overall, rated_at)
    SELECT g.id, g.code, g.agency_id, g.agency_id, p.field,
      to_char(report_day(g.closed_at), 'YYYY-MM'), CASE WHEN g.channel = 'online' THEN 'link' ELSE 'desk' END,
      jsonb_build_object('total_time', jsonb_build_object('score', t.time, 'known', true),
        'supplements', jsonb_build_object('score', 2, 'known', true),
        'online', jsonb_build_object('score', t.online, 'known', true),
        'agencies_contacted', jsonb_build_object('score', t.asked, 'known', false),
        'publication', jsonb_build_object('score', t.asked, 'known', false),
        'staff_attitude', jsonb_build_object('score', t.asked, 'known', false),
        'feedback_handling', jsonb_build_object('score', t.asked, 'known', false)),
      t.time + 2 + t.online + 4 * t.asked, 14,
      CASE WHEN t.mood < 0.5 THEN 'very_satisfied' WHEN t.mood < 0.88 THEN 'satisfied' ELSE 'not_satisfied' END,
      g.closed_at
    FROM gen_batch g JOIN procedures p ON p.code = g.procedure_code
    CROSS JOIN LATERAL (SELECT
      CASE WHEN g.resolved_at > g.appointment_at THEN 0
           WHEN report_day(g.resolved_at) < report_day(g.appointment_at) THEN 2 ELSE 1 END AS time,
      CASE WHEN g.channel = 'online' THEN 1 ELSE 0 END AS online,
      CASE WHEN g.r_rate < 0.2 THEN 1 ELSE 2 END AS asked,
      g.r_rate * 3 + CASE WHEN g.resolved_at > g.appointment_at THEN 0.35 ELSE 0 END AS mood) t
    WHERE g.status = 'returned' AND g.r_rate < 0.33
    ORDER BY g.i`.execute(trx);
  lap('ratings');
  // Step durations, as the dossiers trigger adds them when a step is left (the day it was left, whole minutes).
  // Last, so a batch running beside this one waits on these rows only while this one commits.
  await sql`INSERT INTO report_step_counts AS c (agency_id, step, day, n, minutes)
    SELECT agency_id, step, report_day(left_at), count(*)::int,
      sum(greatest(0, floor(extract(epoch FROM left_at - entered_at) / 60)))::bigint
    FROM gen_steps GROUP BY 1, 2, 3 ORDER BY 1, 3, 2
    ON CONFLICT (agency_id, day, step) DO UPDATE SET n = c.n + EXCLUDED.n, minutes = c.minutes + EXCLUDED.minutes`.execute(
    trx,
  );
  lap('step counts');
}

/**
 * Adds the dossiers numbered in the given ranges to the count tables, by the same function the triggers use
 * (report_facts), computed once and summed into each table: one pass for many batches, so each count row is written
 * once per pass rather than once per batch.
 */
export async function countRanges(
  trx: Transaction<Database>,
  run: string,
  ranges: [number, number][],
): Promise<void> {
  await sql`SET LOCAL synchronous_commit = off`.execute(trx);
  await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
  const prefix = genIdPrefix('dossier', run);
  const bounds = ranges.map(([a, b]) => sql`(${genId(prefix, a)}::uuid, ${genId(prefix, b)}::uuid)`);
  await sql`CREATE TEMP TABLE gen_facts ON COMMIT DROP AS
    SELECT d.authority_agency_id AS agency_id, d.procedure_code, d.channel, f.day, f.measure,
      d.province_code, count(*)::int AS n
    FROM (VALUES ${sql.join(bounds)}) r (lo, hi) JOIN dossiers d ON d.id BETWEEN r.lo AND r.hi
    CROSS JOIN LATERAL report_facts(d) f
    GROUP BY 1, 2, 3, 4, 5, 6`.execute(trx);
  await sql`INSERT INTO report_counts AS c (agency_id, procedure_code, channel, day, measure, n)
    SELECT agency_id, procedure_code, channel, day, measure, sum(n) FROM gen_facts
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 4, 5, 2, 3
    ON CONFLICT (agency_id, day, measure, procedure_code, channel) DO UPDATE SET n = c.n + EXCLUDED.n`.execute(
    trx,
  );
  await sql`INSERT INTO report_agency_counts AS c (agency_id, channel, day, measure, n)
    SELECT agency_id, channel, day, measure, sum(n) FROM gen_facts GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4, 2
    ON CONFLICT (agency_id, day, measure, channel) DO UPDATE SET n = c.n + EXCLUDED.n`.execute(trx);
  await sql`INSERT INTO report_agency_months AS c (agency_id, channel, month, measure, n)
    SELECT agency_id, channel, date_trunc('month', day)::date, measure, sum(n) FROM gen_facts
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4, 2
    ON CONFLICT (agency_id, month, measure, channel) DO UPDATE SET n = c.n + EXCLUDED.n`.execute(trx);
  await sql`INSERT INTO report_province_counts AS c (province_code, channel, day, measure, n)
    SELECT province_code, channel, day, measure, sum(n) FROM gen_facts GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4, 2
    ON CONFLICT (province_code, day, measure, channel) DO UPDATE SET n = c.n + EXCLUDED.n`.execute(trx);
  await sql`INSERT INTO report_province_months AS c (province_code, channel, month, measure, n)
    SELECT province_code, channel, date_trunc('month', day)::date, measure, sum(n) FROM gen_facts
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 4, 2
    ON CONFLICT (province_code, month, measure, channel) DO UPDATE SET n = c.n + EXCLUDED.n`.execute(trx);
}
