// SQL of the calendar module only; rules live in calendar.service.ts.
import { sql, type Transaction } from 'kysely';
import type { Kdb } from '../../db/client';
import type { Database } from '../../db/schema';
import type { DayCountMode, DayHours, OfficialSchedule, UnitDayKind, WeeklyHours } from '.';
import { findUnitById, type UnitRow } from '../organisation';
import { PREPARED } from '../../db/prepared';

/** An agency's unit and the calendar version in one round trip (every dossier deadline starts here). */
export async function findAgencyUnit(
  q: Kdb,
  agencyId: string,
): Promise<{ unit: UnitRow; version: number } | undefined> {
  const row = await q
    .selectFrom('agencies as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .select((eb) => [
      'u.id',
      'u.code',
      'u.name',
      'u.parent_id',
      eb.selectFrom('calendar_state').select('version').where('id', '=', 1).as('version'),
    ])
    .where('a.id', '=', agencyId)
    .modifyEnd(PREPARED)
    .executeTakeFirst();
  if (!row) return undefined;
  const { version, ...unit } = row;
  // No state row yet: nothing was ever changed (version 0, as readState says).
  return { unit, version: Number(version ?? 0) };
}

/** The unit and its ancestors, nearest first (units are a shallow tree; a loop guard stops cycles). */
export async function unitChain(q: Kdb, unit: UnitRow): Promise<UnitRow[]> {
  const chain = [unit];
  let parent = unit.parent_id;
  while (parent && chain.length < 10) {
    const row = await findUnitById(q, parent);
    if (!row) break;
    chain.push(row);
    parent = row.parent_id;
  }
  return chain;
}

export async function readState(q: Kdb): Promise<{ version: number; dayCountMode: DayCountMode }> {
  const row = await q
    .selectFrom('calendar_state')
    .select(['version', 'day_count_mode'])
    .where('id', '=', 1)
    .executeTakeFirst();
  // No row yet: nothing was ever changed, so the defaults apply.
  return row
    ? { version: Number(row.version), dayCountMode: row.day_count_mode }
    : { version: 0, dayCountMode: 'hours' };
}

/**
 * Every change bumps the version in its own transaction; the row lock also serialises calendar writers. The stamp is
 * the change's instant in microseconds (never less than the last one plus one), not a count: two databases copied
 * from one (a restored backup, a test template) then never reach the same version with different calendars, which a
 * process caching calendars by unit and version would confuse. It is a stamp, not business time, so the database's
 * clock is the right one.
 */
export async function bumpVersion(trx: Transaction<Database>, dayCountMode?: DayCountMode): Promise<void> {
  const stamp = sql<number>`floor(extract(epoch from clock_timestamp()) * 1000000)::bigint`;
  await trx
    .insertInto('calendar_state')
    .values({ id: 1, version: stamp, day_count_mode: dayCountMode ?? 'hours', updated_at: sql<Date>`now()` })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        version: sql<number>`greatest(${eb.ref('calendar_state.version')} + 1, ${stamp})`,
        updated_at: sql<Date>`now()`,
        ...(dayCountMode ? { day_count_mode: dayCountMode } : {}),
      })),
    )
    .execute();
}

export async function hoursOf(q: Kdb, unitIds: string[]): Promise<Map<string, WeeklyHours>> {
  if (unitIds.length === 0) return new Map();
  const rows = await q
    .selectFrom('calendar_unit_hours')
    .select(['unit_id', 'weekly'])
    .where('unit_id', 'in', unitIds)
    .execute();
  return new Map(rows.map((r) => [r.unit_id, r.weekly]));
}

export async function upsertHours(
  trx: Transaction<Database>,
  unitId: string,
  weekly: WeeklyHours,
  by: string | null,
): Promise<void> {
  await trx
    .insertInto('calendar_unit_hours')
    .values({ unit_id: unitId, weekly: JSON.stringify(weekly), updated_by: by })
    .onConflict((oc) =>
      oc
        .column('unit_id')
        .doUpdateSet({ weekly: JSON.stringify(weekly), updated_by: by, updated_at: sql<Date>`now()` }),
    )
    .execute();
}

export async function deleteHours(trx: Transaction<Database>, unitId: string): Promise<number> {
  const r = await trx.deleteFrom('calendar_unit_hours').where('unit_id', '=', unitId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function allSchedules(q: Kdb) {
  return q
    .selectFrom('calendar_official_schedules')
    .select(['year', 'schedule', 'imported_at', 'imported_by'])
    .orderBy('year')
    .execute();
}

export async function scheduleOf(q: Kdb, year: number) {
  return q
    .selectFrom('calendar_official_schedules')
    .select(['year', 'schedule', 'imported_at', 'imported_by'])
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function upsertSchedule(
  trx: Transaction<Database>,
  schedule: OfficialSchedule,
  by: string | null,
): Promise<void> {
  const json = JSON.stringify(schedule);
  await trx
    .insertInto('calendar_official_schedules')
    .values({ year: schedule.year, schedule: json, imported_by: by })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({ schedule: json, imported_by: by, imported_at: sql<Date>`now()` }),
    )
    .execute();
}

export async function deleteSchedule(trx: Transaction<Database>, year: number): Promise<number> {
  const r = await trx.deleteFrom('calendar_official_schedules').where('year', '=', year).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export type UnitDayRow = {
  unit_id: string;
  date: string;
  kind: UnitDayKind;
  reason: string;
  hours: Partial<DayHours> | null;
  announced_by: string | null;
  created_at: Date;
};

export async function unitDaysOf(q: Kdb, unitIds: string[]): Promise<UnitDayRow[]> {
  if (unitIds.length === 0) return [];
  return q
    .selectFrom('calendar_unit_days')
    .select(['unit_id', 'date', 'kind', 'reason', 'hours', 'announced_by', 'created_at'])
    .where('unit_id', 'in', unitIds)
    .orderBy('date')
    .execute();
}

export async function insertUnitDay(
  trx: Transaction<Database>,
  row: Omit<UnitDayRow, 'created_at'>,
): Promise<boolean> {
  const r = await trx
    .insertInto('calendar_unit_days')
    .values({ ...row, hours: row.hours === null ? null : JSON.stringify(row.hours) })
    .onConflict((oc) => oc.columns(['unit_id', 'date']).doNothing())
    .returning('date')
    .executeTakeFirst();
  return r !== undefined;
}

export async function deleteUnitDay(trx: Transaction<Database>, unitId: string, date: string) {
  return trx
    .deleteFrom('calendar_unit_days')
    .where('unit_id', '=', unitId)
    .where('date', '=', date)
    .returning(['kind', 'reason'])
    .executeTakeFirst();
}
