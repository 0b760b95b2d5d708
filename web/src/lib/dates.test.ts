import { describe, expect, it } from 'vitest';
import { dayText, formatCount, formatDate, formatDateTime, formatDay, formatMoney, parseDay } from './dates';

// Literal expectations on purpose: a change of Intl data or of these helpers must show up here (issue #20).
describe('screen formatters', () => {
  it('write instants as dd/mm/yyyy and 24-hour time in Vietnam time, in both locales', () => {
    // 02:05 UTC is 09:05 in Hà Nội; 17:30 UTC on the 2nd is already the 3rd there.
    expect(formatDateTime('2026-02-03T02:05:00Z', 'vi')).toBe('03/02/2026 09:05');
    expect(formatDateTime('2026-02-03T02:05:00Z', 'en')).toBe('03/02/2026 09:05');
    expect(formatDateTime('2026-02-02T17:30:00Z', 'vi')).toBe('03/02/2026 00:30');
    expect(formatDateTime('2026-11-20T08:45:00Z', 'en')).toBe('20/11/2026 15:45');
    expect(formatDate('2026-02-02T17:30:00Z', 'vi')).toBe('03/02/2026');
    expect(formatDate('2026-02-02T17:30:00Z', 'en')).toBe('03/02/2026');
    expect(formatDateTime(null, 'vi')).toBe('—');
    expect(formatDate('not a date', 'en')).toBe('—');
  });

  it('writes calendar dates as dd/mm/yyyy and shows a dash (or the given text) for none', () => {
    expect(formatDay('2026-11-09')).toBe('09/11/2026');
    expect(formatDay(null)).toBe('—');
    expect(formatDay(undefined, 'hiện hành')).toBe('hiện hành');
  });

  it('groups counts with "." in Vietnamese and "," in English', () => {
    expect(formatCount(0, 'vi')).toBe('0');
    expect(formatCount(999, 'vi')).toBe('999');
    expect(formatCount(1234, 'vi')).toBe('1.234');
    expect(formatCount(1234567, 'vi')).toBe('1.234.567');
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatCount(-12000, 'vi')).toBe('-12.000');
  });

  it('writes money in đồng only in Vietnamese', () => {
    expect(formatMoney(1250000, 'vi')).toBe('1.250.000 đồng');
    expect(formatMoney(1250000, 'en')).toBe('VND 1,250,000');
    expect(formatMoney(50000, 'vi')).toBe('50.000 đồng');
    expect(formatMoney(50000, 'en')).toBe('VND 50,000');
  });
});

describe('typed days (the date fields)', () => {
  it('reads dd/mm/yyyy, with or without leading zeros, and refuses days the calendar lacks', () => {
    expect(parseDay('01/07/2025')).toBe('2025-07-01');
    expect(parseDay('1/7/2025')).toBe('2025-07-01');
    expect(parseDay(' 29-02-2028 ')).toBe('2028-02-29');
    expect(parseDay('29/02/2026')).toBeNull();
    expect(parseDay('31/04/2026')).toBeNull();
    expect(parseDay('07/01/25')).toBeNull();
    expect(parseDay('2025-07-01')).toBeNull();
    expect(parseDay('01/07/2025 08:30')).toBeNull();
  });

  it('with a time, reads a 24-hour dd/mm/yyyy HH:MM and nothing less', () => {
    expect(parseDay('25/11/2026 08:30', true)).toBe('2026-11-25T08:30');
    expect(parseDay('25/11/2026 8h05', true)).toBe('2026-11-25T08:05');
    expect(parseDay('25/11/2026 24:00', true)).toBeNull();
    expect(parseDay('25/11/2026', true)).toBeNull();
  });

  it('writes ISO values back as typed', () => {
    expect(dayText('2025-07-01')).toBe('01/07/2025');
    expect(dayText('2026-11-25T08:30')).toBe('25/11/2026 08:30');
    expect(dayText('')).toBe('');
  });
});
