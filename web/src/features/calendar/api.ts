import type {
  TDaysResponse,
  TOfficialSchedule,
  TUnitCalendarResponse,
  TUnitDay,
  TUnitDayInput,
  TWeeklyHours,
} from '@motcua/contracts';
import { api } from '../../lib/api';

export const calendarKeys = {
  all: ['calendar'] as const,
  days: (unitCode: string, year: number) => ['calendar', 'days', unitCode, year] as const,
  unit: (unitCode: string) => ['calendar', 'unit', unitCode] as const,
};

const u = (code: string) => encodeURIComponent(code);

export const calendarApi = {
  days: (unitCode: string, year: number) =>
    api<TDaysResponse>(`/api/calendar/${u(unitCode)}/days?year=${year}`),
  unit: (unitCode: string) => api<TUnitCalendarResponse>(`/api/admin/calendar/units/${u(unitCode)}`),
  putHours: (unitCode: string, weekly: TWeeklyHours | null) =>
    api<TUnitCalendarResponse>(`/api/admin/calendar/units/${u(unitCode)}/hours`, {
      method: 'PUT',
      body: { weekly },
    }),
  importSchedule: (year: number, json: unknown) =>
    api<TOfficialSchedule>(`/api/admin/calendar/schedules/${year}`, { method: 'PUT', body: json }),
  addUnitDay: (unitCode: string, input: TUnitDayInput) =>
    api<TUnitDay>(`/api/admin/calendar/units/${u(unitCode)}/days`, { method: 'POST', body: input }),
  removeUnitDay: (unitCode: string, date: string) =>
    api<void>(`/api/admin/calendar/units/${u(unitCode)}/days/${date}`, { method: 'DELETE' }),
};
