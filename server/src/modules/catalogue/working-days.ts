/**
 * Working-day arithmetic for the publication deadline (001 Đ6, Đ22.3: published within 5 working days of the
 * announcing decision). Counts Monday–Friday only; the calendar module's holiday-aware `addWorkingDays` is not
 * finished yet and will replace this one function when it lands.
 */
export function addWeekdays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

export const PUBLICATION_WORKING_DAYS = 5;

export function publicationDeadline(decisionDate: string): string {
  return addWeekdays(decisionDate, PUBLICATION_WORKING_DAYS);
}

/** Weekdays strictly after `from` up to and including `to` (0 when `to` is not after `from`). */
export function weekdaysBetween(from: string, to: string): number {
  let n = 0;
  const d = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (d < end) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) n += 1;
  }
  return n;
}
