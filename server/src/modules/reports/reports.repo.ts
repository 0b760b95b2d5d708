import { sql, type RawBuilder } from 'kysely';
import { type TDrillMeasure, vnInstant } from '@motcua/contracts';
import type { Kdb } from '../../db/client';

/** SQL only (ADR 0025): sums over the count tables, and the dossiers behind a count. Days are Việt Nam days. */

/** Measures counted on the day they happened; summed over the period. */
export const FLOW_MEASURES = [
  'submitted',
  'received',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'refused',
  'withdrawn',
  'stopped',
  'returned',
  'supplement_requested',
  'extended',
] as const;
/** Measures summed from the beginning up to a day: in progress = received − settled; late = due − due_settled. */
export const BALANCE_MEASURES = ['received', 'settled', 'due', 'due_settled'] as const;

/** The first instant of a Việt Nam day. */
export const dayStart = (day: string) => vnInstant(day);
export const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export type Scope = {
  agencyIds: string[];
  channel?: string | undefined;
  /** Set when the filter names a procedure or a field: the sums then read the per-procedure table. */
  procedureCodes?: string[] | undefined;
  /**
   * Set when agencyIds are every agency of this province (`wholeProvince`): sums that do not group by agency (the
   * daily trend, the totals, by channel) then read the province's counts, one row per channel, day (or month) and
   * measure, instead of every agency's.
   */
  province?: string | undefined;
};

/** The province whose agencies are exactly these (every one of them, no other), if there is one. */
export async function wholeProvince(db: Kdb, agencyIds: string[]): Promise<string | undefined> {
  if (!agencyIds.length) return undefined;
  const { rows } = await sql<{ province_code: string }>`
    SELECT u.province_code FROM agencies a JOIN units u ON u.id = a.unit_id
    GROUP BY 1
    HAVING count(*) FILTER (WHERE a.id = ANY(${sql.val(agencyIds)}::uuid[])) = count(*)
      AND count(*) = cardinality(ARRAY(SELECT DISTINCT unnest(${sql.val(agencyIds)}::uuid[])))`.execute(db);
  return rows[0]?.province_code;
}
export type GroupKey = 'none' | 'agency' | 'channel' | 'procedure' | 'day';
export type SumRow = { key: string; measure: string; n: number };

const keyExpr = (by: GroupKey): RawBuilder<string> => {
  switch (by) {
    case 'agency':
      return sql<string>`agency_id::text`;
    case 'channel':
      return sql<string>`channel`;
    case 'procedure':
      return sql<string>`procedure_code`;
    case 'day':
      return sql<string>`day::text`;
    default:
      return sql<string>`''`;
  }
};

const scopeWhere = (s: Scope) => {
  const parts = [sql`agency_id = ANY(${sql.val(s.agencyIds)}::uuid[])`];
  if (s.channel) parts.push(sql`channel = ${s.channel}`);
  if (s.procedureCodes) parts.push(sql`procedure_code = ANY(${sql.val(s.procedureCodes)}::text[])`);
  return sql.join(parts, sql` AND `);
};

const byProcedure = (s: Scope, by: GroupKey) => !!s.procedureCodes || by === 'procedure';

/**
 * The day and month tables a sum reads, the columns it keeps and its filter: a whole province's, when the grouping
 * does not need the agency, else its agencies'.
 */
const countTables = (s: Scope, by: GroupKey) =>
  s.province && !s.procedureCodes && (by === 'none' || by === 'channel')
    ? {
        days: sql`report_province_counts`,
        months: sql`report_province_months`,
        columns: sql`channel, measure, n`,
        where: s.channel
          ? sql`province_code = ${s.province} AND channel = ${s.channel}`
          : sql`province_code = ${s.province}`,
      }
    : {
        days: sql`report_agency_counts`,
        months: sql`report_agency_months`,
        columns: sql`agency_id, channel, measure, n`,
        where: scopeWhere(s),
      };

const monthStart = (day: string) => `${day.slice(0, 8)}01`;
const nextMonth = (day: string) => {
  const d = new Date(Date.parse(`${monthStart(day)}T00:00:00Z`));
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};
const prevDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * [from, to] as whole months (read from the month table) and the days at either edge (the day table), so a sum over
 * a long period reads a few hundred rows whatever the volume.
 */
