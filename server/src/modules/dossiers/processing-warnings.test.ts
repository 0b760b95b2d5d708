import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { TDossierDetail } from '@motcua/contracts';
import type { Actor } from '../../http/auth';
import { actor } from '../../test/harness';
import { loadDemoCalendar } from '../calendar/calendar.demo';
import { detail, intakeFixture } from './dossiers.test-helpers';
import { nextWarningsRun, scheduleWarnings, WARNINGS_JOB, warningsJob } from './processing-warnings.job';

// Literal dates, Việt Nam time, on the 2026 official calendar (Tết 16–20/2/2026). Procedure 1.004227, default
// workflow: assignment 8 working hours, appraisal 48.
const at = (local: string) => `${local}:00.000+07:00`;

describe('processing warnings: due soon and overdue, once per step and kind, by e-mail (issue 12)', async () => {
  const f = await intakeFixture();
  await f.db.kysely.transaction().execute((trx) => loadDemoCalendar(trx, f.clock.now()));
  const sttt = f.agency('STTTT');
  const dept = (
    await f.db.kysely
      .selectFrom('departments')
      .select('id')
      .where('agency_id', '=', sttt)
      .where('name', '=', 'Phòng Bưu chính, Viễn thông')
      .executeTakeFirstOrThrow()
  ).id;
  const staff = async (n: number, name: string, roles: Actor['roles'], email: string | null) => {
    const userId = `00000000-0000-4000-a200-${String(n).padStart(12, '0')}`;
    await f.db.kysely
      .insertInto('users')
      .values({
        id: userId,
        kind: 'staff',
        username: `warn.${n}`,
        full_name: name,
        email,
        agency_id: sttt,
        department_id: dept,
        status: 'active',
      })
      .execute();
    await f.db.kysely
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
    return actor({ kind: 'staff', userId, name, roles, agencyId: sttt });
  };
  const head = await staff(1, 'Trưởng phòng BCVT', ['approver'], 'truongphong.bcvt@anhoa.gov.vn');
  await staff(2, 'Phó trưởng phòng BCVT', ['approver'], 'photruongphong.bcvt@anhoa.gov.vn');
  const specialist = await staff(3, 'Chuyên viên Một', ['specialist'], 'chuyenvien1@anhoa.gov.vn');
  await staff(4, 'Chuyên viên Hai', ['specialist'], 'chuyenvien2@anhoa.gov.vn');
  const desk = f.clerk('STTTT');

  const run = async () =>
    warningsJob({}, { db: f.db, log: pino({ level: 'silent' }), jobId: 0, attempt: 1, now: f.clock.now() });
  const messages = async () =>
    f.db.kysely
      .selectFrom('messages')
      .select(['recipient', 'template', 'subject', 'body'])
      .where('template', 'like', 'processing.%')
      .orderBy('recipient')
      .orderBy('template')
      .execute();

  it('the unassigned step warns the role in the unit, the assigned one its handler; a rerun sends nothing', async () => {
    // Thursday 12/2/2026 09:00: the assignment step is due Friday 13/2 09:00.
    f.clock.set(at('2026-02-12T09:00'));
    let d: TDossierDetail = detail(await f.submit(f.citizenA), 201);
    d = detail(
      await f.inject(desk, 'POST', `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: d.version }),
    );
    expect(d.processing?.currentStep).toMatchObject({ key: 'assignment', dueAt: at('2026-02-13T09:00') });

    // 08:59 nothing is due within one working day yet; 09:00 it is, both heads of the department are told.
    f.clock.set(at('2026-02-12T08:59'));
    await run();
    expect(await messages()).toEqual([]);
    f.clock.set(at('2026-02-12T09:30'));
    await run();
    await run();
    let sent = await messages();
    expect(sent.map((m) => [m.recipient, m.template])).toEqual([
      ['photruongphong.bcvt@anhoa.gov.vn', 'processing.due_soon'],
      ['truongphong.bcvt@anhoa.gov.vn', 'processing.due_soon'],
    ]);
    expect(sent[0]!.subject).toBe(`Hồ sơ ${d.code} sắp đến hạn bước “Phân công xử lý”`);
    expect(sent[0]!.body).toContain('hạn 13/02/2026 09:00');

    // Past due: one overdue warning each, once.
    f.clock.set(at('2026-02-13T09:01'));
    await run();
    await run();
    sent = await messages();
    expect(sent.filter((m) => m.template === 'processing.overdue').map((m) => m.recipient)).toEqual([
      'photruongphong.bcvt@anhoa.gov.vn',
      'truongphong.bcvt@anhoa.gov.vn',
    ]);
    expect(sent).toHaveLength(4);

    // Assigned at 13/2 10:00: the appraisal is a new step instance, warned to its handler only — across Tết.
    f.clock.set(at('2026-02-13T10:00'));
    d = detail(
      await f.inject(head, 'POST', `/api/processing/dossiers/${d.id}/assign`, {
        expectedVersion: d.version,
        handlerId: specialist.userId,
      }),
    );
    // 13/2 10:00 + 40 working hours: 5 h on 13/2, Tết skipped, 23/2–26/2 (32 h), 3 h on 27/2 → 27/2 10:00.
    expect(d.processing?.currentStep).toMatchObject({ key: 'appraisal', dueAt: at('2026-02-27T10:00') });
    f.clock.set(at('2026-02-26T09:59'));
    await run();
    expect(await messages()).toHaveLength(4);
    f.clock.set(at('2026-02-26T10:00')); // one working day before 27/2 10:00
    await run();
    await run();
    f.clock.set(at('2026-02-27T10:01'));
    await run();
    await run();
    const mine = (await messages()).filter((m) => m.recipient === 'chuyenvien1@anhoa.gov.vn');
    expect(mine.map((m) => m.template)).toEqual(['processing.due_soon', 'processing.overdue']);
    expect(await messages()).toHaveLength(6);
    const rows = await f.db.kysely.selectFrom('processing_warnings').selectAll().orderBy('sent_at').execute();
    expect(rows.map((r) => [r.step, r.kind, r.recipients])).toEqual([
      ['assignment', 'due_soon', 2],
      ['assignment', 'overdue', 2],
      ['appraisal', 'due_soon', 1],
      ['appraisal', 'overdue', 1],
    ]);
  });

  it('schedules itself on fixed quarter hours, once however many processes ask', async () => {
    f.clock.set(at('2026-03-02T08:07'));
    expect(nextWarningsRun(f.clock.now()).toISOString()).toBe(new Date(at('2026-03-02T08:15')).toISOString());
    await scheduleWarnings(f.db, f.clock.now());
    await scheduleWarnings(f.db, f.clock.now());
    await run(); // the run reschedules the same next quarter hour
    const jobs = await f.db.kysely
      .selectFrom('jobs')
      .select(['run_at'])
      .where('type', '=', WARNINGS_JOB)
      .where('run_at', '>', f.clock.now())
      .execute();
    expect(jobs.map((j) => j.run_at.toISOString())).toEqual([new Date(at('2026-03-02T08:15')).toISOString()]);
  });
});
