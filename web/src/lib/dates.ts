/** A calendar date ('YYYY-MM-DD') as people in Vietnam write it: dd/mm/yyyy. */
export function formatDay(isoDate: string | null | undefined, empty = '—'): string {
  if (!isoDate) return empty;
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
