import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Kdb } from '../../db/client';
import type { CliCommand } from '../../cli/commands';
import { ensurePartitions, MONTHS_AHEAD } from '../dossiers';
import { applicantJoinSql, batchCitizens, ensurePeople, openSteps } from './generator-people';

/**
 * `npx motcua generate --dossiers N [--batch 50000] [--run name] [--year 2026]`: a realistic year of a large province
 * for the benchmarks (issue 17, 19): 30 agencies (15 provincial departments, 15 communes: two levels), 300
 * procedures, N dossiers with their events (submitted or registered, received, assigned, appraised, forwarded,
 * result issued and returned, or refused, withdrawn, stopped), their processing steps (`report_step_counts`, the
 * current step of the open ones) and satisfaction ratings for a third of the returned dossiers (`satisfaction_ratings`,
 * the feedback module's table: bench data is written straight into the tables, like the dossiers), generated
 * inside PostgreSQL by big INSERT … SELECT batches with progress output.
 * Each batch is one transaction that also adds its dossiers to the count tables (the same report_facts the triggers
 * use) and records itself in report_generator_batches, so a run that stops continues where it was.
 * Values are deterministic functions of the dossier's number (hashes), so two runs of the same size are equal.
 */
const FIELDS = [
  'Đất đai',
  'Xây dựng',
  'Hộ tịch',
  'Kinh doanh',
  'Giao thông',
  'Giáo dục',
  'Y tế',
  'Lao động',
  'Môi trường',
  'Tư pháp',
];

