/**
 * The working calendar of each administrative unit, as other modules use it:
 *
 * - `getCalendarForUnit(dbOrTrx, unitIdOrCode): Promise<Calendar>` — the compiled calendar of a unit (weekly hours
 *   inherited from the nearest ancestor that has its own, official yearly schedules, closures/extra days
 *   announced by the unit or its ancestors). Throws AppError NOT_FOUND for an unknown unit.
 * - `getCalendarForAgency(dbOrTrx, agencyId): Promise<Calendar>` — the same, for the unit of `agencies.unit_id`.
 * Both accept the `Db` or the caller's open transaction: inside a transaction pass `trx` (PGlite has one connection).
 * Feed the result to the pure functions of './index' (addWorkingDays, processingDue, receptionDue, …).
 *
 * Caching: compiled calendars are kept in-process per unit together with the `calendar_state.version` they were
 * built from. Every calendar change bumps that version in the same transaction, and every lookup reads it (one
 * primary-key query), so an admin change is visible to every instance on the very next lookup — no TTL, no
 * cross-process staleness — while the compile (the expensive part) happens once per change.
 */
import type { Transaction } from 'kysely';
import type { Db } from '../../db/client';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { idempotent } from '../../http/idempotency';
import { appendAudit, type AuditActor } from '../audit';
import {
  buildCalendar,
  DEFAULT_WEEKLY_HOURS,
  describeDay,
  isoFromDay,
  parseOfficialSchedule,
  weekdayOfDay,
  dayFromIso,
  type Calendar,
  type DayCountMode,
  type DayHours,
  type OfficialSchedule,
  type ScheduleError,
  type UnitDay,
  type UnitDayKind,
  type WeeklyHours,
} from '.';
import * as repo from './calendar.repo';
import type { TCalendarDay, TUnitCalendarResponse, TUnitDay } from '@motcua/contracts';
import { findUnitByCode, findUnitById, type UnitRow } from '../organisation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unitWhat = (ref: string) => ({ vi: `đơn vị hành chính "${ref}"`, en: `Administrative unit "${ref}"` });

type Cached = { version: number; calendar: Calendar };
const cache = new Map<string, Cached>();
const CACHE_MAX = 2000;

/** A database handle or the caller's open transaction (on PGlite, code inside a transaction must use it). */
export type DbOrTrx = Db | Transaction<Database>;
const qOf = (db: DbOrTrx) => ('kysely' in db && 'engine' in db ? db.kysely : (db as Transaction<Database>));

async function resolveUnit(db: DbOrTrx, ref: string): Promise<UnitRow> {
  const q = qOf(db);
  const unit = UUID.test(ref) ? await findUnitById(q, ref) : await findUnitByCode(q, ref);
  if (!unit) throw new AppError('NOT_FOUND', { what: unitWhat(ref) });
  return unit;
}

type Compiled = {
  chain: UnitRow[];
  weekly: WeeklyHours;
  ownWeekly: WeeklyHours | null;
  inheritedFrom: string | null;
  unitDays: Array<repo.UnitDayRow & { unitCode: string }>;
  schedules: OfficialSchedule[];
  dayCountMode: DayCountMode;
};

async function loadRules(db: DbOrTrx, unit: UnitRow): Promise<Compiled> {
  const q = qOf(db);
  const chain = await repo.unitChain(q, unit);
  const ids = chain.map((u) => u.id);
  const hours = await repo.hoursOf(q, ids);
  const holder = chain.find((u) => hours.has(u.id));
  const codeOf = new Map(chain.map((u) => [u.id, u.code]));
  // Nearest unit wins for a date: rows come ordered by date, so keep the one with the smallest chain index.
  const rank = new Map(ids.map((id, i) => [id, i]));
  const byDate = new Map<string, repo.UnitDayRow>();
  for (const row of await repo.unitDaysOf(q, ids)) {
    const prev = byDate.get(row.date);
    if (!prev || (rank.get(row.unit_id) ?? 99) < (rank.get(prev.unit_id) ?? 99)) byDate.set(row.date, row);
  }
  const schedules: OfficialSchedule[] = [];
  for (const row of await repo.allSchedules(q)) {
    // Stored schedules were validated on import; re-checking keeps a hand-edited row from breaking every deadline.
    const parsed = parseOfficialSchedule(row.schedule);
    if (parsed.ok) schedules.push(parsed.schedule);
  }
  const state = await repo.readState(q);
  return {
    chain,
    weekly: holder ? (hours.get(holder.id) ?? DEFAULT_WEEKLY_HOURS) : DEFAULT_WEEKLY_HOURS,
    ownWeekly: hours.get(unit.id) ?? null,
    inheritedFrom: holder && holder.id !== unit.id ? holder.code : null,
    unitDays: [...byDate.values()].map((r) => ({ ...r, unitCode: codeOf.get(r.unit_id) ?? '' })),
    schedules,
    dayCountMode: state.dayCountMode,
  };
}

