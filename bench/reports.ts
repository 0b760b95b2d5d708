import { sql } from 'kysely';
import type { TReportCounts } from '@motcua/contracts';
import { openDb } from '../server/src/db/client';
import {
  dayStart,
  nextDay,
  sumFlows,
  wholeProvince,
  type Scope,
} from '../server/src/modules/reports/reports.repo';
import { countsBy, emptyCounts } from '../server/src/modules/reports/reports.service';

/**
 * `DATABASE_URL=postgres://…/motcua_bench npx tsx bench/reports.ts [--month 2026-06]` after
 * `npx motcua generate --dossiers N`: the monthly report, the dashboard's main view and the QĐ 766 index, for one
 * agency and for the province, from the count tables, against a same-run baseline computing the same numbers with a
 * plain GROUP BY over the raw dossiers table. Prints the times, the ratio (baseline / counts) and fails when any
 * number differs. Targets (issue 17): ≥ 100× at 17M dossiers; the 17M time within 2× of the 1M time.
 */
const url = process.env.DATABASE_URL;
if (!url?.startsWith('postgres')) throw new Error('DATABASE_URL must name the generated PostgreSQL database');
const monthArg = process.argv.indexOf('--month');
const month = monthArg > 0 ? process.argv[monthArg + 1]! : '2026-06';
const from = `${month}-01`;
const to = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0))
  .toISOString()
  .slice(0, 10);
const before = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 0))
  .toISOString()
  .slice(0, 10);
const db = await openDb({ databaseUrl: url, poolSize: 4 });
const kdb = db.kysely;

const agencies = (
  await sql<{ id: string }>`SELECT DISTINCT agency_id AS id FROM report_agency_months ORDER BY 1`.execute(kdb)
).rows.map((r) => r.id);
const total = (await sql<{ n: string }>`SELECT count(*) AS n FROM dossiers`.execute(kdb)).rows[0]!.n;
console.log(
  `reports bench: ${Number(total).toLocaleString('en')} dossiers, ${agencies.length} agencies, ${month}`,
);

const MEASURES = [
  'submitted',
  'received',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'refused',
  'withdrawn',
  'stopped',
  'returned',
  'in_progress',
  'in_progress_late',
] as const;

/** The baseline: the same numbers by one plain GROUP BY over the raw dossiers of the scope. */
async function raw(ids: string[], a: string, b: string, asOf: string, by: 'agency' | 'channel' | 'none') {
  const A = dayStart(a);
  const B = dayStart(nextDay(b));
  const E = dayStart(nextDay(asOf));
  const settle = sql`COALESCE(resolved_at, CASE WHEN status = 'stopped' THEN closed_at END)`;
  const key = by === 'agency' ? sql`authority_agency_id::text` : by === 'channel' ? sql`channel` : sql`''`;
  const { rows } = await sql<Record<string, string | number>>`
    SELECT ${key} AS key,
      count(*) FILTER (WHERE submitted_at >= ${A} AND submitted_at < ${B})::int AS submitted,
      count(*) FILTER (WHERE received_at >= ${A} AND received_at < ${B})::int AS received,
      count(*) FILTER (WHERE resolved_at >= ${A} AND resolved_at < ${B} AND resolved_at <= appointment_at
        AND report_day(resolved_at) < report_day(appointment_at))::int AS resolved_early,
      count(*) FILTER (WHERE resolved_at >= ${A} AND resolved_at < ${B} AND (appointment_at IS NULL OR
        (resolved_at <= appointment_at AND report_day(resolved_at) >= report_day(appointment_at))))::int AS resolved_on_time,
      count(*) FILTER (WHERE resolved_at >= ${A} AND resolved_at < ${B} AND resolved_at > appointment_at)::int AS resolved_late,
      count(*) FILTER (WHERE status = 'refused' AND closed_at >= ${A} AND closed_at < ${B})::int AS refused,
      count(*) FILTER (WHERE status = 'withdrawn' AND closed_at >= ${A} AND closed_at < ${B})::int AS withdrawn,
      count(*) FILTER (WHERE status = 'stopped' AND closed_at >= ${A} AND closed_at < ${B})::int AS stopped,
      count(*) FILTER (WHERE status = 'returned' AND closed_at >= ${A} AND closed_at < ${B})::int AS returned,
      count(*) FILTER (WHERE received_at < ${E} AND (${settle} IS NULL OR ${settle} >= ${E}))::int AS in_progress,
      count(*) FILTER (WHERE received_at IS NOT NULL AND appointment_at < ${E}
        AND (${settle} IS NULL OR ${settle} >= ${E}))::int AS in_progress_late
    FROM dossiers WHERE authority_agency_id = ANY(${sql.val(ids)}::uuid[]) GROUP BY 1`.execute(kdb);
  return new Map(rows.map((r) => [String(r.key), r]));
}

