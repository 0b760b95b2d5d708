/** Việt Nam has used UTC+7 without daylight saving since 1975; every instant the API shows uses it. */
const VN_OFFSET_MS = 7 * 3_600_000;

/** An instant as ISO 8601 in Việt Nam local time with its offset, e.g. "2026-02-23T09:00:00+07:00". */
export function toVnIso(date: Date): string {
  const t = date.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid Date');
  const local = new Date(t + VN_OFFSET_MS).toISOString(); // "YYYY-MM-DDTHH:mm:ss.sssZ" shifted to +07:00
  const ms = local.slice(19, 23);
  return `${local.slice(0, 19)}${ms === '.000' ? '' : ms}+07:00`;
}
