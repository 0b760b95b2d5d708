import { beforeAll, describe, expect, it } from 'vitest';
import { actor, asActor, createDemoDb, createTestApp, type TestApp } from '../../test/harness';
import { DEFAULT_WEEKLY_HOURS, type WeeklyHours } from '.';
import { getCalendarForAgency, getCalendarForUnit } from './calendar.service';
import { addWorkingHours, localDateTime } from '.';
import { OFFICIAL_SCHEDULE_2026 } from './calendar.demo';

const headers = asActor(actor({ kind: 'staff', roles: ['system_admin'], name: 'Quản trị hệ thống' }));
let t: TestApp;
const enc = encodeURIComponent;

async function due(query: string, unit: string, app = t.app) {
  const res = await app.inject({ method: 'GET', url: `/api/calendar/${unit}/deadline?${query}` });
  return (res.json() as { deadline: string }).deadline;
}
async function auditActions(): Promise<string[]> {
  const rows = await t.db.kysely.selectFrom('audit_log').select('action').orderBy('seq').execute();
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  t = await createTestApp({}, await createDemoDb());
});

const LATE: WeeklyHours = {
  ...DEFAULT_WEEKLY_HOURS,
  ...Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [
      d,
      {
        work: [
          { start: '07:30', end: '11:30' },
          { start: '13:30', end: '17:30' },
        ],
        reception: [
          { start: '07:30', end: '11:00' },
          { start: '13:30', end: '17:00' },
        ],
      },
    ]),
  ),
} as WeeklyHours;

describe('weekly hours: inheritance and override', () => {
  const q = `from=${enc('2026-03-02T16:30:00+07:00')}&workingHours=1`;

  it('a commune inherits its province’s hours until it sets its own', async () => {
    expect(await due(q, '99001')).toBe('2026-03-03T07:30:00+07:00');
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/units/99/hours',
      headers,
      payload: { weekly: LATE },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ inheritedFrom: null, ownWeekly: { mon: LATE.mon } });
    // 16:30 + 1h in 07:30–17:30 hours is 17:30 the same day, for the province and its commune.
    expect(await due(q, '99')).toBe('2026-03-02T17:30:00+07:00');
    expect(await due(q, '99001')).toBe('2026-03-02T17:30:00+07:00');
    const view = await t.app.inject({ method: 'GET', url: '/api/admin/calendar/units/99001', headers });
    expect(view.json()).toMatchObject({ inheritedFrom: '99', ownWeekly: null, weekly: { mon: LATE.mon } });

    const own = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/units/99001/hours',
      headers,
      payload: { weekly: DEFAULT_WEEKLY_HOURS },
    });
    expect(own.statusCode).toBe(200);
    expect(await due(q, '99001')).toBe('2026-03-03T07:30:00+07:00');
    expect(await due(q, '99')).toBe('2026-03-02T17:30:00+07:00');

    const back = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/units/99001/hours',
      headers,
      payload: { weekly: null },
    });
    expect(back.json()).toMatchObject({ inheritedFrom: '99', ownWeekly: null });
    expect(await due(q, '99001')).toBe('2026-03-02T17:30:00+07:00');
    // Reset the province for the other tests.
    await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/units/99/hours',
      headers,
      payload: { weekly: null },
    });
    expect(await due(q, '99001')).toBe('2026-03-03T07:30:00+07:00');
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['calendar.hours_set', 'calendar.hours_inherited']),
    );
  });

  it('rejects overlapping or malformed hours with a 400 and changes nothing', async () => {
    const bad = {
      ...DEFAULT_WEEKLY_HOURS,
      mon: { work: [{ start: '13:00', end: '11:00' }], reception: [] },
    };
    const before = await auditActions();
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/units/99/hours',
      headers: { ...headers, 'accept-language': 'en' },
      payload: { weekly: bad },
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { message: string }).message).toMatch(/ascending/);
    const malformed = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/units/99/hours',
      headers,
      payload: {
        weekly: { ...DEFAULT_WEEKLY_HOURS, tue: { work: [{ start: '7:00', end: '11:00' }], reception: [] } },
      },
    });
    expect(malformed.statusCode).toBe(400);
    // A week without working time would make every deadline computation loop for ever (found by the fuzz test).
    const none = { work: [], reception: [] };
    const idle = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/units/99/hours',
      headers,
      payload: { weekly: Object.fromEntries(Object.keys(DEFAULT_WEEKLY_HOURS).map((d) => [d, none])) },
    });
    expect(idle.statusCode, idle.body).toBe(400);
    expect(idle.json<{ message: string }>().message).toBe(
      'Dữ liệu không hợp lệ: Giờ làm việc không hợp lệ: cả tuần không có giờ làm việc nào.',
    );
    expect(await auditActions()).toEqual(before);
    const view = await t.app.inject({ method: 'GET', url: '/api/admin/calendar/units/99', headers });
    expect(view.json()).toMatchObject({ ownWeekly: null });
  });
});

