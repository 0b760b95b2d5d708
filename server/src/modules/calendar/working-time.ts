// Working-time arithmetic on a compiled calendar. Every question (position of an instant in
// working time, the instant at a working-time position, the Nth working day) is answered from
// per-day prefix sums with O(1) lookups or a binary search, so a 60-working-day deadline costs
// the same as a 1-day one. Local time is Asia/Ho_Chi_Minh, a fixed UTC+7 without DST.
import {
  dayFromIso,
  dayResolver,
  DEFAULT_DAY_HOURS,
  DEFAULT_WEEKLY_HOURS,
  isoFromDay,
  WEEKDAYS,
} from './holidays';
import type { DayInfo, DayRules, IsoDate, Period, TimeOfDay } from './holidays';
import { MAX_LUNAR_YEAR, MIN_LUNAR_YEAR } from './lunar';

/**
 * How "N working days" is counted.
 * - 'hours': one working day is `workingDayMinutes` of working time (Mon 09:00 + 3 → Thu 09:00).
 * - 'civil': Bộ luật Dân sự 2015 Đ147–148 — the day of the event is not counted and the limit ends
 *   at the close of the Nth working day after it (Mon 09:00 + 3 → Thu 17:00).
 */
export type DayCountMode = 'hours' | 'civil';

export type CalendarConfig = DayRules & {
  /** One working day in 'hours' mode (default: working minutes of `extraDayHours`, 480). */
  workingDayMinutes?: number;
  dayCountMode?: DayCountMode;
  /** Years to precompute at build time; others are compiled lazily when first needed. */
  years?: { from: number; to: number };
};

/** Prefix sums over a contiguous range of local days. Rebuilt wholesale when the range grows. */
type DayTable = {
  firstDay: number;
  days: number;
  cum: Float64Array; // working ms before day i (length days + 1)
  wdBefore: Int32Array; // working days before day i (length days + 1)
  wdList: Int32Array; // day numbers of the working days, in order
  pIdx: Int32Array; // work periods of day i are ps/pe[pIdx[i] .. pIdx[i+1])
  ps: Int32Array; // period start, ms after local midnight
  pe: Int32Array;
  rIdx: Int32Array; // reception windows, same layout
  rs: Int32Array;
  re: Int32Array;
};

/** A compiled calendar. `table` is a lazily grown cache derived from the config: treat it as opaque. */
export type Calendar = {
  readonly dayCountMode: DayCountMode;
  readonly workingDayMinutes: number;
  readonly resolveDay: (day: number) => DayInfo;
  table: DayTable;
};

export const TZ_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const EXTEND_YEARS = 10;

// ---------- local time helpers ----------

export function localDayOf(t: Date): number {
  return Math.floor((ms(t) + TZ_OFFSET_MS) / DAY_MS);
}

export function localDateOf(t: Date): IsoDate {
  return isoFromDay(localDayOf(t));
}

/** The instant of a local wall-clock time, e.g. localDateTime('2026-02-16', '09:00'). */
export function localDateTime(date: IsoDate, time: TimeOfDay): Date {
  return new Date(dayFromIso(date) * DAY_MS + parseTime(time) - TZ_OFFSET_MS);
}

function ms(t: Date): number {
  const v = t.getTime();
  if (!Number.isFinite(v)) throw new RangeError('invalid Date');
  return v;
}

function parseTime(text: TimeOfDay): number {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || min > 59 || h > 24 || (h === 24 && min !== 0))
    throw new RangeError(`invalid time of day: ${text}`);
  return (h * 60 + min) * MINUTE_MS;
}

// Days share their DayHours objects, so compiling each period list once keeps table builds cheap.
const compiled = new WeakMap<readonly Period[], Array<[number, number]>>();

function compilePeriods(periods: readonly Period[], what: string): Array<[number, number]> {
  const cached = compiled.get(periods);
  if (cached) return cached;
  const out = periods.map((x): [number, number] => [parseTime(x.start), parseTime(x.end)]);
  out.forEach(([s, e], i) => {
    const prev = out[i - 1];
    if (s >= e || (prev !== undefined && s < prev[1])) {
      throw new RangeError(`${what}: periods must be ascending, non-empty and non-overlapping`);
    }
  });
  compiled.set(periods, out);
  return out;
}

// ---------- building ----------

