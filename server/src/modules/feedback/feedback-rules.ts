/**
 * Pure rules of feedback and satisfaction (issue 16): no I/O, time always passed in.
 */
import type { TOverallSatisfaction, TRatingIndicator } from '@motcua/contracts';
import { localDateOf } from '../calendar';

/** "PAKN-2026-000042": the year of receipt (Việt Nam) and the sequence number. */
export function feedbackReference(receivedAt: Date, n: number): string {
  return `PAKN-${localDateOf(receivedAt).slice(0, 4)}-${String(n).padStart(6, '0')}`;
}

/**
 * Removes personal data from a text before it is published: the sender's own name and contacts, e-mail addresses,
 * phone numbers, identity-card and tax numbers, and dossier codes (which lead to a person through the lookup).
 */
export function redactPersonalData(text: string, known: (string | null | undefined)[] = []): string {
  let out = text;
  for (const k of known) {
    const v = k?.trim();
    if (v && v.length >= 3) out = out.split(v).join('***');
  }
  return out
    .replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '***')
    .replace(/\b[A-Z0-9]{2,}(?:\.[A-Z0-9]+)*-\d{6}-\d{4,}\b/g, '***')
    .replace(/(?:\+?84|0)(?:[ .-]?\d){8,10}\b/g, '***')
    .replace(/\b\d{9,13}\b/g, '***');
}

/** The reporting period of an instant: the calendar month in Việt Nam, "2026-02". */
export function periodOf(at: Date): string {
  return localDateOf(at).slice(0, 7);
}

export function nextPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** A rating arriving at `at` goes to its month, or to the first later month not closed (closed ones are frozen). */
export function ratingPeriod(at: Date, closed: ReadonlySet<string>): string {
  let p = periodOf(at);
  while (closed.has(p)) p = nextPeriod(p);
  return p;
}

/** One agency's part of an inter-agency dossier (liên thông): its own due time and when it was done. */
export type AgencyPart = { agencyId: string; dueAt: Date | null; doneAt: Date | null };

export type DossierFacts = {
  /** The result was issued at (null: never issued); the appointment it is measured against. */
  resultAt: Date | null;
  appointmentAt: Date | null;
  supplements: number;
  submittedOnline: boolean;
  resultOnline: boolean;
  /** The partner agencies' parts; the lead agency's own part is measured by the result against the appointment. */
  agencyParts: readonly AgencyPart[];
};

/** Done before the due day 2, on the due day 1, late 0 (TT 01/2018: early, on time, late). */
export function timeScore(doneAt: Date | null, dueAt: Date | null): 0 | 1 | 2 {
  if (!doneAt || !dueAt) return 1;
  if (doneAt.getTime() > dueAt.getTime()) return 0;
  return localDateOf(doneAt) < localDateOf(dueAt) ? 2 : 1;
}

/**
 * The indicators the system knows (TT 01/2018), each 2/1/0:
 * - total time against the limit: before the appointment's day 2, on that day (in time) 1, late 0;
 * - each agency's time: every agency that took part scored the same way against its own due time (the lead agency
 *   by the result against the appointment, each partner by its part against the part's due time); the indicator is
 *   the lowest of them, so one late agency makes it 0; a part that was opened and never done counts as late;
 * - contacts needed: no supplement request 2, one 1, more 0;
 * - online: submitted and returned online (or by post) 2, one of the two 1, neither 0.
 */
export function knownIndicators(
  f: DossierFacts,
): Record<'total_time' | 'agency_time' | 'supplements' | 'online', 0 | 1 | 2> {
  const time = timeScore(f.resultAt, f.appointmentAt);
  let agencyTime = time;
  for (const p of f.agencyParts) {
    if (!p.dueAt) continue; // never opened: no time of its own
    const s = p.doneAt ? timeScore(p.doneAt, p.dueAt) : 0;
    if (s < agencyTime) agencyTime = s;
  }
  const supplements = f.supplements === 0 ? 2 : f.supplements === 1 ? 1 : 0;
  const online = ((f.submittedOnline ? 1 : 0) + (f.resultOnline ? 1 : 0)) as 0 | 1 | 2;
  return { total_time: time, agency_time: agencyTime, supplements, online };
}

export function totalScore(scores: Partial<Record<TRatingIndicator, number>>): {
  score: number;
  max: number;
} {
  const values = Object.values(scores);
  return { score: values.reduce((a, b) => a + b, 0), max: values.length * 2 };
}

export const OVERALL_ORDER: readonly TOverallSatisfaction[] = [
  'very_satisfied',
  'satisfied',
  'not_satisfied',
];

/** "03/02/2026 09:05", Việt Nam time (docs/glossary.md). */
export function vnDateTime(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
}
