import { describe, expect, it } from 'vitest';
import {
  apologyDue,
  computeClock,
  feedbackAnswerDue,
  handoverTime,
  processingDue,
  receptionDue,
  supplementNoticeDue,
} from './deadline-rules';
import type { ClockEvent, ProcessingTime } from './deadline-rules';
import type { OfficialSchedule } from './holidays';
import { buildCalendar, localDateOf, localDateTime } from './working-time';

// 2026 as announced (see working-time.test.ts): Tết 16–20/2, 27/4 for Giỗ Tổ, 30/4, 1/5,
// 31/8 swapped with Saturday 22/8, 1–2/9.
const off = (date: string, reason: string): { date: string; reason: string } => ({ date, reason });
const OFFICIAL_2026: OfficialSchedule = {
  year: 2026,
  daysOff: [
    off('2026-01-01', 'Tết Dương lịch'),
    ...['16', '17', '18', '19', '20'].map((d) => off(`2026-02-${d}`, 'Tết Nguyên đán')),
    off('2026-04-26', 'Giỗ Tổ Hùng Vương'),
    off('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'),
    off('2026-04-30', 'Ngày Chiến thắng'),
    off('2026-05-01', 'Ngày Quốc tế lao động'),
    off('2026-08-31', 'Nghỉ hoán đổi'),
    off('2026-09-01', 'Quốc khánh'),
    off('2026-09-02', 'Quốc khánh'),
  ],
  workingDays: [off('2026-08-22', 'Làm bù cho thứ Hai 31/8')],
};
const cal = buildCalendar({ officialSchedules: [OFFICIAL_2026] });
const L = (s: string): Date => localDateTime(s.slice(0, 10), s.slice(11, 16));
const fmt = (d: Date | null): string | null =>
  d && `${localDateOf(d)} ${new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(11, 16)}`;

describe('receptionDue — 8 working hours after an online submission (001 Đ9.2.a)', () => {
  it.each([
    ['2026-03-06 16:00', '2026-03-09 16:00', 'Friday afternoon → Monday 16:00'],
    ['2026-03-03 12:00', '2026-03-04 11:00', 'lunch time counts from 13:00; ends at 11:00, not 13:00'],
    ['2026-03-02 07:00', '2026-03-02 17:00', 'a whole day, ending at 17:00'],
    ['2026-03-02 17:00', '2026-03-03 17:00', 'exactly at 17:00 → counts from Tuesday 07:00'],
    ['2026-03-07 22:00', '2026-03-09 17:00', 'Saturday night → Monday 17:00, not Tuesday 07:00'],
    ['2026-04-30 10:00', '2026-05-04 17:00', 'on a holiday (30/4, then 1/5 and the weekend)'],
    ['2026-04-24 16:00', '2026-04-28 16:00', 'Friday before Giỗ Tổ: Monday 27/4 is the compensatory day'],
    ['2026-02-13 16:00', '2026-02-23 16:00', 'Friday before Tết'],
    ['2026-02-17 09:00', '2026-02-23 17:00', 'during Tết'],
    ['2026-08-21 16:00', '2026-08-22 16:00', 'Friday → the working Saturday 22/8'],
    ['2026-08-22 09:00', '2026-08-24 09:00', 'on the working Saturday'],
    ['2026-08-28 16:00', '2026-09-03 16:00', 'before the Quốc khánh break 29/8–2/9'],
  ])('%s → %s (%s)', (submitted, due) => {
    expect(fmt(receptionDue(cal, L(submitted)))).toBe(due);
  });
});

describe('handoverTime — paper after 15:00 goes the next working day (003 Đ12.2)', () => {
  it.each([
    ['2026-03-06 14:59', '2026-03-06 17:00'],
    ['2026-03-06 15:00', '2026-03-06 17:00'], // "sau 15 giờ": 15:00 itself is same day
    ['2026-03-06 15:30', '2026-03-09 07:00'],
    ['2026-03-03 06:30', '2026-03-03 17:00'],
    ['2026-03-03 12:00', '2026-03-03 17:00'],
    ['2026-03-03 18:00', '2026-03-04 07:00'],
    ['2026-03-07 09:00', '2026-03-09 07:00'], // received on a Saturday
    ['2026-08-21 15:30', '2026-08-22 07:00'], // → the working Saturday
    ['2026-02-13 16:00', '2026-02-23 07:00'], // → after Tết
  ])('received %s → hand over by %s', (received, by) => {
    expect(fmt(handoverTime(cal, L(received)))).toBe(by);
  });

  it('one second after 15:00 is after the cutoff', () => {
    expect(fmt(handoverTime(cal, new Date(L('2026-03-06 15:00').getTime() + 1000)))).toBe('2026-03-09 07:00');
  });

  it('a day that closed before the cutoff hands over the next working day', () => {
    const unit = buildCalendar({
      officialSchedules: [OFFICIAL_2026],
      unitDays: [
        {
          date: '2026-03-21',
          kind: 'working',
          reason: 'Sáng thứ Bảy',
          hours: { work: [{ start: '07:00', end: '11:00' }] },
        },
      ],
    });
    expect(fmt(handoverTime(unit, L('2026-03-21 10:00')))).toBe('2026-03-21 11:00');
    expect(fmt(handoverTime(unit, L('2026-03-21 12:00')))).toBe('2026-03-23 07:00');
  });
});

