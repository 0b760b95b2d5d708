import type { TSimulateResponse } from '@motcua/contracts';

type Plan = NonNullable<TSimulateResponse['interagency']>;

export type TimelineBar = {
  agencyId: string;
  agency: string;
  workingDays: number;
  /** Where the partner's turn starts and how long it runs, in percent of the statutory total (receipt → appointment). */
  offset: number;
  width: number;
  /** Past the consolidated appointment: the plan does not fit. */
  over: boolean;
};

/**
 * The editor's per-agency timeline of an inter-agency plan (issue 14): each partner's part placed on the span from the
 * receipt to the consolidated appointment (the statutory total), as the simulator computed it in each partner's
 * calendar. Pure: the bars in percent, clamped to the span; a part ending after the appointment is marked.
 */
export function interagencyTimeline(receivedAt: string, plan: Plan): { bars: TimelineBar[]; budget: number } {
  const start = Date.parse(receivedAt);
  const end = plan.consolidatedDueAt ? Date.parse(plan.consolidatedDueAt) : NaN;
  const span = end - start;
  const pct = (t: number) => (span > 0 ? Math.min(100, Math.max(0, ((t - start) / span) * 100)) : 0);
  const bars = plan.agencies.map((a) => {
    const from = pct(Date.parse(a.startAt));
    const to = pct(Date.parse(a.dueAt));
    return {
      agencyId: a.agencyId,
      agency: a.agency,
      workingDays: a.workingDays,
      offset: Math.round(from * 10) / 10,
      width: Math.round((to - from) * 10) / 10,
      over: Number.isFinite(end) && Date.parse(a.dueAt) > end,
    };
  });
  const days = plan.agencies.map((a) => a.workingDays);
  const budget = plan.mode === 'sequential' ? days.reduce((n, d) => n + d, 0) : Math.max(0, ...days);
  return { bars, budget };
}
