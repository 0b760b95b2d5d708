import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatSolarDate,
  fromJulianDay,
  julianDay,
  leapMonthOf,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
} from './lunar';
import type { LunarDate } from './lunar';

const fmt = (d: { year: number; month: number; day: number } | null): string | null =>
  d ? formatSolarDate(d) : null;

describe('Vietnamese lunar calendar (UTC+7)', () => {
  // Tết Nguyên đán (lunar 1/1) and Giỗ Tổ Hùng Vương (lunar 10/3). The Chinese column is the same
  // algorithm at UTC+8 and agrees with an independent ephemeris-based Chinese calendar; the rows
  // where they differ are the well-known years where a new moon falls between 23:00 and 24:00 UTC+7.
  const table: Array<[year: number, tetVN: string, tetCN: string, gioTo: string]> = [
    [1968, '1968-01-29', '1968-01-30', '1968-04-07'],
    [1985, '1985-01-21', '1985-02-20', '1985-04-29'],
    [2007, '2007-02-17', '2007-02-18', '2007-04-26'],
    [2024, '2024-02-10', '2024-02-10', '2024-04-18'],
    [2025, '2025-01-29', '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-02-06', '2027-04-16'],
    [2028, '2028-01-26', '2028-01-26', '2028-04-04'],
    [2029, '2029-02-13', '2029-02-13', '2029-04-23'],
    // New moon 2030-02-02 16:07 UT = 23:07 in Hà Nội, 00:07 (3 Feb) in Beijing.
    [2030, '2030-02-02', '2030-02-03', '2030-04-12'],
  ];

  it.each(table)('%i: Tết %s (China %s), Giỗ Tổ %s', (year, tetVN, tetCN, gioTo) => {
    expect(fmt(lunarNewYear(year))).toBe(tetVN);
    expect(fmt(lunarNewYear(year, 8))).toBe(tetCN);
    expect(fmt(lunarToSolar({ year, month: 3, day: 10, leap: false }))).toBe(gioTo);
    expect(solarToLunar({ year, month: Number(tetVN.slice(5, 7)), day: Number(tetVN.slice(8)) })).toEqual({
      year,
      month: 1,
      day: 1,
      leap: false,
    });
  });

  it('differs from the Chinese calendar only in the known years of the 20th–21st century', () => {
    const differ: number[] = [];
    for (let y = 1950; y <= 2060; y++) {
      if (fmt(lunarNewYear(y)) !== fmt(lunarNewYear(y, 8))) differ.push(y);
    }
    expect(differ).toEqual([1965, 1968, 1969, 1985, 2007, 2030, 2053]);
  });

  it('handles leap months', () => {
    // Ất Sửu 1985 had a leap 2nd month in Vietnam (China instead had a leap 10th month in 1984).
    expect(leapMonthOf(1985)).toBe(2);
    expect(leapMonthOf(1984)).toBeNull();
    expect(leapMonthOf(1984, 8)).toBe(10);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2026)).toBeNull();
    expect(leapMonthOf(2028)).toBe(5);
    // 2025: month 6 began 25 Jun, leap month 6 began 25 Jul, month 7 began 23 Aug.
    expect(fmt(lunarToSolar({ year: 2025, month: 6, day: 1, leap: false }))).toBe('2025-06-25');
    expect(fmt(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true }))).toBe('2025-07-25');
    expect(fmt(lunarToSolar({ year: 2025, month: 7, day: 1, leap: false }))).toBe('2025-08-23');
    expect(solarToLunar({ year: 2025, month: 8, day: 1 })).toEqual({
      year: 2025,
      month: 6,
      day: 8,
      leap: true,
    });
    // A leap month the year does not have.
    expect(lunarToSolar({ year: 2025, month: 5, day: 1, leap: true })).toBeNull();
    expect(lunarToSolar({ year: 2026, month: 6, day: 1, leap: true })).toBeNull();
  });

  it('knows the length of the last month: Tết 2026 follows 29 Chạp, Tết 2023 follows 30 Chạp', () => {
    expect(solarToLunar({ year: 2026, month: 2, day: 16 })).toEqual({
      year: 2025,
      month: 12,
      day: 29,
      leap: false,
    });
    expect(lunarToSolar({ year: 2025, month: 12, day: 30, leap: false })).toBeNull();
    expect(solarToLunar({ year: 2023, month: 1, day: 21 })).toEqual({
      year: 2022,
      month: 12,
      day: 30,
      leap: false,
    });
    expect(fmt(lunarToSolar({ year: 2022, month: 12, day: 30, leap: false }))).toBe('2023-01-21');
  });

  it('rejects years outside the supported range', () => {
    expect(() => lunarNewYear(1799)).toThrow(RangeError);
    expect(() => solarToLunar({ year: 2200, month: 1, day: 1 })).toThrow(RangeError);
  });

  it('a day just before a late true new moon belongs to the previous lunation (was "day 0")', () => {
    expect(solarToLunar({ year: 2054, month: 5, day: 7 })).toEqual({
      year: 2054,
      month: 3,
      day: 30,
      leap: false,
    });
    expect(solarToLunar({ year: 2054, month: 5, day: 6 })).toEqual({
      year: 2054,
      month: 3,
      day: 29,
      leap: false,
    });
  });

  it('round-trips every day solar → lunar → solar (exhaustive 1900–2199)', () => {
    const first = julianDay(1900, 2, 1);
    const last = julianDay(2199, 12, 31);
    for (let jd = first; jd <= last; jd++) {
      const solar = fromJulianDay(jd);
      const lunar = solarToLunar(solar);
      if (lunar.day < 1 || lunar.day > 30 || !lunarToSolar(lunar))
        throw new Error(JSON.stringify({ solar, lunar }));
    }
  });

  it('round-trips every day solar → lunar → solar (property)', () => {
    const base = Date.UTC(1900, 1, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 * 365 }), (offset) => {
        const d = new Date(base + offset * 86_400_000);
        const solar = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
        const lunar: LunarDate = solarToLunar(solar);
        expect(lunar.day).toBeGreaterThanOrEqual(1);
        expect(lunar.day).toBeLessThanOrEqual(30);
        expect(lunarToSolar(lunar)).toEqual(solar);
      }),
      { numRuns: 2000 },
    );
  });
});
