// The deadline rules of processing (003 Đ13.4, Đ13.9, Đ14.4), pure: given the pinned workflow, the processing time,
// the calendar and the dossier's events, accept or refuse an event and date it. The live actions
// (processing.service.ts) and the simulator (procedure-simulate.ts) both call these — one engine, never a copy.
import { SECOND_SUPPLEMENT_REASON, type TProcessingTime, type TWorkflow } from '@motcua/contracts';
import { AppError } from '../../http/errors';
import { processingDue, supplementNoticeDue, type Calendar, type DossierClock } from '../calendar';
import { ClockRejected, processingClockOf, type ClockSourceEvent } from './processing-clock';

/** What the rules read of a dossier besides its events: the calendar of its authority and its pinned version. */
export type RuleFacts = { cal: Calendar; time: TProcessingTime; workflow: TWorkflow };

const deadline = (vi: string, en: string) => new AppError('DEADLINE_RULE', { details: { vi, en } });

/**
 * Supplement during appraisal (003 Đ13.4): within the workflow's limit (3 working days) of the start of the current
 * run (the receipt, or the complete supplement for a defect new in it); one complete request — a second one only
 * with `new_defect_in_supplement`, counted (`repeat`). 422 DEADLINE_RULE otherwise.
 */
export function supplementRequestRule(
  f: RuleFacts,
  events: readonly ClockSourceEvent[],
  now: Date,
  reason: string | undefined,
): { repeat: number; noticeDue: Date } {
  const receivedIdx = events.findIndex((e) => e.type === 'received');
  const earlier = events.slice(receivedIdx + 1).filter((e) => e.type === 'supplement_requested').length;
  if (earlier > 0 && reason !== SECOND_SUPPLEMENT_REASON) {
    throw deadline(
      'chỉ yêu cầu bổ sung một lần (trừ khi hồ sơ bổ sung có sai sót mới)',
      'one complete supplement request only (unless the supplement itself has a new defect)',
    );
  }
  const clock = processingClockOf(f.cal, f.time, events, now);
  const days = f.workflow.supplementNoticeDays;
  const due =
    days === 3
      ? supplementNoticeDue(f.cal, clock.runStartedAt!, undefined)
      : processingDue(f.cal, clock.runStartedAt!, { unit: 'working_days', value: days });
  if (now > due) {
    throw deadline(
      `quá ${days} ngày làm việc kể từ ngày tiếp nhận, không được yêu cầu bổ sung`,
      `more than ${days} working days after receipt: no supplement request`,
    );
  }
  return { repeat: earlier, noticeDue: due };
}

/**
 * Apology and extension (Mẫu 04, 003 Đ13.9): once per dossier; the appointment moves by `workingDays` counted by the
 * calendar from the current one; sent later than 1 working day before the deadline it is still recorded, flagged
 * `late`. Null when the clock has no appointment (waiting on the applicant): the caller refuses by the state.
 */
export function extensionRule(
  f: RuleFacts,
  events: readonly ClockSourceEvent[],
  now: Date,
  workingDays: number,
): { previousDue: Date; newDue: Date; late: boolean } | null {
  const before = processingClockOf(f.cal, f.time, events, now);
  if (!before.due) return null;
  const newDue = processingDue(f.cal, before.due, { unit: 'working_days', value: workingDays });
  let after: DossierClock;
  try {
    after = processingClockOf(
      f.cal,
      f.time,
      [...events, { type: 'extended', at: now, data: { newDue } }],
      now,
    );
  } catch (err) {
    if (err instanceof ClockRejected && err.code === 'already_extended') {
      throw deadline('chỉ được gia hạn một lần', 'the processing time can be extended only once');
    }
    throw err;
  }
  return { previousDue: before.due, newDue, late: after.extensionLate };
}

/** The complete supplement during processing (003 Đ13.4): the clock with it, restarted from zero at `now`. */
export function clockAfterSupplement(
  f: RuleFacts,
  events: readonly ClockSourceEvent[],
  now: Date,
): DossierClock {
  return processingClockOf(f.cal, f.time, [...events, { type: 'supplement_submitted', at: now }], now);
}

/** 003 Đ14.4: a result before the appointment in force is early (announced as such). */
export function isEarlyResult(appointmentAt: Date | null, now: Date): boolean {
  return appointmentAt !== null && now < appointmentAt;
}
