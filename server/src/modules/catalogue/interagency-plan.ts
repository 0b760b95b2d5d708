// The catalogue editor's check of an inter-agency plan (liên thông, issue 14), pure: the partners' budgets fit inside
// the statutory total. The live rules (dossiers/interagency-rules.ts) order and time the partners.
import type { TInteragencyPlan, TProcessingTime } from '@motcua/contracts';
import { DAY_MINUTES, processingMinutes } from './workflow';

/**
 * The catalogue editor's checks of a plan (empty when sound): the partners are named once, none is the lead, and
 * their budgets one after another (the paper route, the longer one) leave the lead time inside the statutory total.
 */
export function checkInteragencyPlan(
  plan: TInteragencyPlan,
  time: TProcessingTime,
  leadAgencyIds: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  const ids = plan.partners.map((p) => p.agencyId);
  if (new Set(ids).size !== ids.length) problems.push('each partner agency is named once');
  if (ids.some((id) => leadAgencyIds.includes(id))) problems.push('the lead agency is not its own partner');
  const partners = plan.partners.reduce((n, p) => n + p.workingDays * DAY_MINUTES, 0);
  const total = processingMinutes(time);
  if (partners >= total) {
    problems.push(
      `the partners' budgets add up to ${partners / DAY_MINUTES} working days, which leaves the lead no time ` +
        `inside the processing time of ${total / DAY_MINUTES}`,
    );
  }
  return problems;
}
