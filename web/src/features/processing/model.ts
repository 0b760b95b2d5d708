import type { TDossierDetail, TMeResponse } from '@motcua/contracts';

export type Handler = { id: string; name: string };

/**
 * The handler of the current step, folded from the timeline: an assignment names one; a new step (handover, forward,
 * result) starts without one; a complete supplement keeps it (processing.service.ts).
 */
export function currentHandler(d: Pick<TDossierDetail, 'events'>): Handler | null {
  let handler: Handler | null = null;
  /** The last handler assigned to each step: a step back returns the earlier step to that person. */
  const byStep = new Map<string, Handler>();
  for (const e of d.events) {
    const data = e.data as { handler?: Partial<Handler>; toStep?: string; step?: string };
    if (e.type === 'assigned') {
      const h = data.handler;
      handler = h?.id ? { id: h.id, name: h.name ?? '' } : null;
      const step = data.toStep ?? data.step;
      if (handler && step) byStep.set(step, handler);
    } else if (e.type === 'stepped_back') {
      handler = (data.toStep && byStep.get(data.toStep)) || null;
    } else if (
      e.type === 'forwarded' ||
      e.type === 'result_issued' ||
      e.type === 'handed_over' ||
      e.type === 'stopped'
    ) {
      handler = null;
    }
  }
  return handler;
}

/** The office actions a workspace offers, in the order it shows them. */
export type OfficeAction =
  | 'assign'
  | 'reassign'
  | 'appraise'
  | 'requestSupplement'
  | 'forward'
  | 'approve'
  | 'extend'
  | 'stepBack'
  | 'result'
  | 'return'
  | 'stop';

type Me = Pick<TMeResponse, 'id' | 'kind' | 'roles' | 'agency'>;

/**
 * The actions this person may take now, by the same rule the server applies (processing-policy.ts): the current
 * step's kind and role, the unit that holds it, and the assigned handler. The server still decides (its department
 * check is not visible here); this only keeps the page from offering what would surely be refused.
 */
export function allowedActions(d: TDossierDetail, me: Me | null | undefined): OfficeAction[] {
  const step = d.processing?.currentStep;
  if (!me || me.kind !== 'staff' || !me.agency || !step) return [];
  const agency = me.agency.id;
  const has = (r: TMeResponse['roles'][number]) => me.roles.includes(r);
  // The desk that received the dossier records the applicant's request to stop (TT 03/2025 Mẫu 05).
  const stop: OfficeAction[] = has('reception_officer') && agency === d.receivingAgency.id ? ['stop'] : [];
  if (d.status === 'processing_supplement') return stop;
  const holding = d.holdingAgency?.id === agency;
  const desk = agency === d.receivingAgency.id || agency === d.resultAgency.id;
  const handler = currentHandler(d);
  const mine = !handler || handler.id === me.id;
  const out: OfficeAction[] = [];
  switch (step.kind) {
    case 'assignment':
      if (has('approver') && holding) out.push('assign');
      break;
    case 'appraisal':
      if (has('specialist') && holding && mine) {
        out.push('appraise', 'requestSupplement');
        if (appraisedInStep(d)) out.push('forward');
        out.push('extend', 'stepBack');
      }
      if (has('approver') && holding) out.push('reassign');
      break;
    case 'approval':
      if (has('approver') && holding && mine) out.push('approve', 'extend', 'stepBack');
      break;
    case 'result_to_desk':
      if (has('reception_officer') && desk && mine) out.push('result');
      break;
    case 'return':
      if (has('reception_officer') && desk && mine) {
        const issued = d.events.some((e) => e.type === 'result_issued');
        out.push(issued || d.processing?.processingTime.unit !== 'immediate' ? 'return' : 'result');
      }
      break;
    case 'reception':
      break;
  }
  if (d.status === 'in_processing') out.push(...stop);
  return out;
}

/** The appraisal of the current step instance was recorded (a forward needs it). */
export function appraisedInStep(d: TDossierDetail): boolean {
  const entered = d.processing?.currentStep?.enteredAt;
  if (!entered) return false;
  const from = Date.parse(entered);
  return d.events.some((e) => e.type === 'appraised' && Date.parse(e.at) >= from);
}

export type DueMark = 'overdue' | 'dueSoon' | null;

/** Overdue once past its due time; due soon within the last `soonHours` (default 8, one working day). */
export function dueMark(dueAt: string | null | undefined, now: Date, soonHours = 8): DueMark {
  if (!dueAt) return null;
  const left = Date.parse(dueAt) - now.getTime();
  if (left < 0) return 'overdue';
  if (left <= soonHours * 3_600_000) return 'dueSoon';
  return null;
}
