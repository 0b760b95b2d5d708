import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TUnitDayInput, TWeeklyHours } from '@motcua/contracts';
import { calendarApi, calendarKeys } from './api';

export function useCalendarDays(unitCode: string, year: number) {
  return useQuery({
    queryKey: calendarKeys.days(unitCode, year),
    queryFn: () => calendarApi.days(unitCode, year),
    enabled: unitCode !== '',
  });
}

export function useUnitCalendar(unitCode: string) {
  return useQuery({
    queryKey: calendarKeys.unit(unitCode),
    queryFn: () => calendarApi.unit(unitCode),
    enabled: unitCode !== '',
  });
}

/** Any calendar change can alter every unit's days (inheritance, national schedules): refetch them all. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: calendarKeys.all });
}

export function usePutHours(unitCode: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (weekly: TWeeklyHours | null) => calendarApi.putHours(unitCode, weekly),
    onSuccess: invalidate,
  });
}

export function useImportSchedule() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ year, json }: { year: number; json: unknown }) => calendarApi.importSchedule(year, json),
    onSuccess: invalidate,
  });
}

export function useAddUnitDay(unitCode: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: TUnitDayInput) => calendarApi.addUnitDay(unitCode, input),
    onSuccess: invalidate,
  });
}

export function useRemoveUnitDay(unitCode: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (date: string) => calendarApi.removeUnitDay(unitCode, date),
    onSuccess: invalidate,
  });
}
