import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { actor, createTestDb } from '../../test/harness';
import { DOSSIER_CODE_PATTERN, ZProcessingTime } from '@motcua/contracts';
import { generate } from './generator';
import { citizenLogin, MEASURED_CITIZENS, staffLogin } from './generator-people';
import { dashboard, dossiersBehind } from './reports.service';
import { rawCounts, rawStepCounts, rollupMismatches, storedCounts, storedStepCounts } from './reports.check';
import { satisfactionFromRatings } from './satisfaction-port';
import { serviceIndex } from './service-index.service';

// The bench data generator (issue 17): dossiers with their events, processing steps and satisfaction ratings, so
// the slowest-steps view and the satisfaction indicators have data at volume. A small run on the test database.

describe('generator: steps and ratings beside the dossiers, counts equal to a raw GROUP BY, resumable', async () => {
  const db = await createTestDb();
  const k = db.kysely;
  const now = new Date('2027-01-05T03:00:00Z');
  const run = (dossiers: number) =>
    generate(k, { dossiers, batchSize: 150, run: 't', year: 2026, now: () => now, countEvery: 1 }, () => {});
  await run(450);
  const agencies = await k
    .selectFrom('agencies')
    .select(['id', 'short_name'])
    .where('short_name', 'like', 'GENt-%')
    .orderBy('short_name')
    .execute();
  const leader = actor({
    kind: 'staff',
    roles: ['leader'],
    agencyId: agencies.find((a) => a.short_name === 'GENt-S1')!.id,
  });

  it('writes 450 dossiers whose counts equal the raw GROUP BY', async () => {
    expect(agencies).toHaveLength(30);
    const { n } = await k
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('province_code', '=', 'GENt')
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(450);
    expect(await storedCounts(k)).toEqual(await rawCounts(k));
    expect(await rollupMismatches(k)).toBe(0);
  });

  it('writes processing steps: step counts equal the durations read from the events; open dossiers sit in a step', async () => {
    const stored = await storedStepCounts(k);
    expect(new Set(stored.map((s) => s.step))).toEqual(new Set(['assignment', 'appraisal', 'approval']));
    expect(stored).toEqual(await rawStepCounts(k));
    const { rows } = await sql<{ open: number; stepless: number }>`
      SELECT count(*)::int AS open, count(*) FILTER (WHERE current_step IS NULL OR step_entered_at IS NULL)::int
        AS stepless
      FROM dossiers WHERE received_at IS NOT NULL AND resolved_at IS NULL AND closed_at IS NULL`.execute(k);
    expect(rows[0]!.open).toBeGreaterThan(0);
    expect(rows[0]!.stepless).toBe(0);
    const d = await dashboard(k, leader, { from: '2026-01-01', to: '2026-12-31' }, now);
    expect(d.slowestSteps.length).toBeGreaterThan(0);
    expect(d.slowestSteps[0]!.averageHours).toBeGreaterThan(0);
  });

  it('writes satisfaction ratings of returned dossiers, in the month of the return; s1 is known', async () => {
    const { rows } = await sql<{ n: number; wrong: number }>`
      SELECT count(*)::int AS n,
        count(*) FILTER (WHERE d.status <> 'returned' OR r.period <> to_char(report_day(d.closed_at), 'YYYY-MM')
          OR r.agency_id <> d.authority_agency_id)::int AS wrong
      FROM satisfaction_ratings r JOIN dossiers d ON d.id = r.dossier_id`.execute(k);
    expect(rows[0]!.n).toBeGreaterThan(20);
    expect(rows[0]!.wrong).toBe(0);
    const index = await serviceIndex(
      k,
      leader,
      { period: 'year', at: '2026-06-01' },
      now,
      satisfactionFromRatings(k),
    );
    const s1 = index.indicators.find((i) => i.key === 's1')!;
    expect(s1.score).not.toBeNull();
    expect(s1.denominator).toBe(rows[0]!.n);
    // Both counts open their dossiers.
    const q = { from: '2026-01-01', to: '2026-12-31', limit: 200 } as const;
    const behind = async (measure: 'rated' | 'rated_satisfied') =>
      (await dossiersBehind(k, leader, { ...q, measure }, now)).items.length;
    expect(s1.links.map((l) => l.measure)).toEqual(['rated_satisfied', 'rated']);
    expect(await behind('rated_satisfied')).toBe(s1.numerator);
    expect(await behind('rated')).toBe(s1.denominator);
  });

  it('writes what the hot reads need (issue 19): well-formed codes, valid procedures, people, open steps held', async () => {
    const { rows: coded } = await sql<{
      code: string;
    }>`SELECT code FROM dossiers WHERE code IS NOT NULL`.execute(k);
    expect(coded.length).toBeGreaterThan(400);
    expect(coded.filter((d) => !DOSSIER_CODE_PATTERN.test(d.code))).toEqual([]);
    const procedures = await k
      .selectFrom('procedures')
      .select('processing_time')
      .where('code', 'like', 'GENt.%')
      .execute();
    expect(procedures).toHaveLength(300);
    for (const p of procedures) expect(ZProcessingTime.safeParse(p.processing_time).success).toBe(true);
    // The measured citizens own the first dossiers in turn: dossiers 1, 101, 201, 301 and 401 are the first's.
    const { rows: mine } = await sql<{ username: string; n: number }>`
      SELECT u.username, count(*)::int AS n FROM dossiers d JOIN users u ON u.id = d.applicant_user_id
      WHERE u.username IS NOT NULL GROUP BY 1 ORDER BY 1`.execute(k);
    expect(mine).toHaveLength(MEASURED_CITIZENS);
    expect(mine[0]).toEqual({ username: citizenLogin('t', 1), n: 5 });
    // Each open dossier sits in someone's inbox: its specialist's at the appraisal step, else unassigned in a unit.
    const { rows: open } = await sql<{ n: number; lost: number; handled: number; staff: number }>`
      SELECT count(*)::int AS n,
        count(*) FILTER (WHERE d.step_due_at IS NULL OR d.workflow IS NULL
          OR (d.handler_id IS NULL AND (d.step_unit_id IS NULL OR d.step_role IS NULL)))::int AS lost,
        count(*) FILTER (WHERE d.current_step = 'appraisal' AND u.agency_id = d.holding_agency_id)::int AS handled,
        count(*) FILTER (WHERE d.current_step = 'appraisal')::int AS staff
      FROM dossiers d LEFT JOIN users u ON u.id = d.handler_id
      WHERE d.current_step IS NOT NULL AND d.resolved_at IS NULL AND d.closed_at IS NULL`.execute(k);
    expect(open[0]!.n).toBeGreaterThan(0);
    expect(open[0]!.lost).toBe(0);
    expect(open[0]!.handled).toBe(open[0]!.staff);
    const { rows: staff } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM users WHERE lower(username) = ${staffLogin('GENt-S1', 'leader')}`.execute(
      k,
    );
    expect(staff[0]!.n).toBe(1);
  });

  it('a second run of the same size adds nothing (resumable)', async () => {
    const before = await storedStepCounts(k);
    await run(450);
    expect(await storedStepCounts(k)).toEqual(before);
    expect(await storedCounts(k)).toEqual(await rawCounts(k));
  });

  it('a run stopped after writing a batch and before counting it counts that batch when resumed', async () => {
    const grow = (progress: (line: string) => void) =>
      generate(
        k,
        { dossiers: 600, batchSize: 150, run: 't', year: 2026, now: () => now, parallel: 1 },
        progress,
      );
    await expect(
      grow((line) => {
        if (line.startsWith('batch 4/4')) throw new Error('stopped');
      }),
    ).rejects.toThrow('stopped');
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM report_generator_batches WHERE run = 't' AND NOT counted`.execute(k);
    expect(rows[0]!.n).toBe(1);
    expect(await storedCounts(k)).not.toEqual(await rawCounts(k));
    await grow(() => {});
    expect(await storedCounts(k)).toEqual(await rawCounts(k));
    expect(await rollupMismatches(k)).toBe(0);
    // Ids follow the dossiers' numbers: the first batch's are the lowest.
    const { rows: first } = await sql<{ ref: string }>`
      SELECT submission_ref AS ref FROM dossiers WHERE province_code = 'GENt' ORDER BY id LIMIT 1`.execute(k);
    expect(first[0]!.ref).toBe('Gt-1');
  });
});
