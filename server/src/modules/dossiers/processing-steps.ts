// The runtime of a dossier's pinned workflow, pure: which step comes next or before, and the projection columns of
// entering a step (its due time is the entry plus its budget, in the holding unit's calendar).
import type { TWorkflow, TWorkflowStep } from '@motcua/contracts';
import { addWorkingMinutes, type Calendar } from '../calendar';
import { budgetMinutes } from '../catalogue';

export function stepOf(w: TWorkflow, key: string | null): TWorkflowStep | null {
  return w.steps.find((s) => s.key === key) ?? null;
}

/** The step after `key` (forward), skipping optional steps only when asked. */
export function nextStep(w: TWorkflow, key: string, skipOptional = false): TWorkflowStep | null {
  const i = w.steps.findIndex((s) => s.key === key);
  for (let j = i + 1; j < w.steps.length; j++) {
    if (!skipOptional || !w.steps[j]!.optional) return w.steps[j]!;
  }
  return null;
}

/** The step a return goes back to: the step's named back-step, else the one before it. */
export function previousStep(w: TWorkflow, key: string): TWorkflowStep | null {
  const i = w.steps.findIndex((s) => s.key === key);
  const s = w.steps[i];
  if (!s || i <= 0) return null;
  return (s.backTo && stepOf(w, s.backTo)) || w.steps[i - 1]!;
}

/** The first step of a kind (e.g. the appraisal, where a supplement may be asked). */
export function stepOfKind(w: TWorkflow, kind: TWorkflowStep['kind']): TWorkflowStep | null {
  return w.steps.find((s) => s.kind === kind) ?? null;
}

export type StepColumns = {
  current_step: string;
  step_entered_at: Date;
  step_due_at: Date;
  handler_id: null;
};

/** The projection of entering `step` at `at`: a new step instance, no handler yet, due at entry + budget. */
export function enterStep(cal: Calendar, step: TWorkflowStep, at: Date): StepColumns {
  return {
    current_step: step.key,
    step_entered_at: at,
    step_due_at: addWorkingMinutes(cal, at, budgetMinutes(step.budget, cal.workingDayMinutes)),
    handler_id: null,
  };
}
