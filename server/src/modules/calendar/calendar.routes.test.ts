import { beforeAll, describe, expect, it } from 'vitest';
import { actor, asActor, createDemoDb, createTestApp, type TestApp } from '../../test/harness';

let t: TestApp;

async function deadline(query: string, unit = '99', app = t.app) {
  const res = await app.inject({ method: 'GET', url: `/api/calendar/${unit}/deadline?${query}` });
  return {
    status: res.statusCode,
    body: res.json() as { deadline?: string; code?: string; message?: string },
  };
}
const due = async (query: string, unit = '99', app = t.app) =>
  (await deadline(query, unit, app)).body.deadline;
const enc = encodeURIComponent;

beforeAll(async () => {
  t = await createTestApp({}, await createDemoDb());
});

describe('GET /api/calendar/{unitCode}/deadline', () => {
  it('hours mode (default): Monday 09:00 + 3 working days is Thursday 09:00, shown with +07:00', async () => {
    expect(await due(`from=${enc('2026-03-02T09:00:00+07:00')}&workingDays=3`)).toBe(
      '2026-03-05T09:00:00+07:00',
    );
    // The same instant given in UTC gives the same answer.
    expect(await due(`from=2026-03-02T02:00:00Z&workingDays=3`)).toBe('2026-03-05T09:00:00+07:00');
  });

  it('civil mode: the day of the event is not counted, the limit ends at the close of the Nth day', async () => {
    expect(await due(`from=${enc('2026-03-02T09:00:00+07:00')}&workingDays=3&mode=civil`)).toBe(
      '2026-03-05T17:00:00+07:00',
    );
  });

  it('a deadline exactly at the end of the working day is 17:00, not the next morning', async () => {
    expect(await due(`from=${enc('2026-03-02T09:00:00+07:00')}&workingHours=6`)).toBe(
      '2026-03-02T17:00:00+07:00',
    );
    expect(await due(`from=${enc('2026-03-02T13:00:00+07:00')}&workingHours=4`)).toBe(
      '2026-03-02T17:00:00+07:00',
    );
  });

  it('a "+" left unencoded in the URL (arriving as a space) still reads as the offset', async () => {
    expect(await due('from=2026-03-02T09:00:00+07:00&workingHours=1')).toBe('2026-03-02T10:00:00+07:00');
  });

  it('skips Tết 2026 (Monday 16/2 – Friday 20/2) from the official schedule', async () => {
    expect(await due(`from=${enc('2026-02-13T16:00:00+07:00')}&workingHours=2`)).toBe(
      '2026-02-23T08:00:00+07:00',
    );
  });

  it('counts the swapped Saturday 22/8/2026 as working and Monday 31/8 as off', async () => {
    expect(await due(`from=${enc('2026-08-21T16:00:00+07:00')}&workingHours=2`)).toBe(
      '2026-08-22T08:00:00+07:00',
    );
    expect(await due(`from=${enc('2026-08-28T16:00:00+07:00')}&workingHours=2`)).toBe(
      '2026-09-03T08:00:00+07:00',
    );
  });

  it('Saturday reception of a unit does not count as working time', async () => {
    // Xã Tân Phú (99001) receives on Saturday 7/3/2026 (demo data); the clock still jumps to Monday.
    expect(await due(`from=${enc('2026-03-06T16:00:00+07:00')}&workingHours=2`, '99001')).toBe(
      '2026-03-09T08:00:00+07:00',
    );
  });

  it('a province closure applies to its communes (demo: 25/9/2026 in Tỉnh An Hòa)', async () => {
    const q = `from=${enc('2026-09-24T16:00:00+07:00')}&workingHours=2`;
    expect(await due(q, '99')).toBe('2026-09-28T08:00:00+07:00');
    expect(await due(q, '99002')).toBe('2026-09-28T08:00:00+07:00');
  });

  it.each([
    ['bad ISO', 'from=yesterday&workingHours=1', /ISO 8601/],
    ['no offset', 'from=2026-03-02T09:00:00&workingHours=1', /offset/],
    ['negative', `from=${enc('2026-03-02T09:00:00+07:00')}&workingHours=-1`, /non-negative/],
    ['not a number', `from=${enc('2026-03-02T09:00:00+07:00')}&workingDays=abc`, /non-negative/],
    ['both', `from=${enc('2026-03-02T09:00:00+07:00')}&workingHours=1&workingDays=1`, /exactly one/],
    ['neither', `from=${enc('2026-03-02T09:00:00+07:00')}`, /exactly one/],
    ['bad mode', `from=${enc('2026-03-02T09:00:00+07:00')}&workingDays=1&mode=weeks`, /mode/],
    ['civil fraction', `from=${enc('2026-03-02T09:00:00+07:00')}&workingDays=0.5&mode=civil`, /whole/],
  ])('rejects %s with a 400 in Vietnamese and English', async (_name, query, en) => {
    const vi = await t.app.inject({ method: 'GET', url: `/api/calendar/99/deadline?${query}` });
    expect(vi.statusCode).toBe(400);
    expect(vi.json()).toMatchObject({ code: 'BAD_REQUEST' });
    expect((vi.json() as { message: string }).message).toMatch(/Yêu cầu không hợp lệ/);
    const eng = await t.app.inject({
      method: 'GET',
      url: `/api/calendar/99/deadline?${query}`,
      headers: { 'accept-language': 'en' },
    });
    expect((eng.json() as { message: string }).message).toMatch(en);
  });

  it('unknown unit → 404', async () => {
    const r = await deadline(`from=${enc('2026-03-02T09:00:00+07:00')}&workingHours=1`, '12345');
    expect(r.status).toBe(404);
    expect(r.body.message).toContain('12345');
  });
});

