import { describe, expect, it } from 'vitest';
import {
  dayFromIso,
  generateHolidays,
  isoFromDay,
  parseIsoDate,
  parseOfficialSchedule,
  weekdayOfDay,
} from './holidays';
import type { HolidayEntry } from './holidays';

const brief = (list: HolidayEntry[]): string[] =>
  list.map((h) => `${h.date.slice(5)}${h.kind === 'compensatory' ? '*' : ''}`);

describe('day numbers', () => {
  it('converts local dates and weekdays', () => {
    expect(dayFromIso('1970-01-01')).toBe(0);
    expect(isoFromDay(dayFromIso('2026-08-22'))).toBe('2026-08-22');
    expect(weekdayOfDay(dayFromIso('2026-08-22'))).toBe('sat');
    expect(weekdayOfDay(dayFromIso('2026-02-16'))).toBe('mon');
    expect(weekdayOfDay(dayFromIso('1969-12-31'))).toBe('wed');
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('2026-2-3')).toBeNull();
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
    expect(() => dayFromIso('2025-02-29')).toThrow(RangeError);
  });
});

describe('generateHolidays (Bộ luật Lao động 2019 Đ112, Đ111.3)', () => {
  it('2026: the generated defaults match the announced days except the August swap', () => {
    const h = generateHolidays(2026);
    expect(brief(h)).toEqual([
      '01-01',
      '02-16', // 29 Chạp, the last day of Ất Tỵ
      '02-17', // mùng 1 Tết Bính Ngọ
      '02-18',
      '02-19',
      '02-20',
      '04-26', // Giỗ Tổ on a Sunday …
      '04-27*', // … gives Monday off
      '04-30',
      '05-01',
      '09-01', // 2/9 is a Wednesday: the day before
      '09-02',
    ]);
    expect(h.find((x) => x.date === '2026-04-27')?.reason).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
    expect(h.find((x) => x.date === '2026-02-17')?.reason).toBe('Tết Nguyên đán');
    expect(h.find((x) => x.date === '2026-09-01')?.reason).toBe('Quốc khánh');
  });

  it('2022: holidays on weekends give the next working days off, in order', () => {
    expect(brief(generateHolidays(2022))).toEqual([
      '01-01', // Saturday
      '01-03*',
      '01-31',
      '02-01',
      '02-02',
      '02-03',
      '02-04',
      '04-10', // Sunday
      '04-11*',
      '04-30', // Saturday
      '05-01', // Sunday
      '05-02*',
      '05-03*',
      '09-01',
      '09-02',
    ]);
  });

  it('2023: Giỗ Tổ on 29/4 (Saturday) next to 30/4 (Sunday) and 1/5; 2/9 on Saturday', () => {
    expect(brief(generateHolidays(2023))).toEqual([
      '01-01',
      '01-02*',
      '01-21', // 30 Chạp Nhâm Dần, a Saturday
      '01-22', // mùng 1, a Sunday
      '01-23',
      '01-24',
      '01-25',
      '01-26*',
      '01-27*',
      '04-29',
      '04-30',
      '05-01',
      '05-02*',
      '05-03*',
      '09-01',
      '09-02',
      '09-04*',
    ]);
  });

  it.each([
    [2021, 'thu', '09-03'],
    [2022, 'fri', '09-01'],
    [2023, 'sat', '09-01'],
    [2024, 'mon', '09-03'],
    [2025, 'tue', '09-01'],
    [2026, 'wed', '09-01'],
    [2029, 'sun', '09-03'],
  ])('Quốc khánh %i (2/9 on %s): adjacent day %s', (year, weekday, adjacent) => {
    expect(weekdayOfDay(dayFromIso(`${year}-09-02`))).toBe(weekday);
    const days = generateHolidays(year)
      .filter((h) => h.reason === 'Quốc khánh')
      .map((h) => h.date.slice(5));
    expect(days.sort()).toEqual([adjacent, '09-02'].sort());
  });

  it('2029: 2/9 on Sunday → 3/9 Monday and compensatory Tuesday 4/9', () => {
    const h = generateHolidays(2029).filter((x) => x.date.startsWith('2029-09'));
    expect(h).toEqual([
      { date: '2029-09-02', reason: 'Quốc khánh', kind: 'holiday' },
      { date: '2029-09-03', reason: 'Quốc khánh', kind: 'holiday' },
      { date: '2029-09-04', reason: 'Nghỉ bù Quốc khánh', kind: 'compensatory' },
    ]);
  });

  it('gives 11 holidays a year and a compensatory day for each one on a weekend', () => {
    for (let year = 1950; year <= 2150; year++) {
      const list = generateHolidays(year);
      const holidays = list.filter((h) => h.kind === 'holiday');
      const onWeekend = holidays.filter((h) => ['sat', 'sun'].includes(weekdayOfDay(dayFromIso(h.date))));
      const comps = list.filter((h) => h.kind === 'compensatory');
      expect(holidays).toHaveLength(11);
      expect(comps).toHaveLength(onWeekend.length);
      expect(new Set(list.map((h) => h.date)).size).toBe(list.length);
      for (const c of comps) expect(['sat', 'sun']).not.toContain(weekdayOfDay(dayFromIso(c.date)));
    }
  });

  it('respects other weekly rest days (a unit resting only on Sunday)', () => {
    const h = generateHolidays(2022, { restDays: ['sun'] });
    // 1/1/2022 is a Saturday, a working day here: no compensatory day; 10/4 (Sunday) → Monday 11/4.
    expect(brief(h).filter((d) => d.endsWith('*'))).toEqual(['04-11*', '05-02*']);
  });
});

