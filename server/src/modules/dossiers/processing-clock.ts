import type { TDossierEventType, TProcessingTime } from '@motcua/contracts';
import { computeClock, type Calendar, type ClockEvent, type DossierClock } from '../calendar';

/** The facts of a stored (or candidate) dossier event that the clock reads. */
export type ClockSourceEvent = { type: TDossierEventType; at: Date; data?: Record<string, unknown> };

/**
 * The dossier events that move the processing clock, as the calendar's clock events (pure). The clock starts at
 * receipt ('received'); a supplement request after that stops it and the complete supplement restarts it from zero
 * (003 Đ13.4). Events before receipt (the reception-stage supplement) belong to the 8-hour reception clock.
 */
export function clockEventsOf(events: readonly ClockSourceEvent[]): ClockEvent[] {
  const out: ClockEvent[] = [];
  let started = false;
  for (const e of events) {
    if (e.type === 'received') {
      out.push({ type: 'started', at: e.at });
      started = true;
    } else if (!started) {
      continue;
    } else if (e.type === 'supplement_requested') {
      out.push({ type: 'supplement_requested', at: e.at });
    } else if (e.type === 'supplement_submitted') {
      out.push({ type: 'supplement_received', at: e.at });
    } else if (e.type === 'extended') {
      out.push({ type: 'extended', at: e.at, newDue: new Date(String(e.data?.newDue)) });
    }
  }
  return out;
}

export class ClockRejected extends Error {
  constructor(
    readonly code: string,
    readonly index: number,
  ) {
    super(`Processing clock refuses event ${index}: ${code}`);
  }
}

/**
 * The processing clock of a dossier at `now`, folded from its events by the calendar's pure `computeClock` (never
 * patched in place). Used with a candidate event appended to check and date a new event before storing it.
 * An immediate-result procedure (001 Đ10.1.d) is due at receipt and is never overdue.
 */
export function processingClockOf(
  cal: Calendar,
  time: TProcessingTime,
  events: readonly ClockSourceEvent[],
  now: Date,
): DossierClock {
  const r = computeClock(cal, time, clockEventsOf(events), now);
  if (!r.ok) throw new ClockRejected(r.code, r.index);
  if (time.unit === 'immediate') return { ...r.clock, overdue: false, remainingMinutes: 0 };
  return r.clock;
}
