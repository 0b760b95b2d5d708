/**
 * Satisfaction counts per agency and period (QĐ 766 group 5, public statistics). The feedback module is built in
 * parallel (issue on evaluation); until it is wired here this port knows nothing and says so: `null` is shown as
 * "not yet available", never as a number.
 */
export type SatisfactionCounts = { satisfied: number; rated: number };
export type SatisfactionPort = (
  agencyIds: string[],
  from: string,
  to: string,
) => Promise<SatisfactionCounts | null>;

export const satisfactionNotYetAvailable: SatisfactionPort = () => Promise.resolve(null);