/** Compiles a unit's calendar; throws RangeError on malformed hours or dates. */
export function buildCalendar(config: CalendarConfig = {}): Calendar {
  const weekly = config.weekly ?? DEFAULT_WEEKLY_HOURS;
  const extra = config.extraDayHours ?? DEFAULT_DAY_HOURS;
  for (const wd of WEEKDAYS) {
    compilePeriods(weekly[wd].work, `weekly.${wd}.work`);
    compilePeriods(weekly[wd].reception, `weekly.${wd}.reception`);
  }
  const extraWork = compilePeriods(extra.work, 'extraDayHours.work');
  compilePeriods(extra.reception, 'extraDayHours.reception');
  const workingDayMinutes =
    config.workingDayMinutes ?? extraWork.reduce((a, [s, e]) => a + (e - s), 0) / MINUTE_MS;
  if (!(workingDayMinutes > 0)) throw new RangeError('workingDayMinutes must be positive');

  for (const u of config.unitDays ?? []) {
    dayFromIso(u.date);
    if (u.kind !== 'working' && (u.hours?.work?.length ?? 0) > 0) {
      throw new RangeError(`unit day ${u.date}: only 'working' days have work hours`);
    }
    compilePeriods(u.hours?.work ?? [], `unitDays ${u.date}`);
    compilePeriods(u.hours?.reception ?? [], `unitDays ${u.date}`);
  }
  for (const s of config.officialSchedules ?? []) {
    for (const d of [...s.daysOff, ...s.workingDays]) dayFromIso(d.date);
  }
  const resolveDay = dayResolver(config);

  // Recent past plus the coming years covers live dossiers; anything else is compiled on first use.
  const from = config.years?.from ?? 2020;
  const to = config.years?.to ?? from + EXTEND_YEARS;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to)
    throw new RangeError('invalid years range');
  return {
    dayCountMode: config.dayCountMode ?? 'hours',
    workingDayMinutes,
    resolveDay,
    table: buildTable(resolveDay, yearStart(from), yearStart(to + 1)),
  };
}

function yearStart(year: number): number {
  if (year < MIN_LUNAR_YEAR || year > MAX_LUNAR_YEAR + 1) {
    throw new RangeError(`calendar supports years ${MIN_LUNAR_YEAR}–${MAX_LUNAR_YEAR}`);
  }
  return dayFromIso(`${String(year).padStart(4, '0')}-01-01`);
}

function buildTable(resolveDay: (day: number) => DayInfo, firstDay: number, endDay: number): DayTable {
  const days = endDay - firstDay;
  const cum = new Float64Array(days + 1);
  const wdBefore = new Int32Array(days + 1);
  const pIdx = new Int32Array(days + 1);
  const rIdx = new Int32Array(days + 1);
  const ps: number[] = [];
  const pe: number[] = [];
  const rs: number[] = [];
  const re: number[] = [];
  const wdList: number[] = [];
  for (let i = 0; i < days; i++) {
    const info = resolveDay(firstDay + i);
    let worked = 0;
    for (const [s, e] of compilePeriods(info.hours.work, info.date)) {
      ps.push(s);
      pe.push(e);
      worked += e - s;
    }
    for (const [s, e] of compilePeriods(info.hours.reception, info.date)) {
      rs.push(s);
      re.push(e);
    }
    if (worked > 0) wdList.push(firstDay + i);
    cum[i + 1] = (cum[i] ?? 0) + worked;
    wdBefore[i + 1] = wdList.length;
    pIdx[i + 1] = ps.length;
    rIdx[i + 1] = rs.length;
  }
  const i32 = (a: number[]): Int32Array => Int32Array.from(a);
  return {
    firstDay,
    days,
    cum,
    wdBefore,
    wdList: i32(wdList),
    pIdx,
    ps: i32(ps),
    pe: i32(pe),
    rIdx,
    rs: i32(rs),
    re: i32(re),
  };
}

/** Grows the precomputed range towards `day` (plus slack so growth stays rare); throws at the supported bounds. */
function extendTo(cal: Calendar, day: number): void {
  const t = cal.table;
  const yearOf = (d: number): number => Number(isoFromDay(d).slice(0, 4));
  const clampDay = Math.min(Math.max(day, yearStart(MIN_LUNAR_YEAR)), yearStart(MAX_LUNAR_YEAR + 1) - 1);
  let from = yearOf(t.firstDay);
  let to = yearOf(t.firstDay + t.days - 1);
  if (day < t.firstDay) from = Math.min(from - EXTEND_YEARS, yearOf(clampDay) - 1);
  if (day >= t.firstDay + t.days) to = Math.max(to + EXTEND_YEARS, yearOf(clampDay) + 1);
  const first = yearStart(Math.max(from, MIN_LUNAR_YEAR));
  const end = yearStart(Math.min(to, MAX_LUNAR_YEAR) + 1);
  if (first === t.firstDay && end === t.firstDay + t.days) {
    throw new RangeError(`calendar supports years ${MIN_LUNAR_YEAR}–${MAX_LUNAR_YEAR}`);
  }
  cal.table = buildTable(cal.resolveDay, first, end);
}

