/**
 * Renders a diff value (any part of a procedure version) as readable lines: one line per list item, objects as
 * their meaningful values joined by " — ", booleans as yes/no. Internal ids and URLs are left out.
 */
const HIDDEN = new Set(['id', 'url']);

export function inline(v: unknown, yes: string, no: string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? yes : no;
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.map((x) => inline(x, yes, no)).join(', ');
  return Object.entries(v as Record<string, unknown>)
    .filter(([k, x]) => !HIDDEN.has(k) && x !== null && x !== '' && x !== undefined)
    .map(([, x]) => inline(x, yes, no))
    .join(' — ');
}

export function readableLines(field: string, v: unknown, yes: string, no: string): string[] {
  if (field === 'eform') return [v ? JSON.stringify(v) : '—'];
  if (Array.isArray(v)) return v.length ? v.map((x) => inline(x, yes, no)) : ['—'];
  return [inline(v, yes, no)];
}
