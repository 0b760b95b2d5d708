import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { TProcedure, TSimulateResponse } from '@motcua/contracts';
import type { JobContext } from '../../jobs/queue';
import { actor } from '../../test/harness';
import { loadDemoCalendar } from '../calendar/calendar.demo';
import { detail, intakeFixture } from '../dossiers/dossiers.test-helpers';
import { sampleProcedure } from './catalogue.fixtures';
import { applyScheduledJob, CATALOGUE_SCHEDULED_JOB } from './catalogue.editor';

// The test clock starts on Wednesday 25/11/2026 09:00 (Việt Nam time).
const at = (local: string) => `${local}:00.000+07:00`;

const proc = (res: LightMyRequestResponse): TProcedure => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TProcedure>();
};

describe('a procedure version taking effect on a future date (issue 12)', async () => {
  const f = await intakeFixture();
  await f.db.kysely.transaction().execute((trx) => loadDemoCalendar(trx, f.clock.now()));
  const editor = actor({ kind: 'staff', roles: ['catalogue_editor'] });
  const v1 = sampleProcedure({ code: 'P.HL', processingTime: { unit: 'working_days', value: 15 } });
  const v2 = {
    ...v1,
    name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ (rút gọn)',
    processingTime: { unit: 'working_days' as const, value: 10 },
  };
  const publish = (body?: object) => f.inject(editor, 'POST', '/api/admin/procedures/P.HL/publish', body);
  const portal = async () => proc(await f.inject(null, 'GET', '/api/procedures/P.HL'));
  const dueOf = async (receivedAt: string) =>
    (
      await f.inject(null, 'POST', '/api/procedures/P.HL/simulate', { receivedAt, events: [] })
    ).json<TSimulateResponse>().dueAt;

  it('until the date the previous version is shown and receives dossiers; from 00:00 that day the new one applies', async () => {
    expect((await f.inject(editor, 'POST', '/api/admin/procedures', v1)).statusCode).toBe(201);
    const first = proc(await publish());
    expect(first.versionStatus).toBe('published');
    expect(proc(await f.inject(editor, 'PUT', '/api/admin/procedures/P.HL', v2)).versionNo).toBe(2);

    // A date before today is refused and changes nothing; today's date publishes at once (tested elsewhere).
    const past = await publish({ effectiveFrom: '2026-11-24' });
    expect(past.statusCode).toBe(400);
    expect(past.json().message).toContain('24/11/2026');
    const scheduled = proc(await publish({ effectiveFrom: '2026-12-01' }));
    expect(scheduled).toMatchObject({ versionNo: 2, versionStatus: 'scheduled' });
    expect(scheduled.publishedAt).toBe(new Date(at('2026-12-01T00:00')).toISOString());
    // A second publication while one waits for its date: refused.
    expect(proc(await f.inject(editor, 'PUT', '/api/admin/procedures/P.HL', v2)).versionNo).toBe(3);
    expect((await publish({ effectiveFrom: '2026-12-02' })).statusCode).toBe(400);

    // Before the day: version 1 on the portal, for the simulator and for a new dossier.
    f.clock.set(at('2026-11-30T23:59'));
    expect(await portal()).toMatchObject({ versionNo: 1, name: v1.name });
    expect(await dueOf(at('2026-11-30T09:00'))).toBe(at('2026-12-21T09:00')); // 15 working days
    const components = (await portal()).components;
    const dossier = async () => {
      const files = await Promise.all(components.map(() => f.upload(f.citizenA)));
      return detail(
        await f.submit(f.citizenA, {
          procedureCode: 'P.HL',
          formData: {},
          attachments: components.map((c, i) => ({ componentCode: c.code, fileIds: [files[i]!.id] })),
        }),
        201,
      );
    };
    const before = await dossier();

    // From 00:00 on 1/12: version 2, without any job having run.
    f.clock.set(at('2026-12-01T00:00'));
    expect(await portal()).toMatchObject({ versionNo: 2, name: v2.name });
    expect(await dueOf(at('2026-12-01T09:00'))).toBe(at('2026-12-15T09:00')); // 10 working days
    expect(await dueOf(at('2026-11-30T09:00'))).toBe(at('2026-12-21T09:00')); // received before: version 1
    const after = await dossier();
    const versionOf = async (id: string) =>
      (
        await f.db.kysely
          .selectFrom('dossiers')
          .select('procedure_version_id')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).procedure_version_id;
    expect(await versionOf(before.id)).toBe(first.versionId);
    expect(await versionOf(after.id)).toBe(scheduled.versionId);

    // The job on the day brings the stored statuses and the search row in step.
    const job = await f.db.kysely
      .selectFrom('jobs')
      .select(['run_at', 'payload'])
      .where('type', '=', CATALOGUE_SCHEDULED_JOB)
      .executeTakeFirstOrThrow();
    expect(job.run_at.toISOString()).toBe(new Date(at('2026-12-01T00:00')).toISOString());
    await applyScheduledJob(job.payload as Record<string, unknown>, {
      db: f.db,
      log: f.app.log as unknown as JobContext['log'],
      jobId: 1,
      attempt: 1,
      now: f.clock.now(),
    });
    const versions = await f.db.kysely
      .selectFrom('procedure_versions')
      .select(['version_no', 'status'])
      .where('procedure_code', '=', 'P.HL')
      .orderBy('version_no')
      .execute();
    expect(versions.map((v) => v.status)).toEqual(['superseded', 'published', 'draft']);
    const row = await f.db.kysely
      .selectFrom('procedures')
      .select(['name', 'current_version_id'])
      .where('code', '=', 'P.HL')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: v2.name, current_version_id: scheduled.versionId });
    // The publication deadline is met by the announcement (25/11), not the effective date: both versions, announced
    // the same day under the same decision, are equally late.
    const late = await f.inject(editor, 'GET', '/api/admin/procedures/late?today=2026-12-01');
    const rows = late.json<{ code: string; versionNo: number; daysLate: number }[]>();
    const lateOf = (n: number) => rows.find((r) => r.code === 'P.HL' && r.versionNo === n)!.daysLate;
    expect(lateOf(2)).toBe(lateOf(1));
    // The dossier received under version 1 keeps it.
    expect(await versionOf(before.id)).toBe(first.versionId);
  });
});
