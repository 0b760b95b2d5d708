import { describe, expect, it } from 'vitest';
import { toVnIso, vnDay, vnInstant, vnWall, vnYear } from './time';

// 31/12/2026 23:30 in Việt Nam is still 16:30 UTC on the same day; 00:30 on 1/1/2027 is 17:30 UTC on 31/12.
describe('Việt Nam time, whatever zone the machine is in', () => {
  it('reads the date and year of Việt Nam, not of UTC', () => {
    const newYear = new Date('2026-12-31T17:30:00Z');
    expect(vnDay(newYear)).toBe('2027-01-01');
    expect(vnYear(newYear)).toBe(2027);
    expect(vnDay(new Date('2026-12-31T16:30:00Z'))).toBe('2026-12-31');
    expect(vnWall(newYear).getUTCHours()).toBe(0);
  });

  it('turns a wall-clock date or time in Việt Nam into the instant', () => {
    expect(vnInstant('2027-01-01').toISOString()).toBe('2026-12-31T17:00:00.000Z');
    expect(vnInstant('2026-02-23T09:00').toISOString()).toBe('2026-02-23T02:00:00.000Z');
    expect(toVnIso(vnInstant('2026-02-23T09:00:00'))).toBe('2026-02-23T09:00:00+07:00');
  });
});
