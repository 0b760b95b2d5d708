// The processing workflow of a procedure version, pure: the default for a processing time, the publish checks, and
// the plan of a dossier's steps (each step's due time) against a calendar. No I/O, time passed in.
import type { TProcessingTime, TStepBudget, TWorkflow, TWorkflowStep } from '@motcua/contracts';
import { addWorkingMinutes, type Calendar } from '../calendar';

/** One working day of budget, in minutes (8 working hours, the calendar's default). */
export const DAY_MINUTES = 480;

export function budgetMinutes(b: TStepBudget, dayMinutes = DAY_MINUTES): number {
  return Math.round(b.unit === 'working_days' ? b.value * dayMinutes : b.value * 60);
}

/** The statutory processing time in working minutes; 0 for an immediate result. */
export function processingMinutes(t: TProcessingTime, dayMinutes = DAY_MINUTES): number {
  if (t.unit === 'immediate') return 0;
  return Math.round(t.unit === 'working_days' ? t.value * dayMinutes : t.value * 60);
}

const step = (
  key: string,
  kind: TWorkflowStep['kind'],
  vi: string,
  en: string,
  role: TWorkflowStep['role'],
  holder: TWorkflowStep['holder'],
  hours: number,
): TWorkflowStep => ({
  key,
  kind,
  name: { vi, en },
  role,
  holder,
  budget: { unit: 'working_hours', value: hours },
  optional: false,
  backTo: null,
});

const quarter = (hours: number) => Math.round(hours * 4) / 4;

/**
 * The workflow a procedure version has when its editors set none: reception → assignment by the head of the
 * department → appraisal by a specialist → approval by the leader → result to the desk → return. Budgets: 10 %, 10 %,
 * the rest, 20 %, 10 % of the processing time, in quarter hours, so they add up exactly. An immediate result
 * (001 Đ10.1.d, 003 Đ11.3) goes from acceptance straight to the result at the desk.
 */
export function defaultWorkflow(t: TProcessingTime): TWorkflow {
  const ret = step('return', 'return', 'Trả kết quả', 'Return of the result', 'reception_officer', 'desk', 0);
  if (t.unit === 'immediate') {
    return {
      steps: [
        step(
          'reception',
          'reception',
          'Tiếp nhận và trả kết quả ngay',
          'Reception, immediate result',
          'reception_officer',
          'desk',
          0,
        ),
        ret,
      ],
      supplementNoticeDays: 3,
    };
  }
  const total = processingMinutes(t) / 60;
  const r = quarter(total * 0.1);
  const a = quarter(total * 0.1);
  const ap = quarter(total * 0.2);
  const res = quarter(total * 0.1);
  const appraisal = total - r - a - ap - res;
  return {
    steps: [
      step(
        'reception',
        'reception',
        'Tiếp nhận, chuyển hồ sơ',
        'Reception and handover',
        'reception_officer',
        'desk',
        r,
      ),
      step('assignment', 'assignment', 'Phân công xử lý', 'Assignment', 'approver', 'department', a),
      step('appraisal', 'appraisal', 'Thẩm định hồ sơ', 'Appraisal', 'specialist', 'department', appraisal),
      step('approval', 'approval', 'Phê duyệt kết quả', 'Approval', 'approver', 'agency', ap),
      step(
        'result',
        'result_to_desk',
        'Chuyển kết quả về Bộ phận Một cửa',
        'Result to the desk',
        'reception_officer',
        'desk',
        res,
      ),
      ret,
    ],
    supplementNoticeDays: 3,
  };
}

/** Whether the procedure is resolved at once (no office steps). */
export function isImmediate(t: TProcessingTime): boolean {
  return t.unit === 'immediate';
}

/**
 * The publish checks of a workflow against its procedure's processing time; empty when it is sound. Keys unique;
 * starts with reception and ends with return; the return step is off the clock; back-steps name an earlier step;
 * the budgets of the steps on the clock add up to the statutory time (003 Đ13: the parts make the whole).
 */
export function checkWorkflow(w: TWorkflow, t: TProcessingTime): string[] {
  const problems: string[] = [];
  const keys = w.steps.map((s) => s.key);
  if (new Set(keys).size !== keys.length) problems.push('step keys must be unique');
  if (w.steps[0]?.kind !== 'reception') problems.push('the first step is the reception');
  const last = w.steps[w.steps.length - 1];
  if (last?.kind !== 'return') problems.push('the last step is the return');
  if (last && budgetMinutes(last.budget) !== 0)
    problems.push('the return step has no budget (it follows the appointment)');
  w.steps.forEach((s, i) => {
    if (s.backTo !== null && !keys.slice(0, i).includes(s.backTo)) {
      problems.push(`step ${s.key}: backTo must name an earlier step`);
    }
    if (s.kind === 'return' && i !== w.steps.length - 1) problems.push(`step ${s.key}: return comes last`);
  });
  if (isImmediate(t)) {
    if (w.steps.some((s) => s.kind === 'appraisal' || s.kind === 'approval' || s.kind === 'assignment')) {
      problems.push('an immediate-result procedure has no office steps');
    }
  }
  const sum = w.steps.reduce((n, s) => n + budgetMinutes(s.budget), 0);
  const due = processingMinutes(t);
  if (sum !== due) {
    problems.push(`the step budgets add up to ${sum / 60} working hours, the processing time is ${due / 60}`);
  }
  return problems;
}

export type PlannedStep = { key: string; kind: TWorkflowStep['kind']; dueAt: Date };

/**
 * Each step's due time when the steps run one after another from `startAt` on their full budgets: the plan shown
 * beside the dossier and by the simulator. The last on-clock step ends at the processing due time when the budgets
 * add up; the return step is due with the step before it.
 */
export function planSteps(cal: Calendar, w: TWorkflow, startAt: Date): PlannedStep[] {
  let at = startAt;
  return w.steps.map((s) => {
    at = addWorkingMinutes(cal, at, budgetMinutes(s.budget, cal.workingDayMinutes));
    return { key: s.key, kind: s.kind, dueAt: at };
  });
}
