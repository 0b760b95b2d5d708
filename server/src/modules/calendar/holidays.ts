// Which days are worked: public holidays (Bộ luật Lao động 2019, Điều 112) generated from the law,
// the official yearly schedule that the government announces and that overrides them, a unit's own
// announcements, and the weekly hours. Day-level only; instant arithmetic is in working-time.ts.
import {
  formatSolarDate,
  fromJulianDay,
  julianDay,
  lunarNewYear,
  lunarToSolar,
  MAX_LUNAR_YEAR,
} from './lunar';

/** A local (Asia/Ho_Chi_Minh) calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export type HolidayKind = 'holiday' | 'compensatory';
export type HolidayEntry = { date: IsoDate; reason: string; kind: HolidayKind };

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Weekly rest days of state agencies (Nghị định 45/2013, Điều 4 — also 003 Đ9.2.a). */
export const DEFAULT_REST_DAYS: readonly Weekday[] = ['sat', 'sun'];
/** Years an official schedule may name (bounded by the lunar series and by common sense). */
export const MIN_SCHEDULE_YEAR = 1900;
export const MAX_SCHEDULE_YEAR = MAX_LUNAR_YEAR;

// ---------- local dates as day numbers (days since 1970-01-01) ----------

const JD_UNIX_EPOCH = 2440588;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a valid 'YYYY-MM-DD', or null when the text is not a real date. */
export function parseIsoDate(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const day = julianDay(y, mo, d) - JD_UNIX_EPOCH;
  // 2026-02-30 would silently roll over to March; the round trip rejects it.
  return isoFromDay(day) === text ? day : null;
}

export function dayFromIso(text: IsoDate): number {
  const day = parseIsoDate(text);
  if (day === null) throw new RangeError(`not a valid YYYY-MM-DD date: ${JSON.stringify(text)}`);
  return day;
}

export function isoFromDay(day: number): IsoDate {
  return formatSolarDate(fromJulianDay(day + JD_UNIX_EPOCH));
}

export function weekdayOfDay(day: number): Weekday {
  // 1970-01-01 was a Thursday (index 3 in WEEKDAYS).
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7] as Weekday;
}

function dayOf(y: number, m: number, d: number): number {
  return julianDay(y, m, d) - JD_UNIX_EPOCH;
}

// ---------- generated defaults ----------

export type GenerateOptions = { restDays?: readonly Weekday[] };

export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  victory: 'Ngày Chiến thắng',
  labour: 'Ngày Quốc tế lao động',
  nationalDay: 'Quốc khánh',
} as const;

/**
 * Days off of solar year `year` as the law fixes them, for when no official schedule is loaded:
 * - 1/1; 30/4; 1/5; Giỗ Tổ Hùng Vương on lunar 10/3.
 * - Tết: 5 days. The law leaves the exact days to the Prime Minister; the default is the last day
 *   of the old lunar year (29 or 30 Chạp) and lunar 1–4 Giêng, the split used in most recent years
 *   (e.g. 2026: 16–20 Feb).
 * - Quốc khánh: 2/9 plus "01 ngày liền kề trước hoặc sau". Default: the day before (1/9), unless that
 *   is a rest day or the day after (3/9) bridges to the weekend — which reproduces the choices of
 *   2021–2026 (Thu→3/9, Fri→1/9, Sat→1/9, Mon→3/9, Tue→1/9, Wed→1/9) and picks 3/9 for a Sunday.
 * - Điều 111.3: each holiday on a weekly rest day gives the next day that is neither a rest day nor
 *   a holiday nor already a compensatory day ("Nghỉ bù …").
 */