describe('supplementNoticeDue — within 3 working days of receipt (003 Đ13.4)', () => {
  it.each([
    ['2026-03-02 09:00', 'hours', '2026-03-05 09:00'],
    ['2026-03-02 09:00', 'civil', '2026-03-05 17:00'],
    ['2026-02-12 10:00', 'hours', '2026-02-24 10:00'],
    ['2026-02-12 10:00', 'civil', '2026-02-24 17:00'],
  ] as const)('received %s (%s) → %s', (received, mode, due) => {
    expect(fmt(supplementNoticeDue(cal, L(received), mode))).toBe(due);
  });

  it("uses the calendar's mode by default", () => {
    expect(fmt(supplementNoticeDue(cal, L('2026-03-02 09:00')))).toBe('2026-03-05 09:00');
  });
});

describe('apologyDue — at least 1 working day before the deadline (003 Đ13.9)', () => {
  it.each([
    ['2026-03-05 17:00', 'hours', '2026-03-04 17:00'],
    ['2026-03-05 17:00', 'civil', '2026-03-04 17:00'],
    ['2026-02-23 10:00', 'hours', '2026-02-13 10:00'], // Tết in between
    ['2026-02-23 10:00', 'civil', '2026-02-13 17:00'],
    ['2026-09-03 11:00', 'hours', '2026-08-28 11:00'], // the lunch boundary maps to 11:00
    ['2026-09-03 11:00', 'civil', '2026-08-28 17:00'],
    ['2026-03-05 00:00', 'civil', '2026-03-03 17:00'], // midnight closes Wednesday
  ] as const)('deadline %s (%s) → apology by %s', (deadline, mode, by) => {
    expect(fmt(apologyDue(cal, L(deadline), mode))).toBe(by);
  });
});

describe('feedbackAnswerDue — 5 working days, configurable (000 Đ14)', () => {
  it.each([
    ['2026-03-02 09:00', 5, 'hours', '2026-03-09 09:00'],
    ['2026-03-02 09:00', 5, 'civil', '2026-03-09 17:00'],
    ['2026-03-02 09:00', 10, 'hours', '2026-03-16 09:00'],
    ['2026-04-24 10:00', 5, 'hours', '2026-05-06 10:00'], // 27/4, 30/4, 1/5 off
    ['2026-04-24 10:00', 5, 'civil', '2026-05-06 17:00'],
  ] as const)('received %s + %d (%s) → %s', (received, days, mode, due) => {
    expect(fmt(feedbackAnswerDue(cal, L(received), days, mode))).toBe(due);
  });

  it('defaults to 5 days', () => {
    expect(fmt(feedbackAnswerDue(cal, L('2026-03-02 09:00')))).toBe('2026-03-09 09:00');
  });
});

describe('processingDue', () => {
  it('counts hours or days', () => {
    expect(fmt(processingDue(cal, L('2026-03-02 15:00'), { unit: 'working_hours', value: 4 }))).toBe(
      '2026-03-03 09:00',
    );
    expect(fmt(processingDue(cal, L('2026-03-02 15:00'), { unit: 'working_days', value: 10 }))).toBe(
      '2026-03-16 15:00',
    );
    expect(
      fmt(processingDue(cal, L('2026-03-02 15:00'), { unit: 'working_days', value: 10, mode: 'civil' })),
    ).toBe('2026-03-16 17:00');
  });
});

