/**
 * Working-day arithmetic for the publication deadline (001 Đ6, Đ22.3: published within 5 working days of the
 * announcing decision), on the province's working calendar: public holidays, compensatory days off and swapped
 * working Saturdays all count as the calendar says. Pure: the compiled calendar is passed in.
 */
import { addWorkingDays, dayFromIso, localDateOf, localDateTime, type Calendar } from '../calendar';

export const PUBLICATION_WORKING_DAYS = 5;

/** The Nth working day after `isoDate`, the day itself not counted (Bộ luật Dân sự Đ147). */
export function addCalendarWorkingDays(calendar: Calendar, isoDate: string, days: number): string {
  return localDateOf(addWorkingDays(calendar, localDateTime(isoDate, '00:00'), days, 'civil'));
}

export function publicationDeadline(calendar: Calendar, decisionDate: string): string {
  return addCalendarWorkingDays(calendar, decisionDate, PUBLICATION_WORKING_DAYS);
}

/** Working days strictly after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(calendar: Calendar, from: string, to: string): number {
  let n = 0;
  const end = dayFromIso(to);
  for (let day = dayFromIso(from) + 1; day <= end; day++)
    if (calendar.resolveDay(day).hours.work.length > 0) n += 1;
  return n;
}
