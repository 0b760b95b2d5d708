// The simulator (issue 12): a hypothetical dossier run through the live engine — the state machine
// (dossier-state.ts), the deadline rules (processing-rules.ts) and the processing clock (processing-clock.ts) — with
// no I/O. Whatever the live actions refuse, this refuses with the same code and message.
import {
  DOSSIER_ACTION_LABELS,
  DOSSIER_STATUS_LABELS,
  type TDossierEventType,
  type TDossierStatus,
  type TSimulatedEffect,
  type TSimulatedEvent,
  type TSimulateResponse,
} from '@motcua/contracts';
import { AppError } from '../../http/errors';
import type { Calendar } from '../calendar';
import { planSteps } from '../catalogue';
import { consultationDue, gradeAnswer } from './consultation-rules';
import { transition } from './dossier-state';
import { instant } from './dossiers.presenter';
import { processingClockOf, type ClockSourceEvent } from './processing-clock';
import {
  clockAfterSupplement,
  extensionRule,
  isEarlyResult,
  supplementRequestRule,
  type RuleFacts,
} from './processing-rules';

const EVENT_OF: Record<TSimulatedEvent['type'], TDossierEventType> = {
  supplement_requested: 'supplement_requested',
  supplement_submitted: 'supplement_submitted',
  extended: 'extended',
  stopped: 'stopped',
  result: 'result_issued',
  consultation_sent: 'consultation_sent',
  consultation_answered: 'consultation_answered',
};

const stateError = (status: TDossierStatus, event: TDossierEventType) =>
  new AppError('SIMULATION_STATE', {
    status: DOSSIER_STATUS_LABELS[status],
    action: DOSSIER_ACTION_LABELS[event],
  });

/** The step kinds at which the live actions allow an event (processing.service.ts: currentStep). */
const STEP_KINDS: Partial<Record<TDossierEventType, string[]>> = {
  supplement_requested: ['appraisal'],
  consultation_sent: ['appraisal'],
  extended: ['appraisal', 'approval'],
};

/** How far from now a hypothetical receipt, and from the receipt its events, may lie (the calendar's useful range). */
export const SIMULATION_SPAN_MS = 2 * 366 * 24 * 60 * 60 * 1000;

const outOfRange = (vi: string, en: string) => new AppError('VALIDATION_FAILED', { details: { vi, en } });

/** 400 when the receipt is more than two years from `now`: the calendar holds a few years, not any date. */
export function checkSimulationSpan(receivedAt: Date, now: Date): void {
  if (Math.abs(receivedAt.getTime() - now.getTime()) > SIMULATION_SPAN_MS) {
    throw outOfRange(
      'thời điểm tiếp nhận phải trong vòng 2 năm so với hiện tại',
      'the receipt must lie within 2 years of now',
    );
  }
}

/** The calendars of the agencies the events consult, by the name the request used (id or short name). */
export type ConsultedCalendars = ReadonlyMap<string, Calendar>;
type Consultation = TSimulateResponse['consultations'][number];

/**
 * Runs the events in order on a dossier received (and handed over) at `receivedAt`; 422 at the first refusal.
 * Consultations run inside the lead's time (the appointment does not move); each one's deadline is counted in the
 * consulted agency's calendar, and the result cannot come while one is open (the appraisal waits, as live).
 */