describe('unit closures and working/reception days', () => {
  const q = `from=${enc('2026-03-09T16:00:00+07:00')}&workingHours=2`;

  it('a closure moves a deadline; removing it moves it back', async () => {
    expect(await due(q, '99002')).toBe('2026-03-10T08:00:00+07:00');
    const add = await t.app.inject({
      method: 'POST',
      url: '/api/admin/calendar/units/99002/days',
      headers,
      payload: { date: '2026-03-10', kind: 'closed', reason: 'Sự cố mất điện tại trụ sở' },
    });
    expect(add.statusCode).toBe(201);
    expect(add.json()).toMatchObject({ unitCode: '99002', kind: 'closed', announcedBy: 'Quản trị hệ thống' });
    expect(await due(q, '99002')).toBe('2026-03-11T08:00:00+07:00');
    expect(await due(q, '99001')).toBe('2026-03-10T08:00:00+07:00'); // a sibling is not affected

    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/admin/calendar/units/99002/days',
      headers,
      payload: { date: '2026-03-10', kind: 'closed', reason: 'Lần nữa' },
    });
    expect(dup.statusCode).toBe(409);

    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/admin/calendar/units/99002/days/2026-03-10',
      headers,
    });
    expect(del.statusCode).toBe(204);
    expect(await due(q, '99002')).toBe('2026-03-10T08:00:00+07:00');
    const again = await t.app.inject({
      method: 'DELETE',
      url: '/api/admin/calendar/units/99002/days/2026-03-10',
      headers,
    });
    expect(again.statusCode).toBe(404);
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['calendar.unit_day_added', 'calendar.unit_day_removed']),
    );
  });

  it('an extra working Saturday counts; a reception Saturday does not', async () => {
    const fri = `from=${enc('2026-03-13T16:00:00+07:00')}&workingHours=2`;
    await t.app.inject({
      method: 'POST',
      url: '/api/admin/calendar/units/99002/days',
      headers,
      payload: { date: '2026-03-14', kind: 'reception', reason: 'Tiếp nhận thứ Bảy' },
    });
    expect(await due(fri, '99002')).toBe('2026-03-16T08:00:00+07:00');
    const days = await t.app.inject({ method: 'GET', url: '/api/calendar/99002/days?year=2026' });
    const sat = (days.json() as { days: Array<{ date: string }> }).days.find((d) => d.date === '2026-03-14');
    expect(sat).toMatchObject({
      kind: 'reception_only',
      reception: [
        { start: '07:00', end: '10:30' },
        { start: '13:00', end: '16:30' },
      ],
    });

    await t.app.inject({
      method: 'POST',
      url: '/api/admin/calendar/units/99002/days',
      headers,
      payload: { date: '2026-03-21', kind: 'working', reason: 'Làm việc thứ Bảy' },
    });
    expect(await due(`from=${enc('2026-03-20T16:00:00+07:00')}&workingHours=2`, '99002')).toBe(
      '2026-03-21T08:00:00+07:00',
    );
  });

  it('honours Idempotency-Key: a retry returns the first answer and adds nothing twice', async () => {
    const req = {
      method: 'POST' as const,
      url: '/api/admin/calendar/units/99002/days',
      headers: { ...headers, 'idempotency-key': 'cal-day-2026-05-20' },
      payload: { date: '2026-05-20', kind: 'closed', reason: 'Tổng vệ sinh trụ sở' },
    };
    const first = await t.app.inject(req);
    const again = await t.app.inject(req);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const rows = await t.db.kysely
      .selectFrom('calendar_unit_days')
      .select('date')
      .where('date', '=', '2026-05-20')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('rejects bad input', async () => {
    for (const payload of [
      { date: '2026-02-30', kind: 'closed', reason: 'x' },
      { date: '2026-03-10', kind: 'holiday', reason: 'x' },
      { date: '2026-03-10', kind: 'closed', reason: '' },
      {
        date: '2026-03-10',
        kind: 'reception',
        reason: 'x',
        hours: { reception: [{ start: '11:00', end: '10:00' }] },
      },
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/admin/calendar/units/99002/days',
        headers,
        payload,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/admin/calendar/units/00000/days',
      headers,
      payload: { date: '2026-03-10', kind: 'closed', reason: 'x' },
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('official schedule import', () => {
  const q = `from=${enc('2026-08-28T16:00:00+07:00')}&workingHours=2`;

  it('without the official 2026 schedule the generated holidays apply; importing it overrides them', async () => {
    const del = await t.app.inject({ method: 'DELETE', url: '/api/admin/calendar/schedules/2026', headers });
    expect(del.statusCode).toBe(204);
    // Generated: Monday 31/8 is a working day, Saturday 22/8 is not.
    expect(await due(q, '99')).toBe('2026-08-31T08:00:00+07:00');
    expect(await due(`from=${enc('2026-08-21T16:00:00+07:00')}&workingHours=2`, '99')).toBe(
      '2026-08-24T08:00:00+07:00',
    );

    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/schedules/2026',
      headers,
      payload: OFFICIAL_SCHEDULE_2026,
    });
    expect(put.statusCode).toBe(200);
    expect(await due(q, '99')).toBe('2026-09-03T08:00:00+07:00');
    expect(await due(`from=${enc('2026-08-21T16:00:00+07:00')}&workingHours=2`, '99')).toBe(
      '2026-08-22T08:00:00+07:00',
    );

    const list = await t.app.inject({ method: 'GET', url: '/api/admin/calendar/schedules', headers });
    expect((list.json() as { items: Array<{ year: number }> }).items.map((i) => i.year)).toEqual([
      2025, 2026,
    ]);
    const one = await t.app.inject({ method: 'GET', url: '/api/admin/calendar/schedules/2026', headers });
    expect(one.json()).toEqual(OFFICIAL_SCHEDULE_2026);
  });

  it('a re-import of a year replaces it and is audited with the previous version', async () => {
    const extra = {
      ...OFFICIAL_SCHEDULE_2026,
      daysOff: [...OFFICIAL_SCHEDULE_2026.daysOff, { date: '2026-03-10', reason: 'Ngày nghỉ bổ sung' }],
    };
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/schedules/2026',
      headers,
      payload: extra,
    });
    expect(put.statusCode).toBe(200);
    expect(await due(`from=${enc('2026-03-09T16:00:00+07:00')}&workingHours=2`, '99')).toBe(
      '2026-03-11T08:00:00+07:00',
    );
    const row = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'calendar.schedule_replaced')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.details).toHaveProperty('previous');
    await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/schedules/2026',
      headers,
      payload: OFFICIAL_SCHEDULE_2026,
    });
    expect(await due(`from=${enc('2026-03-09T16:00:00+07:00')}&workingHours=2`, '99')).toBe(
      '2026-03-10T08:00:00+07:00',
    );
  });

  it('is all-or-nothing: any error rejects the file, lists every error, and changes nothing', async () => {
    const before = await auditActions();
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/schedules/2026',
      headers,
      payload: {
        year: 2026,
        daysOff: [
          { date: '2026-03-10', reason: 'Hợp lệ' },
          { date: '2026-13-01', reason: 'Tháng sai' },
          { date: '2025-05-01', reason: 'Sai năm' },
        ],
        workingDays: [{ date: '2026-03-14', reason: '' }],
      },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json() as {
      code: string;
      message: string;
      details: Array<{ path: string; vi: string; en: string }>;
    };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.map((d) => d.path)).toEqual([
      'daysOff[1].date',
      'daysOff[2].date',
      'workingDays[0].reason',
    ]);
    expect(body.message).toContain('không thuộc năm 2026');
    expect(await due(`from=${enc('2026-03-09T16:00:00+07:00')}&workingHours=2`, '99')).toBe(
      '2026-03-10T08:00:00+07:00',
    );
    expect(await auditActions()).toEqual(before);

    const mismatch = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/schedules/2027',
      headers,
      payload: OFFICIAL_SCHEDULE_2026,
    });
    expect(mismatch.statusCode).toBe(400);
    const notJson = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/schedules/2026',
      headers,
      payload: [1, 2],
    });
    expect(notJson.statusCode).toBe(400);
  });
});

