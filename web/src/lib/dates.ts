import type { Locale } from '@motcua/contracts';

/** Dates and times in Vietnam's time zone, whatever the device says. */
export function formatDateTime(iso: string | null, locale: Locale): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function formatDate(iso: string | null, locale: Locale): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
  }).format(new Date(iso));
}

/** A calendar date ('YYYY-MM-DD') as people in Vietnam write it: dd/mm/yyyy. */
export function formatDay(isoDate: string | null | undefined, empty = '—'): string {
  if (!isoDate) return empty;
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