function compile(rules: Compiled): Calendar {
  const unitDays: UnitDay[] = rules.unitDays.map((d) => ({
    date: d.date,
    kind: d.kind,
    reason: d.reason,
    ...(d.hours ? { hours: d.hours } : {}),
  }));
  return buildCalendar({
    weekly: rules.weekly,
    officialSchedules: rules.schedules,
    unitDays,
    dayCountMode: rules.dayCountMode,
  });
}

/** The compiled calendar of a unit, by id (uuid) or code. See the top of this file for the caching rule. */
export async function getCalendarForUnit(db: DbOrTrx, unitIdOrCode: string): Promise<Calendar> {
  const unit = await resolveUnit(db, unitIdOrCode);
  const { version } = await repo.readState(qOf(db));
  return calendarOf(db, unit, version);
}

/** The calendar of an agency's administrative unit (agencies.unit_id). */
export async function getCalendarForAgency(db: DbOrTrx, agencyId: string): Promise<Calendar> {
  const found = UUID.test(agencyId) ? await repo.findAgencyUnit(qOf(db), agencyId) : undefined;
  if (!found)
    throw new AppError('NOT_FOUND', { what: { vi: `cơ quan "${agencyId}"`, en: `Agency "${agencyId}"` } });
  return calendarOf(db, found.unit, found.version);
}

async function calendarOf(db: DbOrTrx, unit: UnitRow, version: number): Promise<Calendar> {
  const hit = cache.get(unit.id);
  if (hit && hit.version === version) return hit.calendar;
  const calendar = compile(await loadRules(db, unit));
  if (cache.size >= CACHE_MAX) cache.clear();
  // Read before loading: a change racing the load leaves an older version here, so the next lookup recompiles.
  cache.set(unit.id, { version, calendar });
  return calendar;
}

// ---------- reading for the API ----------

function dayKind(hours: DayHours): TCalendarDay['kind'] {
  if (hours.work.length > 0) return 'working';
  return hours.reception.length > 0 ? 'reception_only' : 'non_working';
}

const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Every day of a year as the unit's calendar sees it. */
export function daysOfYear(calendar: Calendar, year: number): TCalendarDay[] {
  const out: TCalendarDay[] = [];
  const last = dayFromIso(`${year}-12-31`);
  for (let day = dayFromIso(`${year}-01-01`); day <= last; day++) {
    const info = describeDay(calendar, isoFromDay(day));
    out.push({
      date: info.date,
      weekday: weekdayOfDay(day),
      kind: dayKind(info.hours),
      source: info.kind,
      reason: info.reason,
      work: info.hours.work.map((p) => ({ start: p.start, end: p.end })),
      reception: info.hours.reception.map((p) => ({ start: p.start, end: p.end })),
      workingMinutes: info.hours.work.reduce((a, p) => a + minutes(p.end) - minutes(p.start), 0),
    });
  }
  return out;
}

function presentUnitDay(d: repo.UnitDayRow & { unitCode: string }): TUnitDay {
  return {
    unitCode: d.unitCode,
    date: d.date,
    kind: d.kind,
    reason: d.reason,
    ...(d.hours ? { hours: d.hours as TUnitDay['hours'] } : {}),
    announcedBy: d.announced_by,
    createdAt: d.created_at.toISOString(),
  };
}

