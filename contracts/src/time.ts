/** Việt Nam has used UTC+7 without daylight saving since 1975; every instant the API shows uses it. */
export const VN_OFFSET_MS = 7 * 3_600_000;

/** An instant as ISO 8601 in Việt Nam local time with its offset, e.g. "2026-02-23T09:00:00+07:00". */
export function toVnIso(date: Date): string {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid Date');
  const local = new Date(t + VN_OFFSET_MS).toISOString(); // "YYYY-MM-DDTHH:mm:ss.sssZ" shifted to +07:00
  const ms = local.slice(19, 23);
  return `${local.slice(0, 19)}${ms === '.000' ? '' : ms}+07:00`;
}

/** The instant shifted so that its UTC fields read as the wall clock in Việt Nam (`vnWall(d).getUTCHours()`). */
export function vnWall(date: Date): Date {
  return new Date(date.getTime() + VN_OFFSET_MS);
}

/** The calendar date in Việt Nam of an instant, "YYYY-MM-DD". */
export function vnDay(date: Date): string {
  return vnWall(date).toISOString().slice(0, 10);
}

/** The year in Việt Nam of an instant (a result or register number counts within it). */
export function vnYear(date: Date): number {
  return vnWall(date).getUTCFullYear();
}

/** A Việt Nam wall-clock date or date-time ("2026-02-23", "2026-02-23T09:00", "…T09:00:00") as an instant. */
export function vnInstant(local: string): Date {
  return new Date(local.length === 10 ? `${local}T00:00:00+07:00` : `${local}+07:00`);
}