describe('parseOfficialSchedule', () => {
  const valid = {
    year: 2026,
    source: 'Thông báo của Bộ Nội vụ',
    daysOff: [
      { date: '2026-02-16', reason: 'Tết Nguyên đán' },
      { date: '2026-01-01', reason: 'Tết Dương lịch' },
      { date: '2026-08-31', reason: 'Nghỉ hoán đổi, làm bù thứ Bảy 22/8' },
    ],
    workingDays: [{ date: '2026-08-22', reason: 'Làm bù cho thứ Hai 31/8' }],
  };

  it('accepts a valid schedule and sorts its days', () => {
    const r = parseOfficialSchedule(JSON.parse(JSON.stringify(valid)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.schedule.year).toBe(2026);
    expect(r.schedule.source).toBe('Thông báo của Bộ Nội vụ');
    expect(r.schedule.daysOff.map((d) => d.date)).toEqual(['2026-01-01', '2026-02-16', '2026-08-31']);
    expect(r.schedule.workingDays).toEqual([{ date: '2026-08-22', reason: 'Làm bù cho thứ Hai 31/8' }]);
  });

  it('treats a missing workingDays as none', () => {
    const r = parseOfficialSchedule({ year: 2027, daysOff: [] });
    expect(r).toEqual({ ok: true, schedule: { year: 2027, daysOff: [], workingDays: [] } });
  });

  it('rejects a non-object', () => {
    for (const bad of [null, 42, 'x', []]) {
      const r = parseOfficialSchedule(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]?.en).toBe('The schedule must be a JSON object.');
    }
  });

  it('collects every error with its path, in Vietnamese and English', () => {
    const r = parseOfficialSchedule({
      year: 2026,
      dayOff: [],
      daysOff: [
        { date: '2026-02-30', reason: 'Tết' },
        { date: '2025-12-31', reason: 'Tết Dương lịch' },
        { date: '2026-09-02', reason: '' },
        { date: '2026-09-01', reason: 'Quốc khánh', note: 'x' },
        'nope',
      ],
      workingDays: [{ date: '2026-09-01', reason: 'Làm bù' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual([
      'dayOff',
      'daysOff[0].date',
      'daysOff[1].date',
      'daysOff[2].reason',
      'daysOff[3].note',
      'daysOff[4]',
      'workingDays[0].date',
    ]);
    expect(r.errors[1]).toEqual({
      path: 'daysOff[0].date',
      vi: 'Ngày không hợp lệ (cần YYYY-MM-DD): "2026-02-30".',
      en: 'Invalid date (expected YYYY-MM-DD): "2026-02-30".',
    });
    expect(r.errors[2]?.en).toBe('Date 2025-12-31 is not in year 2026.');
    expect(r.errors[6]?.vi).toBe('Ngày 2026-09-01 bị trùng (đã có ở daysOff[3]).');
    for (const e of r.errors) {
      expect(e.vi.length).toBeGreaterThan(0);
      expect(e.en.length).toBeGreaterThan(0);
    }
  });

  it('rejects a bad year and missing daysOff', () => {
    const r = parseOfficialSchedule({ year: 2026.5 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['year', 'daysOff']);
    expect(r.errors[0]?.en).toBe('Year must be an integer from 1900 to 2199.');
  });
});
