import { vnWall, type Locale } from '@motcua/contracts';

/**
 * The one place screens turn dates, times, money and counts into text (issue #20). Both locales write dates the
 * Vietnamese way — dd/mm/yyyy, 24-hour clock, Vietnam's civil time whatever the device says — because the dates
 * are those of Vietnamese documents; only number grouping and the currency word follow the app's locale.
 * Vietnam has had no DST since 1975, so a fixed +7 h is exact (`vnWall`).
 */
const two = (n: number) => String(n).padStart(2, '0');

function vnClock(iso: string): { day: string; time: string } | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const d = vnWall(at);
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

/**
 * What a person typed as a day — "01/07/2025", also "1/7/2025" or "01-07-2025" — as 'YYYY-MM-DD', or null when it
 * is not a day of the calendar (31/02, 00/01, a two-digit year). With `withTime` a 24-hour time must follow
 * ("01/07/2025 08:30") and the answer is 'YYYY-MM-DDTHH:MM'.
 */
export function parseDay(text: string, withTime = false): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2})[:h](\d{2}))?\s*$/.exec(text);
  if (!m || Boolean(m[4]) !== withTime) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d)
    return null;
  const day = `${y}-${two(mo)}-${two(d)}`;
  if (!withTime) return day;
  const [h, min] = [Number(m[4]), Number(m[5])];
  return h < 24 && min < 60 ? `${day}T${two(h)}:${two(min)}` : null;
}

/** 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM' as typed in a date field: "01/07/2025", "01/07/2025 08:30". */
export function dayText(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) return '';
  return `${m[3]}/${m[2]}/${m[1]}${m[4] ? ` ${m[4]}:${m[5]}` : ''}`;
}
