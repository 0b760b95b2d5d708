// Public API of the working calendar: pure functions, no I/O, time always passed in.
export {
  formatSolarDate,
  fromJulianDay,
  julianDay,
  leapMonthOf,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
  MAX_LUNAR_YEAR,
  MIN_LUNAR_YEAR,
  VN_TIME_ZONE,
} from './lunar';
export type { LunarDate, SolarDate } from './lunar';

export {
  dayFromIso,
  dayResolver,
  generateHolidays,
  isoFromDay,
  parseIsoDate,
  parseOfficialSchedule,
  weekdayOfDay,
  DEFAULT_DAY_HOURS,
  DEFAULT_REST_DAYS,
  DEFAULT_WEEKLY_HOURS,
  HOLIDAY_NAMES,
  MAX_SCHEDULE_YEAR,
  MIN_SCHEDULE_YEAR,
  WEEKDAYS,
} from './holidays';
export type {
  DayHours,
  DayInfo,
  DayKind,
  DayRules,
  GenerateOptions,
  HolidayEntry,
  HolidayKind,
  IsoDate,
  OfficialDay,
  OfficialSchedule,
  ParseScheduleResult,
  Period,
  ScheduleError,
  TimeOfDay,
  UnitDay,
  UnitDayKind,
  Weekday,
  WeeklyHours,
} from './holidays';

export {
  addWorkingDays,
  addWorkingHours,
  addWorkingMinutes,
  buildCalendar,
  describeDay,
  isReceptionTime,
  isWorkingTime,
  localDateOf,
  localDateTime,
  localDayOf,
  nextWorkingDayStart,
  nextWorkingMoment,
  workingPeriodsOn,
  workingTimeBetween,
  TZ_OFFSET_MS,
} from './working-time';
export type { Calendar, CalendarConfig, DayCountMode } from './working-time';

export {
  apologyDue,
  computeClock,
  feedbackAnswerDue,
  handoverTime,
  processingDue,
  receptionDue,
  supplementNoticeDue,
  FEEDBACK_ANSWER_DAYS,
  HANDOVER_CUTOFF,
  RECEPTION_HOURS,
  SUPPLEMENT_NOTICE_DAYS,
} from './deadline-rules';
export type {
  ClockErrorCode,
  ClockEvent,
  ClockResult,
  ClockStatus,
  DossierClock,
  ProcessingTime,
} from './deadline-rules';

// The calendar that applies to a unit or an agency, read from the database (cached per version).
export { getCalendarForAgency, getCalendarForUnit } from './calendar.service';