describe('GET /api/calendar/{unitCode}/days', () => {
  it('lists every day of the year with kind, hours and reason', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/calendar/99001/days?year=2026' });
    expect(res.statusCode).toBe(200);
    const { days } = res.json() as { days: Array<Record<string, unknown>> };
    expect(days).toHaveLength(365);
    const day = (d: string) => days.find((x) => x.date === d);
    expect(day('2026-02-16')).toMatchObject({
      kind: 'non_working',
      source: 'holiday',
      reason: 'Tết Nguyên đán',
    });
    expect(day('2026-08-22')).toMatchObject({
      kind: 'working',
      source: 'swapped_working',
      workingMinutes: 480,
    });
    expect(day('2026-03-07')).toMatchObject({
      kind: 'reception_only',
      reason: 'Tiếp nhận hồ sơ sáng thứ Bảy',
      reception: [{ start: '07:30', end: '11:30' }],
    });
    expect(day('2026-03-09')).toMatchObject({ kind: 'working', weekday: 'mon', reason: null });
    expect(day('2026-03-08')).toMatchObject({ kind: 'non_working', source: 'rest' });
  });

  it('rejects a bad year', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/calendar/99/days?year=abc' });
    expect(res.statusCode).toBe(400);
  });
});

describe('admin: access', () => {
  it.each([
    ['GET', '/api/admin/calendar/units/99'],
    ['PUT', '/api/admin/calendar/units/99/hours'],
    ['POST', '/api/admin/calendar/units/99/days'],
    ['DELETE', '/api/admin/calendar/units/99/days/2026-09-25'],
    ['GET', '/api/admin/calendar/schedules'],
    ['PUT', '/api/admin/calendar/schedules/2026'],
    ['DELETE', '/api/admin/calendar/schedules/2026'],
    ['PUT', '/api/admin/calendar/settings'],
  ] as const)('%s %s: 401 anonymous, 403 for other staff and citizens', async (method, url) => {
    expect((await t.app.inject({ method, url, payload: {} })).statusCode).toBe(401);
    for (const who of [
      actor({ kind: 'staff', roles: ['reception_officer', 'unit_admin'] }),
      actor({ kind: 'citizen' }),
    ]) {
      expect((await t.app.inject({ method, url, payload: {}, headers: asActor(who) })).statusCode).toBe(403);
    }
  });
});