export function splitPeriod(from: string, to: string) {
  const first = from.endsWith('-01') ? from : nextMonth(from);
  const endExclusive = nextDay(to).endsWith('-01') ? nextDay(to) : monthStart(to);
  if (first >= endExclusive) return { months: null, days: [[from, to]] as [string, string][] };
  const days: [string, string][] = [];
  if (from < first) days.push([from, prevDay(first)]);
  if (endExclusive <= to) days.push([endExclusive, to]);
  return { months: [first, prevDay(endExclusive)] as [string, string], days };
}

/** Flow measures in [from, to], grouped. */
export async function sumFlows(db: Kdb, s: Scope, from: string, to: string, by: GroupKey): Promise<SumRow[]> {
  // The daily trend needs only received and resolved.
  const measures = sql.val(
    by === 'day' ? ['received', 'resolved_early', 'resolved_on_time', 'resolved_late'] : [...FLOW_MEASURES],
  );
  if (by === 'day' && s.province && !s.procedureCodes) {
    const { rows } = await sql<SumRow>`
      SELECT day::text AS key, measure, sum(n)::int AS n FROM report_province_counts
      WHERE province_code = ${s.province} ${s.channel ? sql`AND channel = ${s.channel}` : sql``}
        AND day BETWEEN ${from}::date AND ${to}::date AND measure = ANY(${measures}::text[])
      GROUP BY 1, 2`.execute(db);
    return rows;
  }
  if (byProcedure(s, by) || by === 'day') {
    const table = byProcedure(s, by) ? sql`report_counts` : sql`report_agency_counts`;
    const { rows } = await sql<SumRow>`
      SELECT ${keyExpr(by)} AS key, measure, sum(n)::int AS n FROM ${table}
      WHERE ${scopeWhere(s)} AND day BETWEEN ${from}::date AND ${to}::date AND measure = ANY(${measures}::text[])
      GROUP BY 1, 2`.execute(db);
    return rows;
  }
  const split = splitPeriod(from, to);
  const t = countTables(s, by);
  const parts = split.days.map(
    ([a, b]) => sql`SELECT ${t.columns} FROM ${t.days}
      WHERE ${t.where} AND day BETWEEN ${a}::date AND ${b}::date AND measure = ANY(${measures}::text[])`,
  );
  if (split.months)
    parts.push(sql`SELECT ${t.columns} FROM ${t.months}
      WHERE ${t.where} AND month BETWEEN ${split.months[0]}::date AND ${split.months[1]}::date
        AND measure = ANY(${measures}::text[])`);
  const { rows } = await sql<SumRow>`
    SELECT ${keyExpr(by)} AS key, measure, sum(n)::int AS n FROM (${sql.join(parts, sql` UNION ALL `)}) x
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/** Balance measures from the beginning up to `asOf` (whole months from the month table, then days). */
export async function sumBalances(
  db: Kdb,
  s: Scope,
  asOf: string,
  by: Exclude<GroupKey, 'day'>,
): Promise<SumRow[]> {
  const measures = sql.val([...BALANCE_MEASURES]);
  if (byProcedure(s, by)) {
    const { rows } = await sql<SumRow>`
      SELECT ${keyExpr(by)} AS key, measure, sum(n)::int AS n FROM report_counts
      WHERE ${scopeWhere(s)} AND day <= ${asOf}::date AND measure = ANY(${measures}::text[])
      GROUP BY 1, 2`.execute(db);
    return rows;
  }
  // Whole months up to the last one that ends by asOf, then the days of asOf's month.
  const endExclusive = nextDay(asOf).endsWith('-01') ? nextDay(asOf) : monthStart(asOf);
  const t = countTables(s, by);
  const { rows } = await sql<SumRow>`
    SELECT ${keyExpr(by)} AS key, measure, sum(n)::int AS n FROM (
      SELECT ${t.columns} FROM ${t.months}
      WHERE ${t.where} AND month < ${endExclusive}::date AND measure = ANY(${measures}::text[])
      UNION ALL
      SELECT ${t.columns} FROM ${t.days}
      WHERE ${t.where} AND day >= ${endExclusive}::date AND day <= ${asOf}::date
        AND measure = ANY(${measures}::text[])
    ) x GROUP BY 1, 2`.execute(db);
  return rows;
}

/** Flow measures per month of a year (public statistics, index history). */
export async function sumMonths(db: Kdb, s: Scope, fromMonth: string, toMonth: string): Promise<SumRow[]> {
  const { rows } = await sql<SumRow>`
    SELECT to_char(month, 'YYYY-MM') AS key, measure, sum(n)::int AS n FROM report_agency_months
    WHERE ${scopeWhere(s)} AND month BETWEEN ${fromMonth}::date AND ${toMonth}::date
    GROUP BY 1, 2`.execute(db);
  return rows;
}

export type StepRow = { agency_name: string; step: string; n: number; minutes: number };
export async function slowestSteps(
  db: Kdb,
  agencyIds: string[],
  from: string,
  to: string,
): Promise<StepRow[]> {
  const { rows } = await sql<StepRow>`
    SELECT a.name AS agency_name, s.step, sum(s.n)::int AS n, sum(s.minutes)::float8 AS minutes
    FROM report_step_counts s JOIN agencies a ON a.id = s.agency_id
    WHERE s.agency_id = ANY(${sql.val(agencyIds)}::uuid[]) AND s.day BETWEEN ${from}::date AND ${to}::date
    GROUP BY 1, 2 ORDER BY sum(s.minutes)::float8 / sum(s.n) DESC LIMIT 10`.execute(db);
  return rows;
}

export type AgencyInfo = { id: string; name: string; level: string; unit_name: string };
export async function agencyInfo(db: Kdb, ids: string[]): Promise<AgencyInfo[]> {
  const { rows } = await sql<AgencyInfo>`
    SELECT a.id, a.name, u.level, u.name AS unit_name FROM agencies a JOIN units u ON u.id = a.unit_id
    WHERE a.id = ANY(${sql.val(ids)}::uuid[]) ORDER BY a.name`.execute(db);
  return rows;
}

export type ProcedureInfo = { code: string; name: string; field: string };
export async function procedureInfo(db: Kdb, codes?: string[], field?: string): Promise<ProcedureInfo[]> {
  let q = db.selectFrom('procedures').select(['code', 'name', 'field']);
  if (codes) q = q.where('code', 'in', codes.length ? codes : ['']);
  if (field) q = q.where('field', '=', field);
  return q.execute();
}

// ---- The dossiers behind a count: the same predicates as report_facts, on instants so the indexes serve. ----

const settled = sql`COALESCE(d.resolved_at, CASE WHEN d.status = 'stopped' THEN d.closed_at END)`;

/**
 * The dossiers a measure counts in [from, to] (in progress: at the end of `asOf`). The index measures read the
 * payments, results and feedback modules' rows by SQL, as `index-sources.ts` and the satisfaction port count them.
 */
export function measurePredicate(m: TDrillMeasure, from: string, to: string, asOf: string) {
  const a = dayStart(from);
  const b = dayStart(nextDay(to));
  const end = dayStart(nextDay(asOf));
  const within = (col: RawBuilder<unknown>) => sql`${col} >= ${a} AND ${col} < ${b}`;
  switch (m) {
    case 'submitted':
      return within(sql`d.submitted_at`);
    case 'received':
      return within(sql`d.received_at`);
    case 'resolved_late':
      return sql`${within(sql`d.resolved_at`)} AND d.appointment_at IS NOT NULL AND d.resolved_at > d.appointment_at`;
    case 'resolved_early':
      return sql`${within(sql`d.resolved_at`)} AND d.appointment_at IS NOT NULL AND d.resolved_at <= d.appointment_at
        AND report_day(d.resolved_at) < report_day(d.appointment_at)`;
    case 'resolved_on_time':
      return sql`${within(sql`d.resolved_at`)} AND (d.appointment_at IS NULL OR (d.resolved_at <= d.appointment_at
        AND report_day(d.resolved_at) >= report_day(d.appointment_at)))`;
    case 'refused':
    case 'withdrawn':
    case 'stopped':
    case 'returned':
      return sql`d.status = ${m} AND ${within(sql`d.closed_at`)}`;
    case 'supplement_requested':
    case 'extended':
      return sql`EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_id = d.id AND e.type = ${m}
        AND ${within(sql`e.at`)})`;
    case 'in_progress':
      return sql`d.received_at < ${end} AND (${settled} IS NULL OR ${settled} >= ${end})`;
    case 'in_progress_late':
      return sql`d.received_at IS NOT NULL AND d.appointment_at < ${end} AND (${settled} IS NULL OR ${settled} >= ${end})`;
    case 'fee_paid':
    case 'fee_paid_online':
      return sql`EXISTS (SELECT 1 FROM payments p WHERE p.dossier_id = d.id AND p.status = 'paid'
        AND ${within(sql`p.paid_at`)} ${m === 'fee_paid_online' ? sql`AND p.channel = 'online'` : sql``})`;
    case 'electronic_result':
      return sql`EXISTS (SELECT 1 FROM signed_results s WHERE s.dossier_id = d.id AND s.kind = 'granted'
        AND s.supersedes_id IS NULL AND ${within(sql`s.signed_at`)})`;
    case 'rated':
    case 'rated_satisfied':
      return sql`EXISTS (SELECT 1 FROM satisfaction_ratings r WHERE r.dossier_id = d.id
        AND r.period BETWEEN ${from.slice(0, 7)} AND ${to.slice(0, 7)}
        ${m === 'rated_satisfied' ? sql`AND r.overall IN ('very_satisfied', 'satisfied')` : sql``})`;
  }
}

export type DrillRow = {
  id: string;
  code: string | null;
  procedure_code: string;
  procedure_name: string;
  agency_name: string;
  channel: 'online' | 'counter' | 'post';
  status: string;
  submitted_at: Date;
  received_at: Date | null;
  appointment_at: Date | null;
  resolved_at: Date | null;
};

const DRILL_COLUMNS = sql`d.id, d.code, d.procedure_code, d.procedure_name, a.name AS agency_name, d.channel, d.status,
  d.submitted_at, d.received_at, d.appointment_at, d.resolved_at`;

/** One page of the dossiers behind a count, newest submission first; keyset on (submitted_at, id). */
export async function drillDown(
  db: Kdb,
  s: Scope,
  where: RawBuilder<unknown>,
  after: { at: Date; id: string } | null,
  limit: number,
): Promise<DrillRow[]> {
  const parts = [sql`d.authority_agency_id = ANY(${sql.val(s.agencyIds)}::uuid[])`, where];
  if (s.channel) parts.push(sql`d.channel = ${s.channel}`);
  if (s.procedureCodes) parts.push(sql`d.procedure_code = ANY(${sql.val(s.procedureCodes)}::text[])`);
  if (after) parts.push(sql`(d.submitted_at, d.id) < (${after.at}, ${after.id}::uuid)`);
  const { rows } = await sql<DrillRow>`
    SELECT ${DRILL_COLUMNS} FROM dossiers d JOIN agencies a ON a.id = d.authority_agency_id
    WHERE ${sql.join(parts, sql` AND `)}
    ORDER BY d.submitted_at DESC, d.id DESC LIMIT ${limit}`.execute(db);
  return rows;
}

/** Dossiers in progress whose appointment falls in [from, to) — overdue (from = -∞) or due soon — soonest first. */
export async function openByAppointment(
  db: Kdb,
  agencyIds: string[],
  from: Date | null,
  to: Date,
  limit: number,
): Promise<DrillRow[]> {
  const { rows } = await sql<DrillRow>`
    SELECT ${DRILL_COLUMNS} FROM dossiers d JOIN agencies a ON a.id = d.authority_agency_id
    WHERE d.authority_agency_id = ANY(${sql.val(agencyIds)}::uuid[])
      AND d.received_at IS NOT NULL AND d.resolved_at IS NULL AND d.closed_at IS NULL
      AND d.appointment_at < ${to} ${from ? sql`AND d.appointment_at >= ${from}` : sql``}
    ORDER BY d.appointment_at, d.id LIMIT ${limit}`.execute(db);
  return rows;
}