export async function unitCalendarView(db: Db, unitCode: string): Promise<TUnitCalendarResponse> {
  const unit = await resolveUnit(db, unitCode);
  const rules = await loadRules(db, unit);
  const parent = rules.chain[1];
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name, parentCode: parent?.code ?? null },
    ownWeekly: rules.ownWeekly as TUnitCalendarResponse['ownWeekly'],
    weekly: rules.weekly as TUnitCalendarResponse['weekly'],
    inheritedFrom: rules.inheritedFrom,
    dayCountMode: rules.dayCountMode,
    unitDays: rules.unitDays.map(presentUnitDay),
  };
}

export async function listSchedules(db: Db) {
  const rows = await repo.allSchedules(db.kysely);
  return rows.map((r) => ({
    year: r.year,
    source: r.schedule.source ?? null,
    daysOff: r.schedule.daysOff.length,
    workingDays: r.schedule.workingDays.length,
    importedAt: r.imported_at.toISOString(),
    importedBy: r.imported_by,
  }));
}

export async function getSchedule(db: Db, year: number): Promise<OfficialSchedule> {
  const row = await repo.scheduleOf(db.kysely, year);
  if (!row)
    throw new AppError('NOT_FOUND', {
      what: { vi: `lịch nghỉ chính thức năm ${year}`, en: `Official schedule of ${year}` },
    });
  return row.schedule;
}

// ---------- changes (one transaction each, audited, version bumped) ----------

function invalid(errors: ScheduleError[]): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    { details: { vi: errors.map((e) => e.vi).join(' '), en: errors.map((e) => e.en).join(' ') } },
    errors,
  );
}

/**
 * Rejects hours the arithmetic cannot use (overlapping, reversed) with a readable message, and a week without any
 * working time: no deadline could ever fall due, and counting towards one would never end.
 */
function checkWeekly(weekly: WeeklyHours): void {
  if (!Object.values(weekly).some((day) => day.work.length > 0))
    throw invalid([
      {
        path: 'weekly',
        vi: 'Giờ làm việc không hợp lệ: cả tuần không có giờ làm việc nào.',
        en: 'Invalid hours: the week has no working time at all.',
      },
    ]);
  try {
    buildCalendar({ weekly, generateHolidays: false });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw invalid([
      {
        path: 'weekly',
        vi: `Giờ làm việc không hợp lệ: các khoảng phải tăng dần, không rỗng và không chồng lấn (${msg}).`,
        en: `Invalid hours: periods must be ascending, non-empty and non-overlapping (${msg}).`,
      },
    ]);
  }
}

export async function setUnitHours(db: Db, actor: AuditActor, unitCode: string, weekly: WeeklyHours | null) {
  const unit = await resolveUnit(db, unitCode);
  if (weekly) checkWeekly(weekly);
  await db.kysely.transaction().execute(async (trx) => {
    if (weekly) await repo.upsertHours(trx, unit.id, weekly, actor.name ?? null);
    else await repo.deleteHours(trx, unit.id);
    await repo.bumpVersion(trx);
    await appendAudit(trx, actor, {
      action: weekly ? 'calendar.hours_set' : 'calendar.hours_inherited',
      target: { type: 'unit', id: unit.id },
      details: { unitCode: unit.code, ...(weekly ? { weekly } : {}) },
    });
  });
}

/** All-or-nothing: any parser error rejects the whole file; a re-import of a year replaces it. */
export async function importSchedule(
  db: Db,
  actor: AuditActor,
  json: unknown,
  year?: number,
): Promise<OfficialSchedule> {
  const parsed = parseOfficialSchedule(json);
  if (!parsed.ok) throw invalid(parsed.errors);
  const schedule = parsed.schedule;
  if (year !== undefined && schedule.year !== year) {
    throw invalid([
      {
        path: 'year',
        vi: `Năm trong tệp (${schedule.year}) khác năm đang nhập (${year}).`,
        en: `The file's year (${schedule.year}) differs from the year being imported (${year}).`,
      },
    ]);
  }
  await db.kysely.transaction().execute(async (trx) => {
    const previous = await repo.scheduleOf(trx, schedule.year);
    await repo.upsertSchedule(trx, schedule, actor.name ?? null);
    await repo.bumpVersion(trx);
    await appendAudit(trx, actor, {
      action: previous ? 'calendar.schedule_replaced' : 'calendar.schedule_imported',
      target: { type: 'calendar_year', id: String(schedule.year) },
      details: { schedule, ...(previous ? { previous: previous.schedule } : {}) },
    });
  });
  return schedule;
}