/** Table row of the local day of instant `t`, extending the table when needed. */
function rowOf(cal: Calendar, t: number): number {
  const day = Math.floor((t + TZ_OFFSET_MS) / DAY_MS);
  while (day < cal.table.firstDay || day >= cal.table.firstDay + cal.table.days) extendTo(cal, day);
  return day - cal.table.firstDay;
}

function msOfDay(tb: DayTable, row: number, t: number): number {
  return t + TZ_OFFSET_MS - (tb.firstDay + row) * DAY_MS;
}

function instant(tb: DayTable, row: number, dayMs: number): number {
  return (tb.firstDay + row) * DAY_MS + dayMs - TZ_OFFSET_MS;
}

/** Working ms elapsed in the table before instant t (the caller has ensured t's row exists). */
function position(tb: DayTable, row: number, t: number): number {
  const x = msOfDay(tb, row, t);
  let sum = tb.cum[row] ?? 0;
  for (let j = tb.pIdx[row] ?? 0, end = tb.pIdx[row + 1] ?? 0; j < end; j++) {
    const s = tb.ps[j] ?? 0;
    const e = tb.pe[j] ?? 0;
    if (x >= e) sum += e - s;
    else {
      if (x > s) sum += x - s;
      break;
    }
  }
  return sum;
}

/** Earliest instant at working position P, for cum[0] < P <= cum[days]; so a boundary maps to a period end. */
function instantAt(tb: DayTable, target: number): number {
  let lo = 0;
  let hi = tb.days - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tb.cum[mid + 1] ?? 0) >= target) hi = mid;
    else lo = mid + 1;
  }
  let rest = target - (tb.cum[lo] ?? 0);
  for (let j = tb.pIdx[lo] ?? 0, end = tb.pIdx[lo + 1] ?? 0; j < end; j++) {
    const s = tb.ps[j] ?? 0;
    const len = (tb.pe[j] ?? 0) - s;
    if (rest <= len) return instant(tb, lo, s + rest);
    rest -= len;
  }
  throw new Error('calendar table inconsistent'); // unreachable when cum is a prefix sum of the periods
}

// ---------- queries ----------

/** Whether t lies in a working period, start inclusive and end exclusive (17:00 is not working time). */
export function isWorkingTime(cal: Calendar, t: Date): boolean {
  return inPeriods(cal, ms(t), 'work');
}

/** Whether the desk receives applicants at t (reception windows, including unit reception days). */
export function isReceptionTime(cal: Calendar, t: Date): boolean {
  return inPeriods(cal, ms(t), 'reception');
}

function inPeriods(cal: Calendar, t: number, which: 'work' | 'reception'): boolean {
  const row = rowOf(cal, t);
  const tb = cal.table;
  const x = msOfDay(tb, row, t);
  const [idx, s, e] = which === 'work' ? [tb.pIdx, tb.ps, tb.pe] : [tb.rIdx, tb.rs, tb.re];
  for (let j = idx[row] ?? 0, end = idx[row + 1] ?? 0; j < end; j++) {
    if (x >= (s[j] ?? 0) && x < (e[j] ?? 0)) return true;
  }
  return false;
}

/** t itself when it is working time, else the start of the next working period. */
export function nextWorkingMoment(cal: Calendar, t: Date): Date {
  const v = ms(t);
  if (isWorkingTime(cal, t)) return new Date(v);
  const row = rowOf(cal, v);
  const tb = cal.table;
  const x = msOfDay(tb, row, v);
  for (let j = tb.pIdx[row] ?? 0, end = tb.pIdx[row + 1] ?? 0; j < end; j++) {
    if ((tb.ps[j] ?? 0) > x) return new Date(instant(tb, row, tb.ps[j] ?? 0));
  }
  return nextWorkingDayStart(cal, t);
}

/** Start of the first working period of the first working day after t's local day. */
export function nextWorkingDayStart(cal: Calendar, t: Date): Date {
  const day = nthWorkingDayFrom(cal, localDayOf(t), 1);
  const tb = cal.table;
  const row = day - tb.firstDay;
  return new Date(instant(tb, row, tb.ps[tb.pIdx[row] ?? 0] ?? 0));
}