async function ensureOrganisation(trx: Transaction<Database>, run: string) {
  const province = `GEN${run}`.slice(0, 20);
  let unit = await trx.selectFrom('units').select('id').where('code', '=', province).executeTakeFirst();
  if (!unit) {
    unit = await trx
      .insertInto('units')
      .values({ code: province, name: 'Tỉnh Sinh Dữ Liệu', level: 'province', province_code: province })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 1; i <= 15; i++) {
      const commune = await trx
        .insertInto('units')
        .values({
          code: `${province}-X${i}`,
          name: `Xã Sinh Dữ Liệu ${i}`,
          level: 'commune',
          parent_id: unit.id,
          province_code: province,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('agencies')
        .values([
          {
            short_name: `${province}-S${i}`,
            name: `Sở ${FIELDS[(i - 1) % 10]} ${i} (dữ liệu sinh)`,
            type: 'department',
            unit_id: unit.id,
          },
          {
            short_name: `${province}-X${i}`,
            name: `UBND Xã Sinh Dữ Liệu ${i}`,
            type: 'people_committee',
            unit_id: commune.id,
          },
        ])
        .execute();
    }
  }
  const agencies = await trx
    .selectFrom('agencies')
    .select('id')
    .where('short_name', 'like', `${province}-%`)
    .orderBy('short_name')
    .execute();
  for (let p = 0; p < 300; p++) {
    const code = `${province}.${String(p + 1).padStart(3, '0')}`;
    await trx
      .insertInto('procedures')
      .values({
        code,
        status: 'published',
        name: `Thủ tục ${FIELDS[p % 10]} số ${p + 1}`,
        field: FIELDS[p % 10]!,
        levels: [p % 30 < 15 ? 'province' : 'commune'],
        service_level: p % 3 === 0 ? 'full_online' : 'partial_online',
        processing_time: JSON.stringify({ unit: 'working_days', value: (p % 15) + 1 }),
        agency_ids: [agencies[p % 30]!.id],
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
  await ensurePeople(trx, run, province);
  return { province, agencyIds: agencies.map((a) => a.id) };
}

/** The code of generated dossier i received on day D: `<prefix>D-<i, 8 digits>`, e.g. `GEN.BIG-260302-00000042`. */
export const codePrefix = (run: string) =>
  `GEN.${run.toUpperCase().replace(/[^0-9A-Z.]/g, '')}-`.slice(0, 36);

/** One batch of dossiers [first, first + size) with their events and counts, in the caller's transaction. */
async function batch(
  trx: Transaction<Database>,
  o: { province: string; agencyIds: string[]; run: string; year: number; first: number; size: number },
) {
  // Triggers are skipped for the bulk rows (session_replication_role needs a superuser); the counts are added below.
  await sql`SET LOCAL session_replication_role = replica`.execute(trx);
  // A lost batch is redone on resume (it commits with its report_generator_batches row): no need to wait for the WAL.
  await sql`SET LOCAL synchronous_commit = off`.execute(trx);
  await batchCitizens(trx, o);
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
        CASE WHEN r.r_channel < 0.55 THEN 'online' WHEN r.r_channel < 0.92 THEN 'counter' ELSE 'post' END AS channel
      FROM r
    )
    SELECT b.*, gen_random_uuid() AS id,
      CASE WHEN r_outcome < 0.03 THEN 'refused' WHEN r_outcome < 0.05 THEN 'withdrawn' END AS early_end,
      submitted_at + interval '3 hours' AS received_at,
      submitted_at + interval '3 hours' + days * interval '1 day' * 1.4 AS appointment_at,
      submitted_at + interval '3 hours' + days * interval '1 day' * 1.4 * (0.35 + r_speed * 0.8) AS resolved_at,
      -- Where the processing time goes (assignment, appraisal, approval): shares that differ by agency and dossier.
      0.04 + 0.12 * r_step * ((p % 30) % 4 + 1) / 4 AS assign_share,
      0.45 + 0.3 * r_step AS appraise_share
    FROM b`.execute(trx);
  const now = sql`make_timestamptz(${o.year + 1}, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')`;
  await sql`INSERT INTO dossiers (id, province_code, submission_ref, code, procedure_code, procedure_version_id,
      channel, status, applicant, receiving_agency_id, authority_agency_id, result_agency_id, holding_agency_id,
      submitted_at, received_at, appointment_at, resolved_at, closed_at, procedure_name, applicant_user_id)
    SELECT g.id, ${o.province}, ${`G${o.run}-`} || g.i,
      -- A well-formed code (the public lookup refuses others): the run, the day of receipt, the dossier's number.
      CASE WHEN g.early_end IS NULL THEN ${codePrefix(o.run)}
        || to_char(g.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad(g.i::text, 8, '0') END,
      ${o.province} || '.' || lpad((g.p + 1)::text, 3, '0'), g.id, g.channel,
      CASE WHEN g.early_end IS NOT NULL THEN g.early_end
           WHEN g.r_outcome < 0.06 AND g.received_at + interval '2 days' < ${now} THEN 'stopped'
           WHEN g.resolved_at + interval '1 day' < ${now} THEN 'returned'
           WHEN g.resolved_at < ${now} THEN 'result_ready' ELSE 'in_processing' END,
      jsonb_build_object('kind', 'citizen', 'name', 'Người nộp ' || g.i),
      g.agency_id, g.agency_id, g.agency_id, g.agency_id, g.submitted_at,
      CASE WHEN g.early_end IS NULL THEN g.received_at END,
      CASE WHEN g.early_end IS NULL THEN g.appointment_at END,
      CASE WHEN g.early_end IS NULL AND NOT (g.r_outcome < 0.06 AND g.received_at + interval '2 days' < ${now})
           AND g.resolved_at < ${now} THEN g.resolved_at END,
      CASE WHEN g.early_end IS NOT NULL THEN g.submitted_at + interval '4 hours'
           WHEN g.r_outcome < 0.06 AND g.received_at + interval '2 days' < ${now} THEN g.received_at + interval '2 days'
           WHEN g.resolved_at + interval '1 day' < ${now} THEN g.resolved_at + interval '1 day' END,
      'Thủ tục số ' || (g.p + 1), COALESCE(gm.id, gc.id)
    FROM gen_batch g ${applicantJoinSql(o.size)}`.execute(trx);
  // Processing steps (the default workflow: assignment → appraisal → approval) of the dossiers resolved or still
  // open, as the processing actions record them: the step left and the times it was entered and left.
  await sql`CREATE TEMP TABLE gen_steps ON COMMIT DROP AS
    SELECT d.id AS dossier_id, d.authority_agency_id AS agency_id, s.step, s.seq, s.entered_at, s.left_at, s.to_step
    FROM dossiers d JOIN gen_batch g ON g.id = d.id
    CROSS JOIN LATERAL (SELECT COALESCE(d.resolved_at, g.resolved_at) - d.received_at AS span) x
    CROSS JOIN LATERAL (VALUES
      ('assignment', 3, d.received_at, d.received_at + x.span * g.assign_share, 'appraisal'),
      ('appraisal', 5, d.received_at + x.span * g.assign_share, d.received_at + x.span * g.appraise_share, 'approval'),
      ('approval', 6, d.received_at + x.span * g.appraise_share, d.resolved_at, 'return')
    ) s (step, seq, entered_at, left_at, to_step)
    WHERE d.received_at IS NOT NULL AND (d.resolved_at IS NOT NULL OR d.closed_at IS NULL)
      AND s.left_at < ${now}`.execute(trx);
  await sql`UPDATE dossiers d SET current_step = s.step, step_entered_at = s.entered_at
    FROM (SELECT DISTINCT ON (st.dossier_id) st.dossier_id, st.to_step AS step, st.left_at AS entered_at
          FROM gen_steps st ORDER BY st.dossier_id, st.seq DESC) s
    WHERE d.id = s.dossier_id AND d.resolved_at IS NULL`.execute(trx);
  await sql`UPDATE dossiers d SET current_step = 'assignment', step_entered_at = d.received_at
    FROM gen_batch g WHERE g.id = d.id AND d.received_at IS NOT NULL AND d.resolved_at IS NULL
      AND d.closed_at IS NULL AND d.current_step IS NULL`.execute(trx);
  await openSteps(trx, o.agencyIds);
  await sql`INSERT INTO dossier_events (dossier_id, seq, type, at, actor_type, channel, data)
    SELECT d.id, e.seq, e.type, e.at, e.actor, d.channel, e.data FROM dossiers d JOIN gen_batch g ON g.id = d.id
    CROSS JOIN LATERAL (VALUES
      (1, CASE WHEN d.channel = 'online' THEN 'submitted' ELSE 'registered' END, d.submitted_at, 'citizen',
          '{}'::jsonb),
      (2, CASE WHEN d.received_at IS NULL THEN d.status ELSE 'received' END,
          COALESCE(d.received_at, d.closed_at), 'staff', '{}'::jsonb),
      (7, 'result_issued', d.resolved_at, 'staff', '{}'::jsonb),
      (8, CASE WHEN d.status = 'stopped' THEN 'stopped' ELSE 'result_returned' END,
          CASE WHEN d.received_at IS NOT NULL THEN d.closed_at END, 'staff', '{}'::jsonb)
    ) e (seq, type, at, actor, data) WHERE e.at IS NOT NULL
    UNION ALL
    SELECT s.dossier_id, s.seq, CASE WHEN s.step = 'assignment' THEN 'assigned' ELSE 'forwarded' END, s.left_at,
      'staff', d.channel, jsonb_build_object('toStep', s.to_step, 'approved', s.step = 'approval')
    FROM gen_steps s JOIN dossiers d ON d.id = s.dossier_id
    UNION ALL
    SELECT s.dossier_id, 4, 'appraised', s.left_at - interval '1 minute', 'staff', d.channel,
      jsonb_build_object('proposal', 'approve')
    FROM gen_steps s JOIN dossiers d ON d.id = s.dossier_id WHERE s.step = 'appraisal'`.execute(trx);
  // Step durations, as the dossiers trigger adds them when a step is left (the day it was left, whole minutes).
  await sql`INSERT INTO report_step_counts AS c (agency_id, step, day, n, minutes)
    SELECT agency_id, step, report_day(left_at), count(*)::int,
      sum(greatest(0, floor(extract(epoch FROM left_at - entered_at) / 60)))::bigint
    FROM gen_steps GROUP BY 1, 2, 3 ORDER BY 1, 3, 2
    ON CONFLICT (agency_id, day, step) DO UPDATE SET n = c.n + EXCLUDED.n, minutes = c.minutes + EXCLUDED.minutes`.execute(
    trx,
  );
  // Satisfaction ratings (TT 01/2018 indicators) for about a third of the returned dossiers, in the month of the
  // return; a late result is rated lower. The three indicators the system knows, the four it asks.
  await sql`INSERT INTO satisfaction_ratings (dossier_id, dossier_code, agency_id, desk_id, field, period, channel,
      indicators, score, max_score, overall, rated_at)
    SELECT d.id, d.code, d.authority_agency_id, d.receiving_agency_id, p.field,
      to_char(report_day(d.closed_at), 'YYYY-MM'), CASE WHEN d.channel = 'online' THEN 'link' ELSE 'desk' END,
      jsonb_build_object('total_time', jsonb_build_object('score', t.time, 'known', true),
        'supplements', jsonb_build_object('score', 2, 'known', true),
        'online', jsonb_build_object('score', t.online, 'known', true),
        'agencies_contacted', jsonb_build_object('score', t.asked, 'known', false),
        'publication', jsonb_build_object('score', t.asked, 'known', false),
        'staff_attitude', jsonb_build_object('score', t.asked, 'known', false),
        'feedback_handling', jsonb_build_object('score', t.asked, 'known', false)),
      t.time + 2 + t.online + 4 * t.asked, 14,
      CASE WHEN t.mood < 0.5 THEN 'very_satisfied' WHEN t.mood < 0.88 THEN 'satisfied' ELSE 'not_satisfied' END,
      d.closed_at
    FROM dossiers d JOIN gen_batch g ON g.id = d.id JOIN procedures p ON p.code = d.procedure_code
    CROSS JOIN LATERAL (SELECT
      CASE WHEN d.resolved_at > d.appointment_at THEN 0
           WHEN report_day(d.resolved_at) < report_day(d.appointment_at) THEN 2 ELSE 1 END AS time,
      CASE WHEN d.channel = 'online' THEN 1 ELSE 0 END AS online,
      CASE WHEN g.r_rate < 0.2 THEN 1 ELSE 2 END AS asked,
      g.r_rate * 3 + CASE WHEN d.resolved_at > d.appointment_at THEN 0.35 ELSE 0 END AS mood) t
    WHERE d.status = 'returned' AND g.r_rate < 0.33`.execute(trx);
  // The counts of this batch, by the same function the triggers use (computed once, added to the three tables).
  await sql`CREATE TEMP TABLE gen_facts ON COMMIT DROP AS
    SELECT d.authority_agency_id AS agency_id, d.procedure_code, d.channel, f.day, f.measure, count(*)::int AS n
    FROM dossiers d JOIN gen_batch g ON g.id = d.id CROSS JOIN LATERAL report_facts(d) f
    GROUP BY 1, 2, 3, 4, 5`.execute(trx);
  await sql`INSERT INTO report_counts AS c (agency_id, procedure_code, channel, day, measure, n)
    SELECT * FROM gen_facts ORDER BY 1, 4, 5, 2, 3
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
}

export async function generate(
  db: Kdb,
  o: { dossiers: number; batchSize: number; run: string; year: number; now: () => Date },
  progress: (line: string) => void,
): Promise<void> {
  const org = await db.transaction().execute((trx) => ensureOrganisation(trx, o.run));
  const batches = Math.ceil(o.dossiers / o.batchSize);
  const done = new Set(
    (await db.selectFrom('report_generator_batches').select('batch').where('run', '=', o.run).execute()).map(
      (b) => b.batch,
    ),
  );
  const started = performance.now();
  let made = 0;
  for (let b = 0; b < batches; b++) {
    if (done.has(b)) continue;
    const size = Math.min(o.batchSize, o.dossiers - b * o.batchSize);
    await db.transaction().execute(async (trx) => {
      await batch(trx, { ...org, run: o.run, year: o.year, first: b * o.batchSize + 1, size });
      await trx
        .insertInto('report_generator_batches')
        .values({ run: o.run, batch: b, rows: size, done_at: o.now() })
        .execute();
    });
    made += size;
    const secs = (performance.now() - started) / 1000;
    progress(
      `batch ${b + 1}/${batches}: ${((b + 1) * o.batchSize).toLocaleString('en')} dossiers (${Math.round(made / secs).toLocaleString('en')}/s)`,
    );
  }
  // Each batch rewrote every count row it touched: compact the (small) count tables, analyse the big ones.
  progress('vacuum and analyze');
  for (const table of ['report_counts', 'report_agency_counts', 'report_agency_months', 'report_step_counts'])
    await sql`VACUUM FULL ANALYZE ${sql.table(table)}`.execute(db);
  for (const table of ['dossiers', 'dossier_events', 'satisfaction_ratings'])
    await sql`VACUUM ANALYZE ${sql.table(table)}`.execute(db);
}

const flag = (args: string[], name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

export const generateCommand: CliCommand = {
  name: 'generate',
  usage: 'generate --dossiers N [--batch 50000] [--run name] [--year 2026]',
  summary: 'fill PostgreSQL with a generated year of dossiers (resumable) for the benchmarks',
  async run(deps, args) {
    const dossiers = Number(flag(args, 'dossiers'));
    if (!Number.isInteger(dossiers) || dossiers <= 0) {
      console.error('usage: motcua generate --dossiers N [--batch 50000] [--run name] [--year 2026]');
      return 2;
    }
    const year = Number(flag(args, 'year') ?? 2026);
    // The months of the generated year get their own event partitions before any event is written (else the
    // year's events would all land in the default partition and stay there).
    await ensurePartitions(deps.db, deps.clock.now(), MONTHS_AHEAD, `${year}-01`);
    await generate(
      deps.db.kysely,
      {
        dossiers,
        batchSize: Number(flag(args, 'batch') ?? 50_000),
        run: flag(args, 'run') ?? 'default',
        year,
        now: () => deps.clock.now(),
      },
      (line) => console.error(line),
    );
    return 0;
  },
};