export async function removeSchedule(db: Db, actor: AuditActor, year: number): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const previous = await repo.scheduleOf(trx, year);
    if (!previous)
      throw new AppError('NOT_FOUND', {
        what: { vi: `lịch nghỉ chính thức năm ${year}`, en: `Official schedule of ${year}` },
      });
    await repo.deleteSchedule(trx, year);
    await repo.bumpVersion(trx);
    await appendAudit(trx, actor, {
      action: 'calendar.schedule_removed',
      target: { type: 'calendar_year', id: String(year) },
      details: { previous: previous.schedule },
    });
  });
}

export type UnitDayInput = { date: string; kind: UnitDayKind; reason: string; hours?: Partial<DayHours> };

/** Honours an Idempotency-Key: a retried request gets the first answer and adds nothing twice. */
export async function addUnitDay(
  db: Db,
  actor: AuditActor,
  unitCode: string,
  input: UnitDayInput,
  idempotencyKey?: string,
): Promise<TUnitDay> {
  const unit = await resolveUnit(db, unitCode);
  try {
    buildCalendar({ unitDays: [input], generateHolidays: false });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw invalid([
      { path: 'date', vi: `Ngày hoặc giờ không hợp lệ (${msg}).`, en: `Invalid date or hours (${msg}).` },
    ]);
  }
  const row = {
    unit_id: unit.id,
    date: input.date,
    kind: input.kind,
    reason: input.reason,
    hours: input.hours ?? null,
    announced_by: actor.name ?? null,
  };
  const result = await idempotent(
    db,
    'calendar.unit_day',
    idempotencyKey,
    { unitCode, input },
    async (trx) => {
      if (!(await repo.insertUnitDay(trx, row))) {
        throw new AppError('DUPLICATE', {
          what: {
            vi: `Thông báo của đơn vị ${unit.code} cho ngày ${input.date}`,
            en: `An announcement of unit ${unit.code} for ${input.date}`,
          },
        });
      }
      await repo.bumpVersion(trx);
      await appendAudit(trx, actor, {
        action: 'calendar.unit_day_added',
        target: { type: 'unit', id: unit.id },
        details: { unitCode: unit.code, ...input },
      });
      return { status: 201, body: presentUnitDay({ ...row, created_at: actor.at, unitCode: unit.code }) };
    },
  );
  return result.body;
}

export async function removeUnitDay(
  db: Db,
  actor: AuditActor,
  unitCode: string,
  date: string,
): Promise<void> {
  const unit = await resolveUnit(db, unitCode);
  await db.kysely.transaction().execute(async (trx) => {
    const removed = await repo.deleteUnitDay(trx, unit.id, date);
    if (!removed) {
      throw new AppError('NOT_FOUND', {
        what: {
          vi: `thông báo của đơn vị ${unit.code} cho ngày ${date}`,
          en: `Announcement of unit ${unit.code} for ${date}`,
        },
      });
    }
    await repo.bumpVersion(trx);
    await appendAudit(trx, actor, {
      action: 'calendar.unit_day_removed',
      target: { type: 'unit', id: unit.id },
      details: { unitCode: unit.code, date, ...removed },
    });
  });
}

export async function getDayCountMode(db: Db): Promise<DayCountMode> {
  return (await repo.readState(db.kysely)).dayCountMode;
}

export async function setDayCountMode(db: Db, actor: AuditActor, mode: DayCountMode): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await repo.bumpVersion(trx, mode);
    await appendAudit(trx, actor, { action: 'calendar.day_count_mode_set', details: { dayCountMode: mode } });
  });
}
