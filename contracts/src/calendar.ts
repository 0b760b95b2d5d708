import { z } from 'zod';

/** 'HH:MM' local time (Asia/Ho_Chi_Minh); '24:00' closes a period at midnight. */
export const ZTimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
export const ZPeriod = z.object({ start: ZTimeOfDay, end: ZTimeOfDay });
export const ZDayHours = z.object({ work: z.array(ZPeriod).max(6), reception: z.array(ZPeriod).max(6) });
export type TDayHours = z.infer<typeof ZDayHours>;
export const CALENDAR_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const ZWeeklyHours = z.object({
  mon: ZDayHours,
  tue: ZDayHours,
  wed: ZDayHours,
  thu: ZDayHours,
  fri: ZDayHours,
  sat: ZDayHours,
  sun: ZDayHours,
});
export type TWeeklyHours = z.infer<typeof ZWeeklyHours>;
export const ZDayCountMode = z.enum(['hours', 'civil']);
export type TDayCountMode = z.infer<typeof ZDayCountMode>;
export const ZIsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const ZUnitCodeParams = z.object({ unitCode: z.string().min(1).max(20) });

/** GET /api/calendar/{unitCode}/deadline — checked by the route itself so that errors read well. */
export const ZDeadlineQuery = z.object({
  from: z.string().optional(),
  workingHours: z.string().optional(),
  workingDays: z.string().optional(),
  mode: z.string().optional(),
});
export const ZDeadlineResponse = z.object({ deadline: z.string() });
export type TDeadlineResponse = z.infer<typeof ZDeadlineResponse>;

/** GET /api/calendar/{unitCode}/days?year= */
export const ZDaysQuery = z.object({ year: z.coerce.number().int().min(1900).max(2199) });
/** working: counts as working time; reception_only: the desk receives but the clock does not run. */
export const CALENDAR_DAY_KINDS = ['working', 'non_working', 'reception_only'] as const;
export const ZCalendarDayKind = z.enum(CALENDAR_DAY_KINDS);
export const ZCalendarDay = z.object({
  date: ZIsoDate,
  weekday: z.enum(CALENDAR_WEEKDAYS),
  kind: ZCalendarDayKind,
  /** Why: working, rest, holiday, swapped_working, unit_closed, unit_working, unit_reception. */
  source: z.string(),
  reason: z.string().nullable(),
  work: z.array(ZPeriod),
  reception: z.array(ZPeriod),
  workingMinutes: z.number().int(),
});
export type TCalendarDay = z.infer<typeof ZCalendarDay>;
export const ZDaysResponse = z.object({
  unitCode: z.string(),
  year: z.number().int(),
  days: z.array(ZCalendarDay),
});
export type TDaysResponse = z.infer<typeof ZDaysResponse>;

// ---------- admin ----------

export const ZUnitDayKind = z.enum(['closed', 'working', 'reception']);
export const ZUnitDayInput = z.object({
  date: ZIsoDate,
  kind: ZUnitDayKind,
  reason: z.string().trim().min(1).max(200),
  hours: z
    .object({ work: z.array(ZPeriod).max(6).optional(), reception: z.array(ZPeriod).max(6).optional() })
    .optional(),
});
export type TUnitDayInput = z.infer<typeof ZUnitDayInput>;
export const ZUnitDay = ZUnitDayInput.extend({
  unitCode: z.string(),
  announcedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TUnitDay = z.infer<typeof ZUnitDay>;

export const ZUnitCalendarResponse = z.object({
  unit: z.object({ id: z.string(), code: z.string(), name: z.string(), parentCode: z.string().nullable() }),
  /** The unit's own hours, or null when it inherits. */
  ownWeekly: ZWeeklyHours.nullable(),
  /** What applies: own, else the nearest ancestor's, else the national default. */
  weekly: ZWeeklyHours,
  inheritedFrom: z.string().nullable(),
  dayCountMode: ZDayCountMode,
  /** The unit's own announcements and those of its ancestors. */
  unitDays: z.array(ZUnitDay),
});
export type TUnitCalendarResponse = z.infer<typeof ZUnitCalendarResponse>;

/** PUT …/hours: null returns the unit to inheriting. */
export const ZPutHoursBody = z.object({ weekly: ZWeeklyHours.nullable() });

export const ZYearParams = z.object({ year: z.coerce.number().int().min(1900).max(2199) });
export const ZOfficialDay = z.object({ date: ZIsoDate, reason: z.string() });
export const ZOfficialSchedule = z.object({
  year: z.number().int(),
  source: z.string().optional(),
  daysOff: z.array(ZOfficialDay),
  workingDays: z.array(ZOfficialDay),
});
export type TOfficialSchedule = z.infer<typeof ZOfficialSchedule>;
export const ZScheduleSummary = z.object({
  year: z.number().int(),
  source: z.string().nullable(),
  daysOff: z.number().int(),
  workingDays: z.number().int(),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
});
export const ZScheduleListResponse = z.object({ items: z.array(ZScheduleSummary) });
export type TScheduleListResponse = z.infer<typeof ZScheduleListResponse>;
/** One error of an imported schedule, as the parser reports it (the 400 response's `details`). */
export const ZScheduleError = z.object({ path: z.string(), vi: z.string(), en: z.string() });
export type TScheduleError = z.infer<typeof ZScheduleError>;

export const ZSettings = z.object({ dayCountMode: ZDayCountMode });
export type TSettings = z.infer<typeof ZSettings>;
