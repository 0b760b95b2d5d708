import { describe, expect, it } from 'vitest';
import type { TDossierDetail, TSimulateRequest, TSimulateResponse } from '@motcua/contracts';
import type { Actor } from '../../http/auth';
import { actor } from '../../test/harness';
import { loadDemoCalendar } from '../calendar/calendar.demo';
import { sampleProcedure } from '../catalogue/catalogue.fixtures';
import { defaultWorkflow } from '../catalogue/workflow';
import { detail, intakeFixture } from './dossiers.test-helpers';

// Literal dates, Việt Nam time, on the demo province's 2026 calendar: Tết 16–20/2/2026; Saturday 22/8/2026 is a
// working day swapped for Monday 31/8; Quốc khánh 1–2/9. Working hours 07–11, 13–17. 1.004227: 10 working days.
const at = (local: string) => `${local}:00.000+07:00`;

describe('POST /api/procedures/{code}/simulate: the live engine on a hypothetical dossier (issue 12)', async () => {
  const f = await intakeFixture();
  await f.db.kysely.transaction().execute((trx) => loadDemoCalendar(trx, f.clock.now()));
  const simulate = (body: TSimulateRequest, who: Actor | null = null, query = '', code = '1.004227') =>
    f.inject(who, 'POST', `/api/procedures/${code}/simulate${query}`, body);
  const ok = async (body: TSimulateRequest) => {
    const res = await simulate(body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TSimulateResponse>();
  };
  const refused = async (body: TSimulateRequest, code = 'DEADLINE_RULE') => {
    const res = await simulate(body);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe(code);
    return res.json<{ code: string; message: string }>().message;
  };

  it('received just before Tết 2026: the 10 working days skip the holiday; every step has its due time', async () => {
    const r = await ok({ receivedAt: at('2026-02-12T09:00'), events: [] });
    expect(r.dueAt).toBe(at('2026-03-05T09:00'));
    expect(r.steps.map((s) => s.step)).toEqual([
      'reception',
      'assignment',
      'appraisal',
      'approval',
      'result',
      'return',
    ]);
    expect(r.steps[0]).toEqual({
      step: 'reception',
      name: { vi: 'Tiếp nhận, chuyển hồ sơ', en: 'Reception and handover' },
      dueAt: at('2026-02-13T09:00'),
    });
    expect(r.steps[1]!.dueAt).toBe(at('2026-02-23T09:00')); // Fri 13/2 → Tết → Mon 23/2
    expect(r.steps.at(-2)!.dueAt).toBe(at('2026-03-05T09:00'));
    expect(r.steps.at(-1)!.dueAt).toBe(at('2026-03-05T09:00'));
    expect(r.events).toEqual([]);
  });

  it('a swapped Saturday counts; the Monday it replaces and Quốc khánh do not', async () => {
    // Thu 20/8: Fri 21, Sat 22 (worked), Mon 24 … Fri 28 (7), Thu 3/9, Fri 4/9, Mon 7/9 (10).
    const r = await ok({ receivedAt: at('2026-08-20T09:00'), events: [] });
    expect(r.dueAt).toBe(at('2026-09-07T09:00'));
    expect(r.steps[0]!.dueAt).toBe(at('2026-08-21T09:00'));
    expect(r.steps[1]!.dueAt).toBe(at('2026-08-22T09:00'));
  });

  it('a closure the province announced (storm, Friday 25/9/2026) is not a working day', async () => {
    const r = await ok({ receivedAt: at('2026-09-24T09:00'), events: [] });
    expect(r.dueAt).toBe(at('2026-10-09T09:00'));
  });

  it('a supplement request within 3 working days of receipt; on the 4th day it is refused; nothing after it counts', async () => {
    const receivedAt = at('2026-02-12T09:00');
    const late = await refused({
      receivedAt,
      events: [{ type: 'supplement_requested', at: at('2026-02-24T10:00') }],
    });
    expect(late).toContain('quá 3 ngày làm việc');
    const r = await ok({
      receivedAt,
      events: [{ type: 'supplement_requested', at: at('2026-02-23T16:00') }],
    });
    expect(r.dueAt).toBeNull();
    expect(r.events[0]).toMatchObject({
      type: 'supplement_requested',
      status: 'processing_supplement',
      clock: 'paused',
      dueAt: null,
      noticeDue: at('2026-02-24T09:00'),
      repeat: 0,
    });
    expect(r.steps.find((s) => s.step === 'appraisal')!.dueAt).toBeNull();
    expect(r.steps[0]!.dueAt).toBe(at('2026-02-13T09:00'));
  });

  it('the complete supplement restarts the clock from zero; a second request needs the reason, and is counted', async () => {
    const receivedAt = at('2026-02-12T09:00');
    const base = [
      { type: 'supplement_requested' as const, at: at('2026-02-23T16:00') },
      { type: 'supplement_submitted' as const, at: at('2026-03-02T10:00') },
    ];
    const r = await ok({ receivedAt, events: base });
    expect(r.dueAt).toBe(at('2026-03-16T10:00'));
    expect(r.events[1]).toMatchObject({
      status: 'in_processing',
      clock: 'running',
      dueAt: at('2026-03-16T10:00'),
    });
    // Appraisal (5 days), approval (2), result (1) again from the restart: 8 working days.
    expect(r.steps.at(-2)!.dueAt).toBe(at('2026-03-12T10:00'));
    expect(r.steps[0]!.dueAt).toBe(at('2026-02-13T09:00'));

    const again = [...base, { type: 'supplement_requested' as const, at: at('2026-03-03T10:00') }];
    expect(await refused({ receivedAt, events: again })).toContain('chỉ yêu cầu bổ sung một lần');
    const withReason = await ok({
      receivedAt,
      events: [...base, { ...again[2]!, reason: 'new_defect_in_supplement' }],
    });
    expect(withReason.events[2]).toMatchObject({ repeat: 1, reason: 'new_defect_in_supplement' });
    // The 3 days run from the restart now: 5/3 10:00 is the limit.
    const tooLate = [...base, { type: 'supplement_requested' as const, at: at('2026-03-05T10:01') }];
    expect(
      await refused({
        receivedAt,
        events: [{ ...tooLate[0]! }, tooLate[1]!, { ...tooLate[2]!, reason: 'new_defect_in_supplement' }],
      }),
    ).toContain('quá 3 ngày');
    // Submitting while the clock runs is refused by the state machine.
    const notAsked = await refused(
      { receivedAt, events: [{ type: 'supplement_submitted', at: at('2026-02-13T09:00') }] },
      'SIMULATION_STATE',
    );
    expect(notAsked).toBe('Hồ sơ giả định đang ở trạng thái “Đang giải quyết”, không thể nộp bổ sung.');
  });

  it('one extension, 1 working day before the deadline at the latest; a late one is recorded and flagged; a second is refused', async () => {
    const receivedAt = at('2026-02-12T09:00'); // due Thu 5/3 09:00; the apology is due Wed 4/3 09:00
    const onTime = await ok({
      receivedAt,
      events: [{ type: 'extended', at: at('2026-03-04T09:00'), workingDays: 2 }],
    });
    expect(onTime.dueAt).toBe(at('2026-03-09T09:00'));
    expect(onTime.events[0]).toMatchObject({
      workingDays: 2,
      previousDue: at('2026-03-05T09:00'),
      late: false,
      dueAt: at('2026-03-09T09:00'),
    });
    const late = await ok({
      receivedAt,
      events: [{ type: 'extended', at: at('2026-03-04T15:00'), workingDays: 2 }],
    });
    expect(late.events[0]).toMatchObject({ late: true, dueAt: at('2026-03-09T09:00') });
    const second = await refused({
      receivedAt,
      events: [
        { type: 'extended', at: at('2026-03-02T09:00'), workingDays: 2 },
        { type: 'extended', at: at('2026-03-03T09:00'), workingDays: 1 },
      ],
    });
    expect(second).toContain('chỉ được gia hạn một lần');
    const noDays = await simulate({ receivedAt, events: [{ type: 'extended', at: at('2026-03-02T09:00') }] });
    expect(noDays.statusCode).toBe(400);
    // While waiting on the applicant there is no appointment to extend.
    await refused(
      {
        receivedAt,
        events: [
          { type: 'supplement_requested', at: at('2026-02-13T09:00') },
          { type: 'extended', at: at('2026-02-23T09:00'), workingDays: 1 },
        ],
      },
      'SIMULATION_STATE',
    );
  });

  it('nothing after the result or a stop; an early result is marked; events out of order are bad input', async () => {
    const receivedAt = at('2026-02-12T09:00');
    const r = await ok({ receivedAt, events: [{ type: 'result', at: at('2026-03-04T10:00') }] });
    expect(r.events[0]).toMatchObject({ status: 'result_ready', clock: 'ended', early: true });
    expect(r.dueAt).toBe(at('2026-03-05T09:00'));
    const after = await refused(
      {
        receivedAt,
        events: [
          { type: 'result', at: at('2026-03-04T10:00') },
          { type: 'extended', at: at('2026-03-04T11:00'), workingDays: 1 },
        ],
      },
      'SIMULATION_STATE',
    );
    expect(after).toBe('Hồ sơ giả định đang ở trạng thái “Có kết quả, chờ trả”, không thể gia hạn.');
    const stopped = await ok({ receivedAt, events: [{ type: 'stopped', at: at('2026-02-13T10:00') }] });
    expect(stopped.events[0]).toMatchObject({ status: 'stopped', clock: 'ended' });
    await refused(
      {
        receivedAt,
        events: [
          { type: 'stopped', at: at('2026-02-13T10:00') },
          { type: 'result', at: at('2026-02-13T11:00') },
        ],
      },
      'SIMULATION_STATE',
    );
    const backwards = await simulate({
      receivedAt,
      events: [{ type: 'result', at: at('2026-02-11T10:00') }],
    });
    expect(backwards.statusCode).toBe(400);
    const en = await f.inject(
      null,
      'POST',
      '/api/procedures/1.004227/simulate',
      { receivedAt, events: [{ type: 'supplement_requested', at: at('2026-02-24T10:00') }] },
      { 'accept-language': 'en' },
    );
    expect(en.json().message).toContain('more than 3 working days after receipt');
    expect((await simulate({ receivedAt, events: [] }, null, '', '9.999999')).statusCode).toBe(404);
    // The calendar holds a few years: a receipt more than 2 years from now, or an event 2 years after it, is refused.
    const far = await simulate({ receivedAt: '9999-12-31T09:00:00+07:00', events: [] });
    expect(far.statusCode).toBe(400);
    expect(far.json().message).toContain('trong vòng 2 năm');
    const later = await simulate({
      receivedAt,
      events: [{ type: 'stopped', at: '2028-03-01T09:00:00+07:00' }],
    });
    expect(later.statusCode).toBe(400);
  });

  it('sameness: a live dossier through the actions and the same sequence through simulate give the same dates', async () => {
    const sttt = f.agency('STTTT');
    const dept = (
      await f.db.kysely
        .selectFrom('departments')
        .select('id')
        .where('agency_id', '=', sttt)
        .where('name', '=', 'Phòng Bưu chính, Viễn thông')
        .executeTakeFirstOrThrow()
    ).id;
    const staff = async (n: number, roles: Actor['roles']) => {
      const userId = `00000000-0000-4000-a100-${String(n).padStart(12, '0')}`;
      const name = `Cán bộ mô phỏng ${n}`;
      await f.db.kysely
        .insertInto('users')
        .values({
          id: userId,
          kind: 'staff',
          username: `sim.${n}`,
          full_name: name,
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
    const head = await staff(1, ['approver']);
    const specialist = await staff(2, ['specialist']);
    const desk = f.clerk('STTTT');
    const act = (who: Actor, d: TDossierDetail, path: string, body: object = {}) =>
      f.inject(who, 'POST', `/api/processing/dossiers/${d.id}/${path}`, {
        expectedVersion: d.version,
        ...body,
      });

    f.clock.set(at('2026-02-12T09:00'));
    let d = detail(await f.submit(f.citizenA), 201);
    d = detail(
      await f.inject(desk, 'POST', `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: d.version }),
    );
    const receivedAt = d.receivedAt!;
    d = detail(await act(head, d, 'assign', { handlerId: specialist.userId }));
    f.clock.set(at('2026-02-23T15:00'));
    const items = [
      { component: 'Đề án hoạt động', problem: 'missing', reason: 'Chưa có', guidance: 'Nộp đề án' },
    ];
    d = detail(await act(specialist, d, 'request-supplement', { items }));
    f.clock.set(at('2026-03-02T10:00'));
    const file = await f.upload(f.citizenA);
    d = detail(
      await f.inject(f.citizenA, 'POST', `/api/dossiers/${d.id}/supplement`, {
        expectedVersion: d.version,
        attachments: [{ componentCode: 'de-an', fileIds: [file.id] }],
      }),
    );
    const restarted = d.appointmentAt;
    f.clock.set(at('2026-03-13T16:00')); // later than 1 working day before Mon 16/3 10:00: late
    d = detail(await act(specialist, d, 'extend', { workingDays: 3, reason: 'Cần xác minh thêm.' }));

    const sim = await ok({
      receivedAt,
      events: [
        { type: 'supplement_requested', at: at('2026-02-23T15:00') },
        { type: 'supplement_submitted', at: at('2026-03-02T10:00') },
        { type: 'extended', at: at('2026-03-13T16:00'), workingDays: 3 },
      ],
    });
    expect(sim.events[1]!.dueAt).toBe(restarted);
    expect(sim.dueAt).toBe(d.appointmentAt);
    expect(sim.dueAt).toBe(at('2026-03-19T10:00'));
    expect(sim.events[2]!.late).toBe(d.events.at(-1)!.data.late);
    expect(sim.events[2]!.late).toBe(true);
  });

  it('a draft version: catalogue editors may simulate it with ?version; other staff 403, anonymous 404', async () => {
    const editor = actor({ kind: 'staff', roles: ['catalogue_editor'] });
    const created = await f.inject(
      editor,
      'POST',
      '/api/admin/procedures',
      sampleProcedure({ code: 'P.SIM', processingTime: { unit: 'working_days', value: 5 } }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const versionId = created.json<{ versionId: string }>().versionId;
    const body = { receivedAt: at('2026-02-12T09:00'), events: [] };
    const r = await simulate(body, editor, `?version=${versionId}`, 'P.SIM');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<TSimulateResponse>().dueAt).toBe(at('2026-02-26T09:00')); // 13/2, 23–26/2
    expect((await simulate(body, f.clerk('SXD'), `?version=${versionId}`, 'P.SIM')).statusCode).toBe(403);
    expect((await simulate(body, null, `?version=${versionId}`, 'P.SIM')).statusCode).toBe(404);
    expect((await simulate(body, null, '', 'P.SIM')).statusCode).toBe(404); // not published: nothing public
    // The draft's own workflow applies: a 5-working-day supplement limit (specialised law) instead of 3.
    const late: TSimulateRequest = {
      receivedAt: body.receivedAt,
      events: [{ type: 'supplement_requested', at: at('2026-02-25T10:00') }],
    };
    expect((await simulate(late, editor, `?version=${versionId}`, 'P.SIM')).statusCode).toBe(422);
    const workflow = { ...defaultWorkflow({ unit: 'working_days', value: 5 }), supplementNoticeDays: 5 };
    expect((await f.inject(editor, 'PUT', '/api/admin/procedures/P.SIM/workflow', workflow)).statusCode).toBe(
      200,
    );
    const within = await simulate(late, editor, `?version=${versionId}`, 'P.SIM');
    expect(within.statusCode, within.body).toBe(200);
    expect(within.json<TSimulateResponse>().events[0]!.noticeDue).toBe(at('2026-02-26T09:00'));
    // Another procedure's version is not this one's.
    expect((await simulate(body, editor, `?version=${versionId}`, '1.004227')).statusCode).toBe(404);
  });
});
