import type { Json, Timestamp } from '../../db/schema';
import type { DayCountMode, DayHours, OfficialSchedule, UnitDayKind, WeeklyHours } from '.';

export type CalendarStateTable = {
  id: number;
  day_count_mode: DayCountMode;
  version: number;
  updated_at: Timestamp;
};

export type CalendarUnitHoursTable = {
  unit_id: string;
  weekly: Json<WeeklyHours>;
  updated_at: Timestamp;
  updated_by: string | null;
};

export type CalendarOfficialSchedulesTable = {
  year: number;
  schedule: Json<OfficialSchedule>;
  imported_at: Timestamp;
  imported_by: string | null;
};

export type CalendarUnitDaysTable = {
  unit_id: string;
  date: string;
  kind: UnitDayKind;
  reason: string;
  hours: Json<Partial<DayHours>> | null;
  announced_by: string | null;
  created_at: Timestamp;
};

export type CalendarTables = {
  calendar_state: CalendarStateTable;
  calendar_unit_hours: CalendarUnitHoursTable;
  calendar_official_schedules: CalendarOfficialSchedulesTable;
  calendar_unit_days: CalendarUnitDaysTable;
};
