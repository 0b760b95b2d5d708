import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar';
import { OFFICIAL_SCHEDULE_2025, OFFICIAL_SCHEDULE_2026 } from '../calendar/calendar.demo';
import { addCalendarWorkingDays, publicationDeadline, workingDaysBetween } from './working-days';

// The official 2025/2026 schedules: Tết, Giỗ Tổ and its compensatory day, 30/4–1/5, swapped Saturdays.
const cal = buildCalendar({ officialSchedules: [OFFICIAL_SCHEDULE_2025, OFFICIAL_SCHEDULE_2026] });

describe('publication deadline on the province calendar (001 Đ6, Đ22.3)', () => {
  it('counts five working days after an ordinary decision', () => {
    expect(publicationDeadline(cal, '2026-03-06')).toBe('2026-03-13'); // Friday → next Friday
    expect(publicationDeadline(cal, '2026-03-09')).toBe('2026-03-16'); // Monday → next Monday
    expect(addCalendarWorkingDays(cal, '2026-03-07', 1)).toBe('2026-03-09'); // Saturday → Monday
  });

  it('skips Tết: a decision on Thursday 12/2/2026 is due on 26/2, not 19/2', () => {
    // Fri 13/2 (1); Tết 16–20/2 off; Mon 23 (2) … Thu 26 (5).
    expect(publicationDeadline(cal, '2026-02-12')).toBe('2026-02-26');
  });

  it('skips the compensatory day for Giỗ Tổ and 30/4–1/5/2026', () => {
    // Mon 27/4 off; Tue 28 (1), Wed 29 (2); 30/4 and 1/5 off; Mon 4/5 (3), Tue 5 (4), Wed 6 (5).
    expect(publicationDeadline(cal, '2026-04-24')).toBe('2026-05-06');
  });

  it('counts a swapped working Saturday (26/4/2025) and skips 30/4–2/5/2025', () => {
    // Sat 26/4 worked (1); Mon 28 (2), Tue 29 (3); 30/4, 1/5, 2/5 off; Mon 5/5 (4), Tue 6 (5).
    expect(publicationDeadline(cal, '2025-04-25')).toBe('2025-05-06');
    // Sat 22/8/2026 worked: Thu 20 (1), Fri 21 (2), Sat 22 (3), Mon 24 (4), Tue 25 (5).
    expect(publicationDeadline(cal, '2026-08-19')).toBe('2026-08-25');
  });

  it('counts days late in working days only', () => {
    expect(workingDaysBetween(cal, '2026-02-12', '2026-02-23')).toBe(2); // Fri 13, Mon 23
    expect(workingDaysBetween(cal, '2026-04-29', '2026-05-04')).toBe(1); // Mon 4/5
    expect(workingDaysBetween(cal, '2026-03-13', '2026-03-13')).toBe(0);
    expect(workingDaysBetween(cal, '2026-03-13', '2026-03-10')).toBe(0);
  });
});
