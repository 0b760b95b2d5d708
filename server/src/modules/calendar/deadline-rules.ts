// The regulations' time limits as named functions, and the processing clock of a dossier.
// Everything here is arithmetic on a compiled Calendar; the current time is always passed in.
import {
  addWorkingDays,
  addWorkingHours,
  localDateOf,
  localDateTime,
  nextWorkingDayStart,
  workingPeriodsOn,
  workingTimeBetween,
} from './working-time';
import type { TProcessingTime } from '@motcua/contracts';
import type { TimeOfDay } from './holidays';
import type { Calendar, DayCountMode } from './working-time';

/** 001 Đ9.2.a: an online submission must be received or answered within 8 working hours. */
export const RECEPTION_HOURS = 8;
/** 003 Đ12.2: paper received after this local time goes to the handling agency the next working day. */
export const HANDOVER_CUTOFF: TimeOfDay = '15:00';
/** 003 Đ13.4 / 002 Đ6.4.c: a supplement notice during appraisal within 3 working days of receipt. */
export const SUPPLEMENT_NOTICE_DAYS = 3;
/** 000 Đ14 / 001: feedback is answered within 5 working days of receipt. */
export const FEEDBACK_ANSWER_DAYS = 5;

/**
 * 001 Đ9.2.a: due 8 working hours after an online submission. A submission outside working hours
 * counts from the next working moment, which the working-time position already does by itself.
 */
export function receptionDue(cal: Calendar, submittedAt: Date): Date {
  return addWorkingHours(cal, submittedAt, RECEPTION_HOURS);
}

/**
 * 003 Đ12.2: by when paper received at the desk must reach the handling agency. Received on a
 * working day up to the cutoff (15:00 itself included — the text says "sau 15 giờ") while the day
 * still has working time left: the close of that day. Otherwise: the start of the next working day.
 */
export function handoverTime(cal: Calendar, receivedAt: Date, cutoff: TimeOfDay = HANDOVER_CUTOFF): Date {
  const periods = workingPeriodsOn(cal, receivedAt);
  const last = periods[periods.length - 1];
  const cutoffAt = localDateTime(localDateOf(receivedAt), cutoff);
  if (last && receivedAt.getTime() <= cutoffAt.getTime() && receivedAt.getTime() < last.end.getTime()) {
    return last.end;
  }
  return nextWorkingDayStart(cal, receivedAt);
}

/** 003 Đ13.4: a supplement request during appraisal is due within 3 working days of receipt. */
export function supplementNoticeDue(cal: Calendar, receivedAt: Date, mode?: DayCountMode): Date {
  return addWorkingDays(cal, receivedAt, SUPPLEMENT_NOTICE_DAYS, mode);
}

/**
 * 003 Đ13.9: the apology with a new date (Mẫu 04) must go out "chậm nhất 01 ngày trước ngày hết hạn".
 * One working day before the deadline, in the same counting mode as the deadline itself:
 * 'hours' → the deadline minus one working day of hours; 'civil' → the close of the working day
 * before the deadline's day.
 */
export function apologyDue(cal: Calendar, deadline: Date, mode: DayCountMode = cal.dayCountMode): Date {
  if (mode === 'hours') return addWorkingDays(cal, deadline, -1, 'hours');
  // Civil counting works on the deadline's day; a deadline at 00:00 closes the day before.
  return addWorkingDays(cal, new Date(deadline.getTime() - 1), -1, 'civil');
}

/** 000 Đ14: feedback on a procedure is answered within `days` working days (5 unless a rule says otherwise). */
export function feedbackAnswerDue(
  cal: Calendar,
  receivedAt: Date,
  days: number = FEEDBACK_ANSWER_DAYS,
  mode?: DayCountMode,
): Date {
  return addWorkingDays(cal, receivedAt, days, mode);
}

// ---------- processing clock ----------

/** A procedure's processing time as published in its catalogue entry: the one type (contracts). */
export type ProcessingTime = TProcessingTime;

/** The appointment for a run of the clock started at `from`; an immediate result is due at once (001 Đ10.1.d). */
export function processingDue(cal: Calendar, from: Date, time: ProcessingTime): Date {
  switch (time.unit) {
    case 'working_hours':
      return addWorkingHours(cal, from, time.value);
    case 'working_days':
      return addWorkingDays(cal, from, time.value, time.mode);
    case 'immediate':
      return from;
  }
}

/**
 * What happened to a dossier's processing clock, in order:
 * - started: the dossier was received; the appointment is counted from here.
 * - supplement_requested: returned to the applicant (Mẫu 02); the clock stops.
 * - supplement_received: the complete dossier arrived; the clock restarts FROM ZERO (003 Đ13.4).
 * - extended: the apology (Mẫu 04) sets a new, later appointment; allowed once per dossier (003 Đ13.9).
 */