export function generateHolidays(year: number, options: GenerateOptions = {}): HolidayEntry[] {
  const rest = new Set(options.restDays ?? DEFAULT_REST_DAYS);
  const isRest = (day: number): boolean => rest.has(weekdayOfDay(day));
  const days = new Map<number, string>();
  const add = (day: number, reason: string): void => {
    if (!days.has(day)) days.set(day, reason);
  };

  add(dayOf(year, 1, 1), HOLIDAY_NAMES.newYear);
  const tet = lunarNewYear(year);
  const tetDay = dayOf(tet.year, tet.month, tet.day);
  for (let i = -1; i <= 3; i++) add(tetDay + i, HOLIDAY_NAMES.tet);
  const hung = lunarToSolar({ year, month: 3, day: 10, leap: false });
  if (hung) add(dayOf(hung.year, hung.month, hung.day), HOLIDAY_NAMES.hungKings);
  add(dayOf(year, 4, 30), HOLIDAY_NAMES.victory);
  add(dayOf(year, 5, 1), HOLIDAY_NAMES.labour);
  const sep1 = dayOf(year, 9, 1);
  const sep2 = sep1 + 1;
  const sep3 = sep1 + 2;
  const after = isRest(sep1) || (!isRest(sep3) && isRest(sep3 + 1));
  add(sep2, HOLIDAY_NAMES.nationalDay);
  add(after ? sep3 : sep1, HOLIDAY_NAMES.nationalDay);

  const entries: HolidayEntry[] = [];
  const taken = new Set(days.keys());
  for (const day of [...days.keys()].sort((a, b) => a - b)) {
    const reason = days.get(day) ?? '';
    entries.push({ date: isoFromDay(day), reason, kind: 'holiday' });
    if (!isRest(day)) continue;
    // Bounded: at most a couple of weeks even if every weekday of a long Tết is taken.
    let comp = day + 1;
    while (isRest(comp) || taken.has(comp)) comp++;
    taken.add(comp);
    entries.push({ date: isoFromDay(comp), reason: `Nghỉ bù ${reason}`, kind: 'compensatory' });
  }
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

// ---------- official yearly schedule ----------

export type OfficialDay = { date: IsoDate; reason: string };

/**
 * The year's days off as announced (Thông báo of Bộ Nội vụ / Quyết định of the Prime Minister).
 * It replaces the generated defaults of that year entirely: `daysOff` lists every public day off
 * of the year, including compensatory and swapped days; `workingDays` lists rest days made
 * working days (a Saturday worked in exchange for a bridge day). Every date lies in `year`,
 * so one year's schedule never changes another year.
 */
export type OfficialSchedule = {
  year: number;
  /** The announcing document, e.g. "Thông báo 123/TB-BNV". */
  source?: string;
  daysOff: OfficialDay[];
  workingDays: OfficialDay[];
};

export type ScheduleError = { path: string; vi: string; en: string };
export type ParseScheduleResult =
  { ok: true; schedule: OfficialSchedule } | { ok: false; errors: ScheduleError[] };

const REASON_MAX = 200;
const SCHEDULE_KEYS = new Set(['year', 'source', 'daysOff', 'workingDays']);
const DAY_KEYS = new Set(['date', 'reason']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Validates untrusted JSON (e.g. an uploaded file) into an OfficialSchedule, collecting every error. */
export function parseOfficialSchedule(json: unknown): ParseScheduleResult {
  const errors: ScheduleError[] = [];
  const err = (path: string, vi: string, en: string): void => {
    errors.push({ path, vi, en });
  };
  if (!isRecord(json)) {
    err('', 'Lịch nghỉ phải là một đối tượng JSON.', 'The schedule must be a JSON object.');
    return { ok: false, errors };
  }
  for (const key of Object.keys(json)) {
    if (!SCHEDULE_KEYS.has(key)) err(key, `Trường không được hỗ trợ: "${key}".`, `Unknown field: "${key}".`);
  }
  const year = json.year;
  const yearOk =
    typeof year === 'number' &&
    Number.isInteger(year) &&
    year >= MIN_SCHEDULE_YEAR &&
    year <= MAX_SCHEDULE_YEAR;
  if (!yearOk) {
    err(
      'year',
      `Năm phải là số nguyên từ ${MIN_SCHEDULE_YEAR} đến ${MAX_SCHEDULE_YEAR}.`,
      `Year must be an integer from ${MIN_SCHEDULE_YEAR} to ${MAX_SCHEDULE_YEAR}.`,
    );
  }
  let source: string | undefined;
  if (json.source !== undefined) {
    if (typeof json.source !== 'string' || json.source.trim() === '' || json.source.length > REASON_MAX) {
      err(
        'source',
        `Văn bản nguồn phải là chuỗi không rỗng, tối đa ${REASON_MAX} ký tự.`,
        `Source must be a non-empty string of at most ${REASON_MAX} characters.`,
      );
    } else {
      source = json.source.trim();
    }
  }

  const seen = new Map<string, string>();
  const readDays = (field: 'daysOff' | 'workingDays', required: boolean): OfficialDay[] => {
    const raw = json[field];
    if (raw === undefined && !required) return [];
    if (!Array.isArray(raw)) {
      err(field, `"${field}" phải là một mảng.`, `"${field}" must be an array.`);
      return [];
    }
    const out: OfficialDay[] = [];
    raw.forEach((item: unknown, i: number) => {
      const path = `${field}[${i}]`;
      if (!isRecord(item)) {
        err(path, 'Mỗi ngày phải là đối tượng {date, reason}.', 'Each day must be an object {date, reason}.');
        return;
      }
      for (const key of Object.keys(item)) {
        if (!DAY_KEYS.has(key))
          err(`${path}.${key}`, `Trường không được hỗ trợ: "${key}".`, `Unknown field: "${key}".`);
      }
      const { date, reason } = item;
      let dateOk = false;
      if (typeof date !== 'string' || parseIsoDate(date) === null) {
        const shown = JSON.stringify(date) ?? 'undefined';
        err(
          `${path}.date`,
          `Ngày không hợp lệ (cần YYYY-MM-DD): ${shown}.`,
          `Invalid date (expected YYYY-MM-DD): ${shown}.`,
        );
      } else if (yearOk && !date.startsWith(`${String(year)}-`)) {
        err(
          `${path}.date`,
          `Ngày ${date} không thuộc năm ${String(year)}.`,
          `Date ${date} is not in year ${String(year)}.`,
        );
      } else {
        const other = seen.get(date);
        if (other !== undefined) {
          err(
            `${path}.date`,
            `Ngày ${date} bị trùng (đã có ở ${other}).`,
            `Date ${date} is repeated (already at ${other}).`,
          );
        } else {
          seen.set(date, path);
          dateOk = true;
        }
      }
      const reasonOk = typeof reason === 'string' && reason.trim() !== '' && reason.length <= REASON_MAX;
      if (!reasonOk) {
        err(
          `${path}.reason`,
          `Lý do phải là chuỗi không rỗng, tối đa ${REASON_MAX} ký tự.`,
          `Reason must be a non-empty string of at most ${REASON_MAX} characters.`,
        );
      }
      if (dateOk && reasonOk) out.push({ date: date as string, reason: (reason as string).trim() });
    });
    return out;
  };
  const daysOff = readDays('daysOff', true);
  const workingDays = readDays('workingDays', false);

  if (errors.length > 0 || !yearOk) return { ok: false, errors };
  const byDate = (a: OfficialDay, b: OfficialDay): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  const schedule: OfficialSchedule = {
    year: year as number,
    ...(source === undefined ? {} : { source }),
    daysOff: daysOff.sort(byDate),
    workingDays: workingDays.sort(byDate),
  };
  return { ok: true, schedule };
}

// ---------- what each day is ----------

/** 'HH:MM' local time; '24:00' closes a period at midnight. */
export type TimeOfDay = string;
export type Period = { readonly start: TimeOfDay; readonly end: TimeOfDay };
/** Shared between days and cached by identity once compiled, hence read-only. */
export type DayHours = { readonly work: readonly Period[]; readonly reception: readonly Period[] };
export type WeeklyHours = Record<Weekday, DayHours>;
/** A unit's own announcement: a closure, an extra working day, or desk reception on a day off. */
export type UnitDayKind = 'closed' | 'working' | 'reception';
export type UnitDay = { date: IsoDate; kind: UnitDayKind; reason: string; hours?: Partial<DayHours> };

/** What decides each day's kind and hours; the rest of CalendarConfig is about counting. */
export type DayRules = {
  weekly?: WeeklyHours;
  /** Hours of a swapped or extra working day (default: the standard day). */
  extraDayHours?: DayHours;
  /** Generate Điều 112 holidays for years without an official schedule (default true). */
  generateHolidays?: boolean;
  officialSchedules?: readonly OfficialSchedule[];
  unitDays?: readonly UnitDay[];
};

export type DayKind =
  'working' | 'rest' | 'holiday' | 'swapped_working' | 'unit_closed' | 'unit_working' | 'unit_reception';
export type DayInfo = { date: IsoDate; kind: DayKind; reason: string | null; hours: DayHours };

const p = (start: string, end: string): Period => Object.freeze({ start, end });
const hours = (work: Period[], reception: Period[]): DayHours =>
  Object.freeze({ work: Object.freeze(work), reception: Object.freeze(reception) });
/** 003 Đ9.2.b: work 07:00–11:00 and 13:00–17:00; the desk receives 07:00–10:30 and 13:00–16:30. */
export const DEFAULT_DAY_HOURS: DayHours = hours(
  [p('07:00', '11:00'), p('13:00', '17:00')],
  [p('07:00', '10:30'), p('13:00', '16:30')],
);
const CLOSED: DayHours = hours([], []);
export const DEFAULT_WEEKLY_HOURS: WeeklyHours = {
  mon: DEFAULT_DAY_HOURS,
  tue: DEFAULT_DAY_HOURS,
  wed: DEFAULT_DAY_HOURS,
  thu: DEFAULT_DAY_HOURS,
  fri: DEFAULT_DAY_HOURS,
  sat: CLOSED,
  sun: CLOSED,
};

/**
 * Maps a day number to its kind and hours. Precedence: a unit's own announcement, then the
 * official schedule of that year (or, without one, the generated holidays), then the weekly hours.
 * Assumes well-formed rules; buildCalendar validates them first.
 */
export function dayResolver(rules: DayRules): (day: number) => DayInfo {
  const weekly = rules.weekly ?? DEFAULT_WEEKLY_HOURS;
  const extra = rules.extraDayHours ?? DEFAULT_DAY_HOURS;
  const official = new Map<number, { off: Map<number, string>; work: Map<number, string> }>();
  const toMap = (days: readonly OfficialDay[]): Map<number, string> =>
    new Map(days.map((d) => [dayFromIso(d.date), d.reason]));
  for (const s of rules.officialSchedules ?? []) {
    official.set(s.year, { off: toMap(s.daysOff), work: toMap(s.workingDays) });
  }
  // Hours objects are built once per unit day so that compiled periods can be cached by identity.
  const unit = new Map<number, { kind: DayKind; reason: string; hours: DayHours }>();
  for (const u of rules.unitDays ?? []) {
    const work = u.hours?.work ?? (u.kind === 'working' ? extra.work : []);
    unit.set(dayFromIso(u.date), {
      kind: `unit_${u.kind}`,
      reason: u.reason,
      // Without explicit hours, a reception day or an extra working day opens the desk at the standard
      // reception windows; a reception day with none would be no reception at all.
      hours: { work, reception: u.hours?.reception ?? (u.kind === 'closed' ? [] : extra.reception) },
    });
  }
  const useGenerated = rules.generateHolidays ?? true;
  const restDays = WEEKDAYS.filter((wd) => weekly[wd].work.length === 0);
  const generated = new Map<number, Map<number, string>>();

  return (day: number): DayInfo => {
    const date = isoFromDay(day);
    const u = unit.get(day);
    if (u) return { date, ...u };
    const year = Number(date.slice(0, 4));
    const sched = official.get(year);
    if (sched) {
      const off = sched.off.get(day);
      if (off !== undefined) return { date, kind: 'holiday', reason: off, hours: CLOSED };
      const work = sched.work.get(day);
      if (work !== undefined) return { date, kind: 'swapped_working', reason: work, hours: extra };
    } else if (useGenerated) {
      let list = generated.get(year);
      if (!list) {
        list = toMap(generateHolidays(year, { restDays }));
        generated.set(year, list);
      }
      const reason = list.get(day);
      if (reason !== undefined) return { date, kind: 'holiday', reason, hours: CLOSED };
    }
    const hours = weekly[weekdayOfDay(day)];
    return { date, kind: hours.work.length > 0 ? 'working' : 'rest', reason: null, hours };
  };
}
