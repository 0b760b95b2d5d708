// Where a dossier stands for the applicant and the public (issue 12): late by the rules, the extension, the result.
// Pure: folded from the row and its events, time passed in.
import type {
  TDossierEventType,
  TDossierResultStatus,
  TDossierStatus,
  TProcessingTime,
} from '@motcua/contracts';
import { instant } from './dossiers.presenter';

type Fact = { type: TDossierEventType; at: Date; data: Record<string, unknown> };

/** The events the public side reads (the rest of the timeline is not needed there). */
export const PROGRESS_EVENTS = ['extended', 'result_issued', 'result_returned'] as const;

/**
 * Late by the rules only: while received or in processing, past the (possibly extended) appointment. An immediate
 * result (001 Đ10.1.d) is never late; a stopped clock (supplement during processing) has no appointment.
 */
export function isLate(
  r: { status: TDossierStatus; processing_time: TProcessingTime | null; appointment_at: Date | null },
  now: Date,
): boolean {
  const open = r.status === 'received' || r.status === 'in_processing';
  return (
    open &&
    r.processing_time?.unit !== 'immediate' &&
    r.appointment_at !== null &&
    r.appointment_at.getTime() < now.getTime()
  );
}

/** The appointment before the extension with an apology (Mẫu 04, once per dossier), as an instant. */
export function extendedFrom(events: readonly Fact[]): string | null {
  const e = events.find((x) => x.type === 'extended');
  const previous = e?.data.previousDue;
  return typeof previous === 'string' ? instant(new Date(previous)) : null;
}

/** Granted or refused, at the desk since when, collected or not. */
export function resultStatus(events: readonly Fact[]): TDossierResultStatus | null {
  const issued = events.findLast((x) => x.type === 'result_issued');
  if (!issued) return null;
  const returned = events.find((x) => x.type === 'result_returned' && x.at >= issued.at);
  return {
    kind: issued.data.kind === 'refused' ? 'refused' : 'granted',
    readyAt: instant(issued.at),
    collected: Boolean(returned),
    collectedAt: returned ? instant(returned.at) : null,
  };
}