describe('computeClock — processing clock of a dossier', () => {
  const TEN_DAYS: ProcessingTime = { unit: 'working_days', value: 10 };
  const started: ClockEvent = { type: 'started', at: L('2026-03-02 09:00') };
  const paused: ClockEvent = { type: 'supplement_requested', at: L('2026-03-04 09:00') };
  const resumed: ClockEvent = { type: 'supplement_received', at: L('2026-03-09 10:00') };
  const extended: ClockEvent = { type: 'extended', at: L('2026-03-19 10:00'), newDue: L('2026-03-27 17:00') };
  const clockAt = (events: ClockEvent[], now: string) => {
    const r = computeClock(cal, TEN_DAYS, events, L(now));
    if (!r.ok) throw new Error(`unexpected ${r.code} at ${r.index}`);
    return { ...r.clock, due: fmt(r.clock.due), runStartedAt: fmt(r.clock.runStartedAt) };
  };

  it('before any event there is no clock', () => {
    expect(clockAt([], '2026-03-02 09:00')).toMatchObject({
      status: 'not_started',
      due: null,
      elapsedMinutes: 0,
    });
  });

  it('runs from receipt', () => {
    expect(clockAt([started], '2026-03-04 09:00')).toEqual({
      status: 'running',
      runStartedAt: '2026-03-02 09:00',
      due: '2026-03-16 09:00',
      extended: false,
      extensionLate: false,
      elapsedMinutes: 960,
      totalAgencyMinutes: 960,
      waitingMinutes: 0,
      remainingMinutes: 3840,
      overdue: false,
    });
  });

  it('stops while waiting on the applicant: no due date, waiting time does not count', () => {
    expect(clockAt([started, paused], '2026-03-06 09:00')).toMatchObject({
      status: 'paused',
      due: null,
      elapsedMinutes: 960,
      totalAgencyMinutes: 960,
      waitingMinutes: 960,
      remainingMinutes: null,
      overdue: false,
    });
  });

  it('restarts from zero when the complete dossier arrives', () => {
    expect(clockAt([started, paused, resumed], '2026-03-10 10:00')).toMatchObject({
      status: 'running',
      runStartedAt: '2026-03-09 10:00',
      due: '2026-03-23 10:00', // a full 10 days again, not the 8 that were left
      elapsedMinutes: 480,
      totalAgencyMinutes: 960 + 480,
      waitingMinutes: 1500, // Wed 09:00 → Mon 10:00: 6 h + 8 h + 8 h + 3 h
      remainingMinutes: 9 * 480,
    });
  });

  it('an extension replaces the appointment once', () => {
    const events = [started, paused, resumed, extended];
    expect(clockAt(events, '2026-03-24 10:00')).toMatchObject({
      due: '2026-03-27 17:00',
      extended: true,
      extensionLate: false, // sent before Fri 20/3 10:00, one working day before 23/3 10:00
      overdue: false,
    });
    expect(
      computeClock(
        cal,
        TEN_DAYS,
        [...events, { ...extended, newDue: L('2026-04-03 17:00') }],
        L('2026-03-24 10:00'),
      ),
    ).toEqual({
      ok: false,
      code: 'already_extended',
      index: 4,
    });
  });

  it('flags a late extension and an overdue dossier', () => {
    const late: ClockEvent = { type: 'extended', at: L('2026-03-23 09:00'), newDue: L('2026-03-25 17:00') };
    expect(clockAt([started, paused, resumed, late], '2026-03-26 09:00')).toMatchObject({
      extensionLate: true,
      overdue: true,
      remainingMinutes: -120,
    });
  });

  it.each([
    ['not_started', [paused], 0],
    ['already_started', [started, started], 1],
    ['not_paused', [started, resumed], 1],
    ['not_running', [started, paused, paused], 2],
    ['not_running', [started, paused, extended], 2],
    [
      'extension_not_later',
      [started, { type: 'extended', at: L('2026-03-03 09:00'), newDue: L('2026-03-16 09:00') }],
      1,
    ],
    ['out_of_order', [started, { type: 'supplement_requested', at: L('2026-03-01 09:00') }], 1],
  ] as Array<[string, ClockEvent[], number]>)('rejects %s', (code, events, index) => {
    expect(computeClock(cal, TEN_DAYS, events, L('2026-03-30 09:00'))).toEqual({ ok: false, code, index });
  });

  it('works with procedures counted in hours', () => {
    const r = computeClock(cal, { unit: 'working_hours', value: 8 }, [started], L('2026-03-02 10:00'));
    expect(r.ok && fmt(r.clock.due)).toBe('2026-03-03 09:00');
    expect(r.ok && r.clock.remainingMinutes).toBe(420);
  });
});
