import type { TDossierEventType, TDossierStatus } from '@motcua/contracts';

/**
 * The dossier state machine, pure: which event may happen in which status, and where it leads. Reception first;
 * from `handed_over` the processing workflow moves the dossier through its steps within `in_processing`.
 */
const TRANSITIONS: Partial<
  Record<TDossierStatus | 'new', Partial<Record<TDossierEventType, TDossierStatus>>>
> = {
  new: { submitted: 'submitted', registered: 'submitted' },
  submitted: {
    amended: 'submitted',
    withdrawn: 'withdrawn',
    received: 'received',
    supplement_requested: 'supplement_requested',
    refused: 'refused',
    transferred: 'submitted',
  },
  supplement_requested: {
    supplement_submitted: 'submitted',
    withdrawn: 'withdrawn',
  },
  received: { handed_over: 'in_processing' },
  // Processing (issue 12): the steps move inside `in_processing`; the workflow (processing-steps.ts) says which.
  in_processing: {
    assigned: 'in_processing',
    appraised: 'in_processing',
    forwarded: 'in_processing',
    extended: 'in_processing',
    supplement_requested: 'processing_supplement',
    result_issued: 'result_ready',
    stepped_back: 'in_processing',
    stopped: 'stopped',
    // Consultation (issue 14): inside the lead's processing time, the status does not move.
    consultation_sent: 'in_processing',
    consultation_answered: 'in_processing',
    consultation_overdue: 'in_processing',
    consultation_closed: 'in_processing',
    // Inter-agency (issue 14): the partners work inside the one processing time; the status does not move.
    interagency_sent: 'in_processing',
    interagency_done: 'in_processing',
    interagency_overdue: 'in_processing',
    // Cross-level (003 Đ13.7): the upper level's agency takes over; status and appointment carry on.
    level_forwarded: 'in_processing',
  },
  processing_supplement: {
    supplement_submitted: 'in_processing',
    stopped: 'stopped',
    // A consulted party may still answer (and be late) while the applicant supplements.
    consultation_answered: 'processing_supplement',
    consultation_overdue: 'processing_supplement',
    interagency_done: 'processing_supplement',
    interagency_overdue: 'processing_supplement',
  },
  // A correction (003 Đ15; issue 15) replaces the result, before or after it was returned; the status stays.
  result_ready: {
    result_returned: 'returned',
    result_corrected: 'result_ready',
    // Paper ↔ electronic conversion of the result at the desk (ND 45/2020 Đ18; issue 15): the status stays.
    result_converted: 'result_ready',
  },
  returned: { result_corrected: 'returned', result_converted: 'returned' },
};

export type TransitionResult =
  | { ok: true; status: TDossierStatus }
  | { ok: false; from: TDossierStatus | 'new'; event: TDossierEventType };

export function transition(from: TDossierStatus | 'new', event: TDossierEventType): TransitionResult {
  const to = TRANSITIONS[from]?.[event];
  return to ? { ok: true, status: to } : { ok: false, from, event };
}

/** Replays a history; the status of a dossier is always this function of its events. */
export function statusOf(events: readonly TDossierEventType[]): TDossierStatus {
  let status: TDossierStatus | 'new' = 'new';
  for (const e of events) {
    const r = transition(status, e);
    if (!r.ok) throw new Error(`Event ${e} cannot follow status ${status}`);
    status = r.status;
  }
  if (status === 'new') throw new Error('A dossier has at least one event');
  return status;
}

/** Whether the applicant may still change or withdraw it (until it is received; ND 45/2020 Đ12). */
export function applicantMayAmend(status: TDossierStatus): boolean {
  // processing_supplement: the applicant answers through the supplement route only (the dossier is received).
  return status === 'submitted' || status === 'supplement_requested';
}

/** Whether the reception clock (8 working hours, 001 Đ9.2.a) is running. */
export function awaitingReception(status: TDossierStatus): boolean {
  return status === 'submitted';
}
