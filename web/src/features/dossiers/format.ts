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

/** One key per submission attempt, reused when that attempt is retried. */
export const newIdempotencyKey = () => crypto.randomUUID();
