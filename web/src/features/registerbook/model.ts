import type { TDossierPlace } from '@motcua/contracts';
/**
 * The register's period as the page checks it before offering the downloads — the same rule as the server
 * (server/src/modules/dossiers/dossier-register.ts): real days, from ≤ to, at most one year.
 */
export type PeriodProblem = 'invalid' | 'reversed' | 'tooLong';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (s: string) => DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

export function periodProblem(from: string, to: string): PeriodProblem | null {
  if (!realDay(from) || !realDay(to)) return 'invalid';
  if (from > to) return 'reversed';
  const limit = new Date(`${from}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  return new Date(`${to}T00:00:00Z`) >= limit ? 'tooLong' : null;
}

/** The current month in Vietnam: first day and today, as YYYY-MM-DD. */
export function monthToDate(at: Date): { from: string; to: string } {
  const today = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** The desk's own register by default; `decided` / `returned` list the dossiers its agency decides or returns. */
export function registerUrl(
  from: string,
  to: string,
  format: 'pdf' | 'xlsx',
  place: TDossierPlace = 'received',
): string {
  const q = new URLSearchParams({ from, to, format, ...(place === 'received' ? {} : { place }) });
  return `/api/processing/register?${q.toString()}`;
}