export function simulateProcessing(
  f: RuleFacts,
  receivedAt: Date,
  input: readonly TSimulatedEvent[],
  consulted: ConsultedCalendars = new Map(),
): TSimulateResponse {
  const consultations: Consultation[] = [];
  const history: ClockSourceEvent[] = [{ type: 'received', at: receivedAt }];
  let status: TDossierStatus = 'in_processing';
  let restartAt: Date | null = null;
  let last = receivedAt;
  const effects: TSimulatedEffect[] = [];
  for (const [i, e] of input.entries()) {
    const at = new Date(e.at);
    if (at < last) {
      throw new AppError('VALIDATION_FAILED', {
        details: {
          vi: `sự kiện ${i + 1} trước sự kiện trước nó hoặc trước khi tiếp nhận`,
          en: `event ${i + 1} is before the one before it or before the receipt`,
        },
      });
    }
    if (at.getTime() - receivedAt.getTime() > SIMULATION_SPAN_MS) {
      throw outOfRange(
        `sự kiện ${i + 1} quá 2 năm sau khi tiếp nhận`,
        `event ${i + 1} is more than 2 years after the receipt`,
      );
    }
    last = at;
    const type = EVENT_OF[e.type];
    const next = transition(status, type);
    const kinds = STEP_KINDS[type];
    if (!next.ok || (kinds && !f.workflow.steps.some((s) => kinds.includes(s.kind)))) {
      throw stateError(status, type);
    }
    const dueBefore = processingClockOf(f.cal, f.time, history, at).due;
    const effect: Partial<TSimulatedEffect> = {};
    if (type === 'supplement_requested') {
      const r = supplementRequestRule(f, history, at, e.reason);
      Object.assign(effect, { repeat: r.repeat, noticeDue: instant(r.noticeDue) });
      history.push({ type, at });
    } else if (type === 'supplement_submitted') {
      clockAfterSupplement(f, history, at);
      history.push({ type, at });
      restartAt = at;
    } else if (type === 'consultation_sent') {
      const cal = consulted.get(e.agency!);
      if (!cal)
        throw new AppError('NOT_FOUND', { what: { vi: `cơ quan ${e.agency}`, en: `Agency ${e.agency}` } });
      const due = consultationDue(cal, at, e.workingDays!);
      consultations.push({
        agency: e.agency!,
        sentAt: instant(at),
        dueAt: instant(due),
        answeredAt: null,
        grade: null,
      });
      Object.assign(effect, { agency: e.agency, consultationDueAt: instant(due) });
      history.push({ type, at });
    } else if (type === 'consultation_answered') {
      const c = consultations.find((x) => x.agency === e.agency && x.answeredAt === null);
      if (!c) throw stateError(status, type);
      Object.assign(c, { answeredAt: instant(at), grade: gradeAnswer(at, new Date(c.dueAt)) });
      Object.assign(effect, { agency: e.agency, consultationDueAt: c.dueAt, grade: c.grade });
      history.push({ type, at });
    } else if (type === 'extended') {
      const r = extensionRule(f, history, at, e.workingDays!);
      if (!r) throw stateError(status, type);
      Object.assign(effect, { previousDue: instant(r.previousDue), late: r.late });
      history.push({ type, at, data: { newDue: r.newDue.toISOString() } });
    } else {
      if (type === 'result_issued' && consultations.some((c) => c.answeredAt === null)) {
        throw stateError(status, type);
      }
      if (type === 'result_issued') effect.early = isEarlyResult(dueBefore, at);
      history.push({ type, at });
    }
    status = next.status;
    const clock = processingClockOf(f.cal, f.time, history, at);
    effects.push({
      type: e.type,
      at: instant(at),
      ...(e.workingDays !== undefined ? { workingDays: e.workingDays } : {}),
      ...(e.reason !== undefined ? { reason: e.reason } : {}),
      status,
      clock:
        status === 'stopped' || status === 'result_ready'
          ? 'ended'
          : clock.status === 'paused'
            ? 'paused'
            : 'running',
      dueAt: clock.due ? instant(clock.due) : null,
      ...effect,
    });
  }
  const clock = processingClockOf(f.cal, f.time, history, last);
  return {
    dueAt: clock.due ? instant(clock.due) : null,
    steps: stepPlan(f, receivedAt, restartAt, status),
    events: effects,
    consultations,
  };
}

/**
 * Each step's due time, one after another on their budgets from the receipt (catalogue planSteps). After a complete
 * supplement the appraisal starts a new instance (as live): it and the steps after it are planned from the restart;
 * while the clock waits on the applicant they have no due time.
 */
function stepPlan(f: RuleFacts, receivedAt: Date, restartAt: Date | null, status: TDossierStatus) {
  const w = f.workflow;
  const planned = planSteps(f.cal, w, receivedAt);
  const from = w.steps.findIndex((s) => s.kind === 'appraisal');
  if (from >= 0 && status === 'processing_supplement') {
    planned.forEach((p, i) => i >= from && Object.assign(p, { dueAt: null }));
  } else if (from >= 0 && restartAt) {
    const again = planSteps(f.cal, { ...w, steps: w.steps.slice(from) }, restartAt);
    again.forEach((p, i) => (planned[from + i] = p));
  }
  return planned.map((p, i) => ({
    step: p.key,
    name: w.steps[i]!.name,
    dueAt: p.dueAt ? instant(p.dueAt) : null,
  }));
}
