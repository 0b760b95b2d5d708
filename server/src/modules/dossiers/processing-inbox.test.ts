import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { TAssigneeList, TChaseList, TDossierDetail, TInboxPage } from '@motcua/contracts';
import type { Actor } from '../../http/auth';
import { actor } from '../../test/harness';
import { loadDemoCalendar } from '../calendar/calendar.demo';
import { detail, intakeFixture } from './dossiers.test-helpers';

// Literal dates, Việt Nam time, on the 2026 official calendar: Tết 16–20/2/2026 (Monday–Friday); working hours
// 07–11, 13–17; Saturday 22/8/2026 is worked in exchange for Monday 31/8/2026. Procedure 1.004227: 10 working days,
// default workflow — assignment 8 working hours, appraisal 48, approval 16, result to the desk 8.
const at = (local: string) => `${local}:00.000+07:00`;

describe('the office inbox, the assignee picker and the chase list (issue 12)', async () => {
  const f = await intakeFixture();
  await f.db.kysely.transaction().execute((trx) => loadDemoCalendar(trx, f.clock.now()));
  const sttt = f.agency('STTTT');
  const departments = await f.db.kysely
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('agency_id', '=', sttt)
    .execute();
  const dept = departments.find((d) => d.name === 'Phòng Bưu chính, Viễn thông')!.id;
  const otherDept = departments.find((d) => d.id !== dept)!.id;
  const staff = async (
    n: number,
    name: string,
    roles: Actor['roles'],
    departmentId: string | null,
    agencyId = sttt,
  ) => {
    const userId = `00000000-0000-4000-a100-${String(n).padStart(12, '0')}`;
    await f.db.kysely
      .insertInto('users')
      .values({
        id: userId,
        kind: 'staff',
        username: `inbox.${n}`,
        full_name: name,
        email: `inbox.${n}@anhoa.gov.vn`,
        agency_id: agencyId,
        department_id: departmentId,
        status: 'active',
      })
      .execute();
    await f.db.kysely
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
    return actor({ kind: 'staff', userId, name, roles, agencyId });
  };
  const head = await staff(1, 'Trưởng phòng BCVT', ['approver'], dept);
  const specialist = await staff(2, 'Chuyên viên Một', ['specialist'], dept);
  const other = await staff(3, 'Chuyên viên Hai', ['specialist'], dept);
  await staff(4, 'Chuyên viên phòng khác', ['specialist'], otherDept);
  const outsider = await staff(5, 'Chuyên viên Sở Xây dựng', ['specialist'], null, f.agency('SXD'));
  const desk = f.clerk('STTTT');

  const received = async (local: string) => {
    f.clock.set(at(local));
    const d = detail(await f.submit(f.citizenA), 201);
    return detail(
      await f.inject(desk, 'POST', `/api/reception/dossiers/${d.id}/accept`, { expectedVersion: d.version }),
    );
  };
  const assign = async (d: TDossierDetail, who: Actor) =>
    detail(
      await f.inject(head, 'POST', `/api/processing/dossiers/${d.id}/assign`, {
        expectedVersion: d.version,
        handlerId: who.userId,
      }),
    );
  const inbox = async (who: Actor, query = '') => {
    const res = await f.inject(who, 'GET', `/api/processing/inbox${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TInboxPage>();
  };
  const ids = (p: TInboxPage) => p.items.map((i) => i.id);

  // Friday 13/2/2026, the last working day before Tết: a at 10:00 (assignment due Monday 23/2 10:00), b at 11:00
  // (due 23/2 13:00 — the lunch break is not working time), c at 09:00 (due 23/2 09:00), assigned to the specialist.
  const a = await received('2026-02-13T10:00');
  const b = await received('2026-02-13T11:00');
  let c = await received('2026-02-13T09:00');
  f.clock.set(at('2026-02-13T10:30'));
  c = await assign(c, specialist);

  it('scopes: the head sees the unassigned of the department, the specialist what is assigned to them', async () => {
    const mine = await inbox(head);
    expect(ids(mine)).toEqual([a.id, b.id]);
    expect(mine.items[0]).toMatchObject({
      code: a.code,
      procedure: { code: '1.004227' },
      applicantName: 'Nguyễn Văn An',
      step: {
        key: 'assignment',
        name: { vi: 'Phân công xử lý' },
        role: 'approver',
        dueAt: at('2026-02-23T10:00'),
      },
      appointmentAt: a.appointmentAt,
      handler: null,
    });
    expect(mine.counts).toEqual({ total: 2, overdue: 0, dueSoon: 1, unassigned: 2 });

    const spec = await inbox(specialist);
    expect(ids(spec)).toEqual([c.id]);
    expect(spec.items[0]).toMatchObject({
      step: { key: 'appraisal', role: 'specialist' },
      handler: { id: specialist.userId, name: 'Chuyên viên Một' },
    });
    expect(spec.counts).toMatchObject({ total: 1, unassigned: 0 });
    expect(ids(await inbox(other))).toEqual([]);

    // The department and the agency: everything running, by step due time; another department sees none of it.
    expect(ids(await inbox(other, 'scope=department'))).toEqual([a.id, b.id, c.id]);
    expect(ids(await inbox(desk, 'scope=agency'))).toEqual([a.id, b.id, c.id]);
    expect(ids(await inbox(outsider, 'scope=agency'))).toEqual([]);
    const elsewhere = actor({ ...specialist, userId: '00000000-0000-4000-a100-000000000004' });
    expect(ids(await inbox(elsewhere, 'scope=department'))).toEqual([]);

    // Only the agency's staff: a citizen is refused, a clerk without a department has no department scope.
    expect((await f.inject(f.citizenA, 'GET', '/api/processing/inbox')).statusCode).toBe(403);
    expect((await f.inject(null, 'GET', '/api/processing/inbox')).statusCode).toBe(401);
    const noDept = await f.inject(desk, 'GET', '/api/processing/inbox?scope=department');
    expect(noDept.statusCode).toBe(403);
    expect(noDept.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await f.inject(head, 'GET', '/api/processing/inbox?scope=all')).statusCode).toBe(400);
    expect((await f.inject(head, 'GET', '/api/processing/inbox?cursor=xyz')).statusCode).toBe(400);
    const feb30 = Buffer.from(JSON.stringify(['2026-02-30T03:00:00.000000Z', a.id])).toString('base64url');
    const bad = await f.inject(head, 'GET', `/api/processing/inbox?cursor=${feb30}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('due soon is one working day on the calendar: across Tết, a step due 10 days later is due soon', async () => {
    // Friday 13/2 10:30 + one working day = Monday 23/2 10:30: a (23/2 10:00) is due soon, b (23/2 13:00) not yet.
    f.clock.set(at('2026-02-13T10:30'));
    let p = await inbox(head);
    expect(p.dueSoonUntil).toBe(at('2026-02-23T10:30'));
    expect(p.items.map((i) => [i.dueSoon, i.overdue])).toEqual([
      [true, false],
      [false, false],
    ]);
    expect(ids(await inbox(head, 'due=soon'))).toEqual([a.id]);
    expect(ids(await inbox(head, 'due=overdue'))).toEqual([]);

    // Monday 23/2 10:01: a is overdue, b due soon.
    f.clock.set(at('2026-02-23T10:01'));
    p = await inbox(head);
    expect(p.items.map((i) => [i.dueSoon, i.overdue])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(p.counts).toEqual({ total: 2, overdue: 1, dueSoon: 1, unassigned: 2 });
    expect(ids(await inbox(head, 'due=overdue'))).toEqual([a.id]);
    expect(ids(await inbox(head, 'due=soon'))).toEqual([b.id]);
  });

  it('a swapped Saturday is a working day: a step due on Saturday 22/8/2026 is overdue that morning', async () => {
    // Friday 21/8/2026 16:00 + 8 working hours = Saturday 22/8 16:00 (worked in exchange for Monday 31/8).
    const d = await received('2026-08-21T16:00');
    expect(d.processing?.currentStep?.dueAt).toBe(at('2026-08-22T16:00'));
    f.clock.set(at('2026-08-22T16:30'));
    const p = await inbox(head, 'step=assignment&due=overdue');
    expect(ids(p)).toContain(d.id);
    f.clock.set(at('2026-08-22T08:00'));
    expect((await inbox(head, 'due=soon')).items.find((i) => i.id === d.id)).toMatchObject({ dueSoon: true });
  });

  it('keyset pages: every dossier once, in order, across pages; filters by procedure, step and status', async () => {
    f.clock.set(at('2026-02-13T10:30'));
    // Due times finer than a millisecond (the database keeps microseconds): the cursor must not repeat a row.
    await sql`UPDATE dossiers SET step_due_at = step_due_at + interval '123 microseconds' WHERE id IN (${a.id}, ${c.id})`.execute(
      f.db.kysely,
    );
    const all = await inbox(desk, 'scope=agency&limit=100');
    expect(all.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p: TInboxPage = await inbox(
        desk,
        `scope=agency&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(p.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(p));
      cursor = p.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(ids(all));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(seen.length / 2));
    const dues = all.items.map((i) => i.step.dueAt);
    expect([...dues].sort((x, y) => Date.parse(x) - Date.parse(y))).toEqual(dues);

    expect(ids(await inbox(desk, 'scope=agency&step=appraisal'))).toEqual([c.id]);
    expect(ids(await inbox(desk, 'scope=agency&procedure=2.000908'))).toEqual([]);
    expect((await inbox(desk, 'scope=agency&procedure=1.004227')).items.length).toBe(all.items.length);
    expect((await inbox(desk, 'scope=agency&status=in_processing')).items.length).toBe(all.items.length);
    expect(ids(await inbox(desk, 'scope=agency&status=received'))).toEqual([]);
  });

  it('the assignee picker: the specialists of the responsible department, for the head only', async () => {
    f.clock.set(at('2026-02-13T10:30'));
    const res = await f.inject(head, 'GET', `/api/processing/dossiers/${a.id}/assignees`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<TAssigneeList>();
    expect(list.step).toMatchObject({ key: 'appraisal', name: { vi: 'Thẩm định hồ sơ' } });
    expect(list.items).toEqual([
      { id: other.userId, name: 'Chuyên viên Hai', activeSteps: 0 },
      { id: specialist.userId, name: 'Chuyên viên Một', activeSteps: 1 },
    ]);
    // A reassignment at the appraisal step: the same people.
    const re = await f.inject(head, 'GET', `/api/processing/dossiers/${c.id}/assignees`);
    expect(re.json<TAssigneeList>().items.map((i) => i.id)).toEqual([other.userId, specialist.userId]);
    const bySpecialist = await f.inject(specialist, 'GET', `/api/processing/dossiers/${a.id}/assignees`);
    expect(bySpecialist.statusCode).toBe(403);
    const outside = actor({ ...head, agencyId: f.agency('SXD') });
    expect((await f.inject(outside, 'GET', `/api/processing/dossiers/${a.id}/assignees`)).statusCode).toBe(
      404,
    );
  });

  it("the desk's chase list: its dossiers due within a working day or late against the appointment", async () => {
    // Appointments: c 9:00, a 10:00, b 11:00 on Friday 6/3/2026 (10 working days after 13/2, Tết skipped).
    expect([c.appointmentAt, a.appointmentAt, b.appointmentAt]).toEqual([
      at('2026-03-06T09:00'),
      at('2026-03-06T10:00'),
      at('2026-03-06T11:00'),
    ]);
    f.clock.set(at('2026-03-05T09:30'));
    const chase = async () => {
      const res = await f.inject(desk, 'GET', '/api/processing/chase');
      expect(res.statusCode, res.body).toBe(200);
      return res.json<TChaseList>();
    };
    // Thursday 5/3 09:30 + one working day = Friday 6/3 09:30: only c.
    let list = await chase();
    expect(list.items.map((i) => i.id)).toEqual([c.id]);
    expect(list.items[0]).toMatchObject({
      overdue: false,
      step: { key: 'appraisal' },
      holdingAgency: { id: sttt },
      holdingDepartment: { id: dept, name: 'Phòng Bưu chính, Viễn thông' },
      handler: { id: specialist.userId, name: 'Chuyên viên Một' },
    });
    f.clock.set(at('2026-03-06T10:30'));
    list = await chase();
    expect(list.items.map((i) => [i.id, i.overdue])).toEqual([
      [c.id, true],
      [a.id, true],
      [b.id, false],
    ]);
    expect((await f.inject(specialist, 'GET', '/api/processing/chase')).statusCode).toBe(403);
    const sxdDesk = await f.inject(f.clerk('SXD'), 'GET', '/api/processing/chase');
    expect(sxdDesk.json<TChaseList>().items).toEqual([]);
  });
});