let mismatches = 0;
function check(
  label: string,
  fast: Map<string, TReportCounts>,
  slow: Map<string, Record<string, string | number>>,
) {
  for (const key of new Set([...fast.keys(), ...slow.keys()])) {
    const f = fast.get(key) ?? emptyCounts();
    const s = slow.get(key);
    for (const m of MEASURES) {
      const sv = Number(s?.[m] ?? 0);
      if (f[m] !== sv) {
        mismatches++;
        if (mismatches < 10) console.error(`MISMATCH ${label} ${key} ${m}: counts ${f[m]} ≠ raw ${sv}`);
      }
    }
  }
}

async function time<T>(fn: () => Promise<T>, runs: number): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, value };
}

const views = {
  // The monthly report: per agency, in the month, carried over from the day before, online; at the month's end.
  'monthly report': {
    fast: (s: Scope) =>
      Promise.all([
        countsBy(kdb, s, from, to, to, 'agency'),
        countsBy(kdb, s, before, before, before, 'agency'),
        countsBy(kdb, { ...s, channel: 'online' }, from, to, to, 'agency'),
      ]).then((r) => r[0]),
    slow: (s: Scope) =>
      Promise.all([
        raw(s.agencyIds, from, to, to, 'agency'),
        raw(s.agencyIds, before, before, before, 'agency'),
      ]).then((r) => r[0]),
  },
  // The dashboard's main view: by agency, by channel and the daily trend.
  'dashboard main view': {
    fast: (s: Scope) =>
      Promise.all([
        countsBy(kdb, s, from, to, to, 'agency'),
        countsBy(kdb, s, from, to, to, 'channel'),
        sumFlows(kdb, s, from, to, 'day'),
      ]).then((r) => r[0]),
    slow: (s: Scope) =>
      Promise.all([raw(s.agencyIds, from, to, to, 'agency'), raw(s.agencyIds, from, to, to, 'channel')]).then(
        (r) => r[0],
      ),
  },
  // The QĐ 766 index: the scope's totals, and the online share.
  '766 index': {
    fast: (s: Scope) =>
      Promise.all([
        countsBy(kdb, s, from, to, to, 'none'),
        countsBy(kdb, { ...s, channel: 'online' }, from, to, to, 'none'),
      ]).then((r) => r[0]),
    slow: (s: Scope) => raw(s.agencyIds, from, to, to, 'none'),
  },
};

try {
  for (const [scopeName, ids] of [
    ['one agency', [agencies[0]!]],
    ['province', agencies],
  ] as const) {
    for (const [name, v] of Object.entries(views)) {
      // As the service resolves a scope: every agency of a province reads the province's counts where it can.
      const fast = await time(
        async () => v.fast({ agencyIds: [...ids], province: await wholeProvince(kdb, [...ids]) }),
        7,
      );
      const scope: Scope = { agencyIds: [...ids] };
      const slow = await time(() => v.slow(scope), 3);
      check(`${name} / ${scopeName}`, fast.value, slow.value);
      console.log(
        `${name} (${scopeName}) @${Number(total).toLocaleString('en')}: counts ${fast.ms.toFixed(1)} ms, raw GROUP BY ${slow.ms.toFixed(0)} ms (ratio ${(slow.ms / fast.ms).toFixed(0)}×)`,
      );
    }
  }
  // The province's daily trend (report_province_counts) equals its agencies' (report_agency_counts), day by day.
  const province = await wholeProvince(kdb, agencies);
  const trend = async (s: Scope) =>
    new Map((await sumFlows(kdb, s, from, to, 'day')).map((r) => [`${r.key} ${r.measure}`, r.n]));
  const [viaProvince, viaAgencies] = [
    await trend({ agencyIds: agencies, province }),
    await trend({ agencyIds: agencies }),
  ];
  for (const key of new Set([...viaProvince.keys(), ...viaAgencies.keys()]))
    if (viaProvince.get(key) !== viaAgencies.get(key)) {
      mismatches++;
      console.error(
        `MISMATCH trend ${key}: province ${viaProvince.get(key)} ≠ agencies ${viaAgencies.get(key)}`,
      );
    }
  console.log(
    `daily trend: province counts of ${province ?? '(no whole province)'} checked against the agencies'`,
  );
  console.log(
    mismatches ? `reports: ${mismatches} numbers differ` : 'reports: every number equals the raw GROUP BY',
  );
} finally {
  await db.close();
}
process.exit(mismatches ? 1 : 0);