export type ClockEvent =
  | { type: 'started'; at: Date }
  | { type: 'supplement_requested'; at: Date }
  | { type: 'supplement_received'; at: Date }
  | { type: 'extended'; at: Date; newDue: Date };

export type ClockStatus = 'not_started' | 'running' | 'paused';

export type DossierClock = {
  status: ClockStatus;
  /** Start of the current run (receipt, or the latest complete supplement). */
  runStartedAt: Date | null;
  /** The appointment in force while running; null while waiting on the applicant. */
  due: Date | null;
  extended: boolean;
  /** The extension was sent later than apologyDue of the appointment it replaced. */
  extensionLate: boolean;
  /** Agency working minutes of the current run, up to `now` (running) or to the pause (paused). */
  elapsedMinutes: number;
  /** Agency working minutes over all runs; time waiting on the applicant is excluded. */
  totalAgencyMinutes: number;
  /** Working minutes spent waiting on the applicant, up to `now`. */
  waitingMinutes: number;
  /** Working minutes from `now` to `due`, negative once overdue; null unless running. */
  remainingMinutes: number | null;
  overdue: boolean;
};

export type ClockErrorCode =
  | 'not_started' // an event before 'started'
  | 'already_started'
  | 'not_running' // supplement request or extension while paused
  | 'not_paused' // supplement received while the clock runs
  | 'already_extended'
  | 'extension_not_later' // the new appointment is not after the current one
  | 'out_of_order'; // events must be in chronological order

export type ClockResult =
  { ok: true; clock: DossierClock } | { ok: false; code: ClockErrorCode; index: number };

/**
 * Folds the events into the clock at `now`. Used both to show a dossier's deadline and, with a
 * candidate event appended, to check that the event is allowed before storing it.
 */
export function computeClock(
  cal: Calendar,
  time: ProcessingTime,
  events: readonly ClockEvent[],
  now: Date,
): ClockResult {
  let status: ClockStatus = 'not_started';
  let runStart: Date | null = null;
  let pausedAt: Date | null = null;
  let due: Date | null = null;
  let extended = false;
  let extensionLate = false;
  let doneMinutes = 0; // agency minutes of finished runs
  let pausedRunMinutes = 0;
  let waitingMinutes = 0;
  let lastAt = -Infinity;

  for (const [index, e] of events.entries()) {
    const fail = (code: ClockErrorCode): ClockResult => ({ ok: false, code, index });
    const at = e.at.getTime();
    if (!Number.isFinite(at) || at < lastAt) return fail('out_of_order');
    lastAt = at;
    if (status === 'not_started' && e.type !== 'started') return fail('not_started');
    switch (e.type) {
      case 'started':
        if (status !== 'not_started') return fail('already_started');
        status = 'running';
        runStart = e.at;
        due = processingDue(cal, e.at, time);
        break;
      case 'supplement_requested':
        if (status !== 'running' || runStart === null) return fail('not_running');
        pausedRunMinutes = workingTimeBetween(cal, runStart, e.at);
        doneMinutes += pausedRunMinutes;
        status = 'paused';
        pausedAt = e.at;
        due = null;
        break;
      case 'supplement_received':
        if (status !== 'paused' || pausedAt === null) return fail('not_paused');
        waitingMinutes += workingTimeBetween(cal, pausedAt, e.at);
        status = 'running';
        pausedAt = null;
        runStart = e.at;
        due = processingDue(cal, e.at, time);
        break;
      case 'extended':
        if (status !== 'running' || due === null) return fail('not_running');
        if (extended) return fail('already_extended');
        if (e.newDue.getTime() <= due.getTime()) return fail('extension_not_later');
        extensionLate = at > apologyDue(cal, due).getTime();
        extended = true;
        due = e.newDue;
        break;
    }
  }

  const t = now.getTime();
  let elapsedMinutes = 0;
  let remainingMinutes: number | null = null;
  if (status === 'running' && runStart !== null && due !== null) {
    elapsedMinutes = Math.max(
      0,
      workingTimeBetween(cal, runStart, new Date(Math.max(t, runStart.getTime()))),
    );
    remainingMinutes = workingTimeBetween(cal, now, due);
  } else if (status === 'paused' && pausedAt !== null) {
    waitingMinutes += Math.max(0, workingTimeBetween(cal, pausedAt, now));
  }
  const clock: DossierClock = {
    status,
    runStartedAt: runStart,
    due,
    extended,
    extensionLate,
    elapsedMinutes: status === 'paused' ? pausedRunMinutes : elapsedMinutes,
    totalAgencyMinutes: doneMinutes + elapsedMinutes,
    waitingMinutes,
    remainingMinutes,
    overdue: due !== null && t > due.getTime(),
  };
  return { ok: true, clock };
}