/** Working periods of t's local day as instants ([] on a day off). */
export function workingPeriodsOn(cal: Calendar, t: Date): Array<{ start: Date; end: Date }> {
  const row = rowOf(cal, ms(t));
  const tb = cal.table;
  const out: Array<{ start: Date; end: Date }> = [];
  for (let j = tb.pIdx[row] ?? 0, end = tb.pIdx[row + 1] ?? 0; j < end; j++) {
    out.push({
      start: new Date(instant(tb, row, tb.ps[j] ?? 0)),
      end: new Date(instant(tb, row, tb.pe[j] ?? 0)),
    });
  }
  return out;
}

/** What a local date is in this calendar (working, holiday with its reason, swapped, unit day…). */
export function describeDay(cal: Calendar, date: IsoDate): DayInfo {
  return cal.resolveDay(dayFromIso(date));
}

/**
 * Adds working time. Minutes are whole (fractions are rounded), and the result is the EARLIEST
 * instant at which that much working time has passed — so a deadline that ends a period is that
 * period's end (Mon 17:00, not Tue 07:00). Counting from non-working time starts at the next working
 * moment. Negative amounts go back in time; zero returns t unchanged.
 */
export function addWorkingMinutes(cal: Calendar, t: Date, minutes: number): Date {
  const v = ms(t);
  const delta = Math.round(minutes) * MINUTE_MS;
  if (!Number.isFinite(delta)) throw new RangeError('working time must be finite');
  if (delta === 0) return new Date(v);
  for (;;) {
    const row = rowOf(cal, v);
    const tb = cal.table;
    const target = position(tb, row, v) + delta;
    const lastDay = tb.firstDay + tb.days;
    if (target > (tb.cum[tb.days] ?? 0))
      extendTo(cal, lastDay + Math.ceil((target - (tb.cum[tb.days] ?? 0)) / (4 * 3_600_000)));
    else if (target <= (tb.cum[0] ?? 0))
      extendTo(cal, tb.firstDay - Math.ceil(((tb.cum[0] ?? 0) - target) / (4 * 3_600_000)) - 1);
    else return new Date(instantAt(tb, target));
  }
}

/** addWorkingMinutes with hours (fractional allowed, rounded to whole minutes). */
export function addWorkingHours(cal: Calendar, t: Date, hours: number): Date {
  return addWorkingMinutes(cal, t, hours * 60);
}

/**
 * Adds N working days in the given mode (default: the calendar's). N = 0 returns t; N < 0 goes back.
 * 'hours' accepts fractions ("0,5 ngày làm việc" is common in procedure catalogues); 'civil' counts
 * whole days only.
 */
export function addWorkingDays(
  cal: Calendar,
  t: Date,
  days: number,
  mode: DayCountMode = cal.dayCountMode,
): Date {
  if (mode === 'hours') return addWorkingMinutes(cal, t, days * cal.workingDayMinutes);
  if (!Number.isInteger(days)) throw new RangeError("'civil' counting needs a whole number of working days");
  if (days === 0) return new Date(ms(t));
  const day = nthWorkingDayFrom(cal, localDayOf(t), days);
  const tb = cal.table;
  const row = day - tb.firstDay;
  return new Date(instant(tb, row, tb.pe[(tb.pIdx[row + 1] ?? 1) - 1] ?? 0));
}

/** Day number of the Nth working day after (n > 0) or before (n < 0) local day `day`, not counting `day`. */
function nthWorkingDayFrom(cal: Calendar, day: number, n: number): number {
  for (;;) {
    const row = rowOf(cal, day * DAY_MS - TZ_OFFSET_MS);
    const tb = cal.table;
    const k = n > 0 ? (tb.wdBefore[row + 1] ?? 0) + n - 1 : (tb.wdBefore[row] ?? 0) + n;
    const found = tb.wdList[k];
    if (k >= 0 && found !== undefined) return found;
    // Roughly 5 working days a week; overshoot a little so one extension usually suffices.
    const span = Math.ceil(Math.abs(n) * 1.6) + 31;
    extendTo(cal, k < 0 ? tb.firstDay - span : tb.firstDay + tb.days + span);
  }
}

/** Working MINUTES from a to b (negative when b is before a); fractional only for sub-minute instants. */
export function workingTimeBetween(cal: Calendar, a: Date, b: Date): number {
  const va = ms(a);
  const vb = ms(b);
  rowOf(cal, va);
  rowOf(cal, vb); // may rebuild the table; positions below are taken from the final one
  const tb = cal.table;
  const ra = Math.floor((va + TZ_OFFSET_MS) / DAY_MS) - tb.firstDay;
  const rb = Math.floor((vb + TZ_OFFSET_MS) / DAY_MS) - tb.firstDay;
  return (position(tb, rb, vb) - position(tb, ra, va)) / MINUTE_MS;
}