describe('settings: default day-count mode', () => {
  it('switches the deployment default to civil and back', async () => {
    const q = `from=${enc('2026-03-02T09:00:00+07:00')}&workingDays=3`;
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/settings',
      headers,
      payload: { dayCountMode: 'civil' },
    });
    expect(put.statusCode).toBe(200);
    expect(await due(q, '99')).toBe('2026-03-05T17:00:00+07:00');
    expect(await due(`${q}&mode=hours`, '99')).toBe('2026-03-05T09:00:00+07:00');
    await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/settings',
      headers,
      payload: { dayCountMode: 'hours' },
    });
    expect(await due(q, '99')).toBe('2026-03-05T09:00:00+07:00');
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/settings',
      headers,
      payload: { dayCountMode: 'weeks' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('service functions for other modules', () => {
  it('getCalendarForUnit (id or code) and getCalendarForAgency', async () => {
    const unit = await t.db.kysely
      .selectFrom('units')
      .select('id')
      .where('code', '=', '99001')
      .executeTakeFirstOrThrow();
    const agency = await t.db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('short_name', '=', 'UBNDXTP')
      .executeTakeFirstOrThrow();
    const from = localDateTime('2026-02-13', '16:00');
    for (const cal of [
      await getCalendarForUnit(t.db, '99001'),
      await getCalendarForUnit(t.db, unit.id),
      await getCalendarForAgency(t.db, agency.id),
    ]) {
      expect(addWorkingHours(cal, from, 2).toISOString()).toBe(
        localDateTime('2026-02-23', '08:00').toISOString(),
      );
    }
    // Inside a caller's transaction (one connection on PGlite), pass the transaction.
    const inTrx = await t.db.kysely
      .transaction()
      .execute(async (trx) => getCalendarForAgency(trx, agency.id));
    expect(addWorkingHours(inTrx, from, 2).toISOString()).toBe(
      localDateTime('2026-02-23', '08:00').toISOString(),
    );
    await expect(getCalendarForAgency(t.db, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('two app instances on one database', () => {
  it('an admin change on one instance is seen by the other on its next lookup', async () => {
    const other = await createTestApp({}, t.db);
    const q = `from=${enc('2026-04-06T16:00:00+07:00')}&workingHours=2`;
    // Both instances compile and cache the calendar first.
    expect(await due(q, '99', other.app)).toBe('2026-04-07T08:00:00+07:00');
    expect(await due(q, '99', t.app)).toBe('2026-04-07T08:00:00+07:00');
    const add = await t.app.inject({
      method: 'POST',
      url: '/api/admin/calendar/units/99/days',
      headers,
      payload: { date: '2026-04-07', kind: 'closed', reason: 'Tạm ngừng làm việc' },
    });
    expect(add.statusCode).toBe(201);
    // No waiting: the version stamp makes the cached calendar stale at once.
    expect(await due(q, '99', other.app)).toBe('2026-04-08T08:00:00+07:00');
    expect(await due(q, '99001', other.app)).toBe('2026-04-08T08:00:00+07:00');
  });
});
