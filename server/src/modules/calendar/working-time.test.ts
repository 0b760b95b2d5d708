import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay, parseOfficialSchedule } from './holidays';
import type { OfficialSchedule } from './holidays';
import {
  addWorkingDays,
  addWorkingHours,
  addWorkingMinutes,
  buildCalendar,
  describeDay,
  isReceptionTime,
  isWorkingTime,
  localDateOf,
  localDateTime,
  nextWorkingMoment,
  workingTimeBetween,
} from './working-time';
import type { Calendar } from './working-time';

// The announced 2026 schedule: Tết Mon 16/2 – Fri 20/2; Giỗ Tổ on Sunday 26/4 → Monday 27/4 off;
// 30/4, 1/5; Quốc khánh Tue 1/9 + Wed 2/9, with Monday 31/8 off in exchange for Saturday 22/8.
const parsed = parseOfficialSchedule({
  year: 2026,
  daysOff: [
    { date: '2026-01-01', reason: 'Tết Dương lịch' },
    ...['16', '17', '18', '19', '20'].map((d) => ({ date: `2026-02-${d}`, reason: 'Tết Nguyên đán' })),
    { date: '2026-04-26', reason: 'Giỗ Tổ Hùng Vương' },
    { date: '2026-04-27', reason: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
    { date: '2026-04-30', reason: 'Ngày Chiến thắng' },
    { date: '2026-05-01', reason: 'Ngày Quốc tế lao động' },
    { date: '2026-08-31', reason: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8)' },
    { date: '2026-09-01', reason: 'Quốc khánh' },
    { date: '2026-09-02', reason: 'Quốc khánh' },
  ],
  workingDays: [{ date: '2026-08-22', reason: 'Làm bù cho thứ Hai 31/8' }],
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const OFFICIAL_2026: OfficialSchedule = parsed.schedule;

const cal = buildCalendar({ officialSchedules: [OFFICIAL_2026] });
/** Local wall-clock instant, 'YYYY-MM-DD HH:MM'. */
const L = (s: string): Date => localDateTime(s.slice(0, 10), s.slice(11, 16));
/** Back to local 'YYYY-MM-DD HH:MM' (seconds shown only when present). */
const fmt = (d: Date): string => {
  const local = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  const sec = local.slice(17, 23) === '00.000' ? '' : `:${local.slice(17, 23)}`;
  return `${localDateOf(d)} ${local.slice(11, 16)}${sec}`;
};

describe('calendar model', () => {
  it('resolves days from the official schedule, generated holidays and weekly hours', () => {
    expect(describeDay(cal, '2026-02-16')).toMatchObject({ kind: 'holiday', reason: 'Tết Nguyên đán' });
    expect(describeDay(cal, '2026-08-22')).toMatchObject({
      kind: 'swapped_working',
      reason: 'Làm bù cho thứ Hai 31/8',
    });
    expect(describeDay(cal, '2026-08-31')).toMatchObject({ kind: 'holiday' });
    expect(describeDay(cal, '2026-08-24')).toMatchObject({ kind: 'working', reason: null });
    expect(describeDay(cal, '2026-08-23')).toMatchObject({ kind: 'rest' });
    // 2027 has no official schedule: the generated defaults apply.
    expect(describeDay(cal, '2027-02-05')).toMatchObject({ kind: 'holiday', reason: 'Tết Nguyên đán' });
    // Without the official schedule, 31/8/2026 is an ordinary Monday and 22/8 a rest day.
    const generated = buildCalendar();
    expect(describeDay(generated, '2026-08-31').kind).toBe('working');
    expect(describeDay(generated, '2026-08-22').kind).toBe('rest');
  });

  it('half-open working periods: 07:00 and 13:00 are working time, 11:00 and 17:00 are not', () => {
    const cases: Array<[string, boolean]> = [
      ['2026-03-02 06:59', false],
      ['2026-03-02 07:00', true],
      ['2026-03-02 10:59', true],
      ['2026-03-02 11:00', false],
      ['2026-03-02 12:00', false],
      ['2026-03-02 13:00', true],
      ['2026-03-02 16:59', true],
      ['2026-03-02 17:00', false],
      ['2026-08-22 09:00', true], // swapped Saturday
      ['2026-08-23 09:00', false], // Sunday
      ['2026-08-31 09:00', false], // swapped-away Monday
      ['2026-02-18 09:00', false], // Tết
    ];
    for (const [t, expected] of cases) expect([t, isWorkingTime(cal, L(t))]).toEqual([t, expected]);
    expect(isWorkingTime(cal, new Date(L('2026-03-02 17:00').getTime() - 1))).toBe(true);
  });

  it('reception windows are separate from working hours', () => {
    expect(isReceptionTime(cal, L('2026-03-02 10:29'))).toBe(true);
    expect(isReceptionTime(cal, L('2026-03-02 10:30'))).toBe(false);
    expect(isWorkingTime(cal, L('2026-03-02 10:30'))).toBe(true);
    expect(isReceptionTime(cal, L('2026-03-02 16:30'))).toBe(false);
    expect(isReceptionTime(cal, L('2026-08-22 08:00'))).toBe(true);
  });

  it('unit closures, extra working days and Saturday reception', () => {
    const unit = buildCalendar({
      officialSchedules: [OFFICIAL_2026],
      unitDays: [
        { date: '2026-03-10', kind: 'closed', reason: 'Sự cố mất điện' },
        {
          date: '2026-03-14',
          kind: 'reception',
          reason: 'Tiếp nhận thứ Bảy',
          hours: { reception: [{ start: '07:30', end: '11:30' }] },
        },
        {
          date: '2026-03-21',
          kind: 'working',
          reason: 'Làm việc thứ Bảy',
          hours: { work: [{ start: '07:30', end: '11:30' }] },
        },
      ],
    });
    expect(describeDay(unit, '2026-03-10')).toMatchObject({ kind: 'unit_closed', reason: 'Sự cố mất điện' });
    expect(fmt(addWorkingHours(unit, L('2026-03-09 09:00'), 8))).toBe('2026-03-11 09:00');
    // Reception on Saturday does not count as working time for deadlines.
    expect(isReceptionTime(unit, L('2026-03-14 08:00'))).toBe(true);
    expect(isWorkingTime(unit, L('2026-03-14 08:00'))).toBe(false);
    expect(fmt(addWorkingHours(unit, L('2026-03-13 16:00'), 2))).toBe('2026-03-16 08:00');
    // An extra working Saturday does, with its own hours.
    expect(fmt(addWorkingHours(unit, L('2026-03-20 16:00'), 2))).toBe('2026-03-21 08:30');
    expect(fmt(addWorkingHours(unit, L('2026-03-20 16:00'), 5))).toBe('2026-03-21 11:30');
  });

  it('a unit reception or working day without explicit hours uses the standard reception windows', () => {
    const unit = buildCalendar({
      unitDays: [
        { date: '2026-03-14', kind: 'reception', reason: 'Tiếp nhận thứ Bảy' },
        { date: '2026-03-21', kind: 'working', reason: 'Làm việc thứ Bảy' },
      ],
    });
    expect(isReceptionTime(unit, L('2026-03-14 08:00'))).toBe(true);
    expect(isWorkingTime(unit, L('2026-03-14 08:00'))).toBe(false);
    expect(isReceptionTime(unit, L('2026-03-21 13:30'))).toBe(true);
    expect(isWorkingTime(unit, L('2026-03-21 13:30'))).toBe(true);
  });

  it('rejects malformed hours', () => {
    const bad = {
      work: [
        { start: '13:00', end: '17:00' },
        { start: '07:00', end: '11:00' },
      ],
      reception: [],
    };
    expect(() => buildCalendar({ extraDayHours: bad })).toThrow(RangeError);
    expect(() =>
      buildCalendar({ extraDayHours: { work: [{ start: '7:00', end: '11:00' }], reception: [] } }),
    ).toThrow(RangeError);
    expect(() => buildCalendar({ unitDays: [{ date: '2026-02-30', kind: 'closed', reason: 'x' }] })).toThrow(
      RangeError,
    );
  });
});

describe('nextWorkingMoment', () => {
  it.each([
    ['2026-03-02 09:00', '2026-03-02 09:00'],
    ['2026-03-02 06:00', '2026-03-02 07:00'],
    ['2026-03-02 12:00', '2026-03-02 13:00'],
    ['2026-03-02 11:00', '2026-03-02 13:00'],
    ['2026-03-06 17:00', '2026-03-09 07:00'], // Friday close → Monday
    ['2026-02-13 17:00', '2026-02-23 07:00'], // before Tết → after it
    ['2026-08-21 17:30', '2026-08-22 07:00'], // → the working Saturday
    ['2026-08-28 18:00', '2026-09-03 07:00'], // 29/8–2/9 off
    ['2026-04-25 10:00', '2026-04-28 07:00'], // Saturday before Giỗ Tổ (Sun) and its Monday
  ])('%s → %s', (t, expected) => {
    expect(fmt(nextWorkingMoment(cal, L(t)))).toBe(expected);
  });
});

describe('addWorkingHours', () => {
  it.each([
    ['2026-03-02 09:00', 2, '2026-03-02 11:00'], // ends at 11:00, not 13:00
    ['2026-03-02 09:00', 6, '2026-03-02 17:00'], // ends at 17:00, not Tuesday 07:00
    ['2026-03-02 09:00', 8, '2026-03-03 09:00'],
    ['2026-03-02 10:45', 0.5, '2026-03-02 13:15'],
    ['2026-03-02 10:45', 1.25, '2026-03-02 14:00'],
    ['2026-03-06 16:00', 8, '2026-03-09 16:00'], // Friday 16:00 → Monday 16:00
    ['2026-03-07 10:00', 8, '2026-03-09 17:00'], // Saturday: counts from Monday 07:00
    ['2026-08-21 15:00', 8, '2026-08-22 15:00'], // through the working Saturday
    ['2026-12-31 16:00', 8, '2027-01-04 16:00'], // 1/1/2027 (Friday) generated holiday
    ['2026-03-09 09:00', -8, '2026-03-06 09:00'],
    ['2026-03-03 08:00', -1, '2026-03-02 17:00'], // backwards, a boundary is still the period end
  ])('%s + %d h → %s', (t, h, expected) => {
    expect(fmt(addWorkingHours(cal, L(t), h))).toBe(expected);
  });

  it('zero returns the instant itself, even outside working time', () => {
    expect(fmt(addWorkingHours(cal, L('2026-03-07 10:00'), 0))).toBe('2026-03-07 10:00');
  });

  it('keeps seconds and rounds the amount to whole minutes', () => {
    const t = new Date(L('2026-03-02 09:00').getTime() + 30_000);
    expect(fmt(addWorkingMinutes(cal, t, 60))).toBe('2026-03-02 10:00:30.000');
    expect(fmt(addWorkingHours(cal, L('2026-03-02 09:00'), 0.1))).toBe('2026-03-02 09:06');
  });
});

describe('addWorkingDays', () => {
  it("'hours' vs 'civil': received Monday 09:00 + 3 working days", () => {
    expect(fmt(addWorkingDays(cal, L('2026-03-02 09:00'), 3))).toBe('2026-03-05 09:00');
    expect(fmt(addWorkingDays(cal, L('2026-03-02 09:00'), 3, 'hours'))).toBe('2026-03-05 09:00');
    expect(fmt(addWorkingDays(cal, L('2026-03-02 09:00'), 3, 'civil'))).toBe('2026-03-05 17:00');
    const civil = buildCalendar({ officialSchedules: [OFFICIAL_2026], dayCountMode: 'civil' });
    expect(fmt(addWorkingDays(civil, L('2026-03-02 09:00'), 3))).toBe('2026-03-05 17:00');
  });

  it.each([
    ['2026-02-12 10:00', 3, 'hours', '2026-02-24 10:00'], // across Tết
    ['2026-02-12 10:00', 3, 'civil', '2026-02-24 17:00'],
    ['2026-03-07 10:00', 3, 'hours', '2026-03-11 17:00'], // from a Saturday
    ['2026-03-07 10:00', 3, 'civil', '2026-03-11 17:00'],
    ['2026-03-02 17:00', 1, 'civil', '2026-03-03 17:00'],
    ['2026-03-02 06:00', 1, 'civil', '2026-03-03 17:00'], // the event's day never counts
    ['2026-08-21 10:00', 1, 'civil', '2026-08-22 17:00'], // the working Saturday
    ['2026-03-05 09:00', -1, 'civil', '2026-03-04 17:00'],
    ['2026-03-05 09:00', -1, 'hours', '2026-03-04 09:00'],
  ] as const)('%s + %d (%s) → %s', (t, d, mode, expected) => {
    expect(fmt(addWorkingDays(cal, L(t), d, mode))).toBe(expected);
  });

  it("fractional days in 'hours' mode; 'civil' needs whole days", () => {
    expect(fmt(addWorkingDays(cal, L('2026-03-02 09:00'), 0.5, 'hours'))).toBe('2026-03-02 15:00');
    expect(fmt(addWorkingDays(cal, L('2026-03-02 09:00'), 1.5, 'hours'))).toBe('2026-03-03 15:00');
    expect(() => addWorkingDays(cal, L('2026-03-02 09:00'), 0.5, 'civil')).toThrow(RangeError);
  });

  it('60 working days agree with counting working days one by one', () => {
    const start = L('2026-03-02 09:00');
    let day = dayFromIso('2026-03-02');
    for (let n = 0; n < 60;) {
      day++;
      if (describeDay(cal, isoFromDay(day)).hours.work.length > 0) n++;
    }
    // 27/4, 30/4 and 1/5 are off, so 60 working days land on Thursday 28/5.
    expect(isoFromDay(day)).toBe('2026-05-28');
    expect(fmt(addWorkingDays(cal, start, 60, 'civil'))).toBe('2026-05-28 17:00');
    expect(fmt(addWorkingDays(cal, start, 60, 'hours'))).toBe('2026-05-28 09:00');
  });
});

describe('workingTimeBetween (minutes)', () => {
  it.each([
    ['2026-03-06 16:00', '2026-03-09 16:00', 480],
    ['2026-03-09 16:00', '2026-03-06 16:00', -480],
    ['2026-02-13 07:00', '2026-02-23 07:00', 480], // Tết week counts nothing
    ['2026-03-02 10:00', '2026-03-02 14:00', 120], // lunch excluded
    ['2026-03-07 08:00', '2026-03-08 20:00', 0],
    ['2026-01-01 00:00', '2027-01-01 00:00', 480 * 250],
  ])('%s → %s = %d', (a, b, minutes) => {
    expect(workingTimeBetween(cal, L(a), L(b))).toBe(minutes);
  });

  it('is fractional only for sub-minute instants', () => {
    const a = new Date(L('2026-03-02 09:00').getTime() + 30_000);
    expect(workingTimeBetween(cal, a, L('2026-03-02 09:01'))).toBe(0.5);
  });
});

describe('lazy range', () => {
  it('extends the precomputed years on demand, forwards and backwards', () => {
    const small = buildCalendar({ officialSchedules: [OFFICIAL_2026], years: { from: 2026, to: 2026 } });
    expect(fmt(addWorkingHours(small, L('2026-12-31 16:00'), 8))).toBe('2027-01-04 16:00');
    expect(fmt(addWorkingDays(small, L('2026-01-05 09:00'), -1, 'civil'))).toBe('2026-01-02 17:00');
    expect(fmt(nextWorkingMoment(small, L('1990-01-01 08:00')))).toBe('1990-01-02 07:00');
    const far = addWorkingDays(small, L('2026-03-02 09:00'), 2500);
    expect(fmt(far)).toBe(fmt(addWorkingDays(cal, L('2026-03-02 09:00'), 2500)));
    expect(workingTimeBetween(small, L('2026-03-02 09:00'), far)).toBe(2500 * 480);
  });

  it('refuses years the lunar series does not cover', () => {
    expect(() => isWorkingTime(cal, L('2300-01-02 09:00'))).toThrow(RangeError);
    expect(() => addWorkingDays(cal, L('2199-12-01 09:00'), 100, 'civil')).toThrow(RangeError);
  });
});

// ---------- properties ----------

const T0 = L('2025-12-01 00:00').getTime();
const T1 = L('2027-12-31 00:00').getTime();
const anyInstant = fc.integer({ min: T0, max: T1 }).map((v) => new Date(v));
const minuteInstant = fc
  .integer({ min: 0, max: Math.floor((T1 - T0) / 60_000) })
  .map((m) => new Date(T0 + m * 60_000));
/** Up to 60 working days, in whole minutes (the unit the functions work in). */
const minutes = fc.integer({ min: 1, max: 60 * 480 });

/** A result r is "in working time" when it is inside a period or exactly at its end: r − 1 ms is working. */
const endsWorking = (c: Calendar, r: Date): boolean => isWorkingTime(c, new Date(r.getTime() - 1));

describe('properties', () => {
  it('results fall in working time or exactly at a period end, and measure back to h', () => {
    fc.assert(
      fc.property(anyInstant, minutes, (t, m) => {
        const r = addWorkingMinutes(cal, t, m);
        expect(r.getTime()).toBeGreaterThan(t.getTime());
        expect(endsWorking(cal, r)).toBe(true);
        expect(workingTimeBetween(cal, t, r)).toBe(m);
        expect(workingTimeBetween(cal, t, addWorkingHours(cal, t, m / 60))).toBe(m);
      }),
      { numRuns: 500 },
    );
  });

  it('add(add(t, a), b) = add(t, a + b)', () => {
    fc.assert(
      fc.property(anyInstant, minutes, minutes, (t, a, b) => {
        const stepwise = addWorkingMinutes(cal, addWorkingMinutes(cal, t, a), b);
        expect(stepwise.getTime()).toBe(addWorkingMinutes(cal, t, a + b).getTime());
        const hours = addWorkingHours(cal, addWorkingHours(cal, t, a / 60), b / 60);
        expect(hours.getTime()).toBe(stepwise.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it('is monotonic in t and in h', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, minutes, minutes, (t1, t2, m1, m2) => {
        const [a, b] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const [x, y] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addWorkingMinutes(cal, a, x).getTime()).toBeLessThanOrEqual(
          addWorkingMinutes(cal, b, x).getTime(),
        );
        expect(addWorkingMinutes(cal, a, x).getTime()).toBeLessThanOrEqual(
          addWorkingMinutes(cal, a, y).getTime(),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with a minute-by-minute count (oracle)', () => {
    fc.assert(
      fc.property(minuteInstant, fc.integer({ min: 1, max: 3 * 480 }), (t, m) => {
        let at = t.getTime();
        for (let left = m; left > 0; at += 60_000) {
          if (isWorkingTime(cal, new Date(at))) left--;
        }
        expect(fmt(addWorkingMinutes(cal, t, m))).toBe(fmt(new Date(at)));
      }),
      { numRuns: 150 },
    );
  });

  it('nextWorkingMoment is working time with no working time before it', () => {
    fc.assert(
      fc.property(anyInstant, (t) => {
        const r = nextWorkingMoment(cal, t);
        expect(r.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(isWorkingTime(cal, r)).toBe(true);
        expect(workingTimeBetween(cal, t, r)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it("'civil' ends at the close of the Nth working day after the event's day", () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 1, max: 60 }), (t, d) => {
        const r = addWorkingDays(cal, t, d, 'civil');
        expect(endsWorking(cal, r)).toBe(true);
        expect(isWorkingTime(cal, r)).toBe(false);
        expect(nextWorkingMoment(cal, r).getTime()).toBeGreaterThan(r.getTime());
        let n = 0;
        for (let day = dayFromIso(localDateOf(t)) + 1; day <= dayFromIso(localDateOf(r)); day++) {
          if (describeDay(cal, isoFromDay(day)).hours.work.length > 0) n++;
        }
        expect(n).toBe(d);
      }),
      { numRuns: 200 },
    );
  });
});
