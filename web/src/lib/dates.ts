import type { Locale } from '@motcua/contracts';

/**
 * The one place screens turn dates, times, money and counts into text (issue #20). Both locales write dates the
 * Vietnamese way — dd/mm/yyyy, 24-hour clock, Vietnam's civil time whatever the device says — because the dates
 * are those of Vietnamese documents; only number grouping and the currency word follow the app's locale.
 * Vietnam has had no DST since 1975, so a fixed +7 h is exact.
 */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const two = (n: number) => String(n).padStart(2, '0');

function vnClock(iso: string): { day: string; time: string } | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const d = new Date(at.getTime() + VN_OFFSET_MS);
  return {
    day: `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`,
    time: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`,
  };
}

/** An instant as "03/02/2026 09:05" (Vietnam time) in both locales. */
export function formatDateTime(iso: string | null | undefined, _locale?: Locale): string {
  const c = iso ? vnClock(iso) : null;
  return c ? `${c.day} ${c.time}` : '—';
}

/** The Vietnamese calendar day of an instant: "03/02/2026". */
export function formatDate(iso: string | null | undefined, _locale?: Locale): string {
  const c = iso ? vnClock(iso) : null;
  return c ? c.day : '—';
}

/** A calendar date ('YYYY-MM-DD') as people in Vietnam write it: dd/mm/yyyy. */
export function formatDay(isoDate: string | null | undefined, empty = '—'): string {
  if (!isoDate) return empty;
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Counts and money: the same formatter as server messages (contracts/src/message-format.ts). */
export { formatCount, formatMoney } from '@motcua/contracts';
