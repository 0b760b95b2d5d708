import { describe, expect, it } from 'vitest';
import type { TProcessingTime } from '@motcua/contracts';
import { buildCalendar, localDateTime } from '../calendar';
import { OFFICIAL_SCHEDULE_2026 } from '../calendar/calendar.demo';
import { budgetMinutes, checkWorkflow, defaultWorkflow, planSteps, processingMinutes } from './workflow';

const cal = buildCalendar({ officialSchedules: [OFFICIAL_SCHEDULE_2026] });
const L = (s: string): Date => localDateTime(s.slice(0, 10), s.slice(11, 16));

describe('default workflow', () => {
  it.each<[TProcessingTime]>([
    [{ unit: 'working_days', value: 1 }],
    [{ unit: 'working_days', value: 5 }],
    [{ unit: 'working_days', value: 15 }],
    [{ unit: 'working_days', value: 0.5 }],
    [{ unit: 'working_hours', value: 4 }],
    [{ unit: 'working_hours', value: 3 }],
  ])(
    '%j: reception → assignment → appraisal → approval → result → return, budgets adding up exactly',
    (t) => {
      const w = defaultWorkflow(t);
      expect(w.steps.map((s) => s.kind)).toEqual([
        'reception',
        'assignment',
        'appraisal',
        'approval',
        'result_to_desk',
        'return',
      ]);
      expect(w.steps.map((s) => s.role)).toEqual([
        'reception_officer',
        'approver',
        'specialist',
        'approver',
        'reception_officer',
        'reception_officer',
      ]);
      expect(w.steps.reduce((n, s) => n + budgetMinutes(s.budget), 0)).toBe(processingMinutes(t));
      expect(w.steps.every((s) => s.budget.value >= 0)).toBe(true);
      expect(checkWorkflow(w, t)).toEqual([]);
    },
  );

  it('an immediate result goes from reception straight to the return at the desk (001 Đ10.1.d)', () => {
    const t: TProcessingTime = { unit: 'immediate', value: 0 };
    const w = defaultWorkflow(t);
    expect(w.steps.map((s) => s.kind)).toEqual(['reception', 'return']);
    expect(checkWorkflow(w, t)).toEqual([]);
  });
});

describe('checkWorkflow — the publish checks', () => {
  const t: TProcessingTime = { unit: 'working_days', value: 5 };
  it('refuses budgets that do not add up, duplicate keys, a bad back-step, a misplaced return', () => {
    const w = defaultWorkflow(t);
    const appraisal = w.steps[2]!;
    const bad = {
      ...w,
      steps: [
        w.steps[0]!,
        { ...w.steps[1]!, key: 'appraisal' },
        { ...appraisal, budget: { unit: 'working_days' as const, value: 1 }, backTo: 'approval' },
        ...w.steps.slice(3),
      ],
    };
    const problems = checkWorkflow(bad, t);
    expect(problems).toContain('step keys must be unique');
    expect(problems.some((p) => p.startsWith('step appraisal: backTo'))).toBe(true);
    expect(problems.some((p) => p.includes('add up to 28 working hours, the processing time is 40'))).toBe(
      true,
    );
  });
  it('an immediate-result procedure has no office steps', () => {
    expect(checkWorkflow(defaultWorkflow(t), { unit: 'immediate', value: 0 })).toContain(
      'an immediate-result procedure has no office steps',
    );
  });
});

describe('planSteps — every step due against the calendar', () => {
  it('across Tết 2026 (16–20/2): a 5-day dossier received Friday 13/2 at 09:00 ends Friday 27/2 at 09:00', () => {
    const w = defaultWorkflow({ unit: 'working_days', value: 5 });
    const plan = planSteps(cal, w, L('2026-02-13 09:00'));
    expect(plan.map((p) => [p.key, p.dueAt])).toEqual([
      ['reception', L('2026-02-13 15:00')], // 4 h (11:00–13:00 is not working time)
      ['assignment', L('2026-02-23 09:00')], // 4 h: the Tết week is skipped
      ['appraisal', L('2026-02-25 15:00')], // 20 h
      ['approval', L('2026-02-26 15:00')], // 8 h
      ['result', L('2026-02-27 09:00')], // 4 h = the appointment (5 working days)
      ['return', L('2026-02-27 09:00')],
    ]);
  });

  it('a swapped Saturday (22/8/2026, for Monday 31/8) is a working day for the steps', () => {
    const w = defaultWorkflow({ unit: 'working_days', value: 1 });
    const plan = planSteps(cal, w, L('2026-08-21 15:00'));
    expect(plan.at(-1)!.dueAt).toEqual(L('2026-08-22 15:00'));
  });
});
