import { z } from 'zod';
import { ZOverdueFeedback } from './feedback';

/**
 * Reports (issue 17): the leader dashboard, the periodic report of TT 01/2020/TT-VPCP (Biểu mẫu 06a/VPCP/KSTT), the
 * QĐ 766/QĐ-TTg service index and the public statistics. Every count comes from the incremental count tables and can
 * be opened as the list of its dossiers (`/api/reports/dossiers` with the same filters and the count's measure).
 */

/** What a count counts (the measures of report_facts, ADR 0025) plus the two states derived at a day. */
export const REPORT_MEASURES = [
  'submitted',
  'received',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'refused',
  'withdrawn',
  'stopped',
  'returned',
  'supplement_requested',
  'extended',
  'in_progress',
  'in_progress_late',
] as const;
export const ZReportMeasure = z.enum(REPORT_MEASURES);
export type TReportMeasure = z.infer<typeof ZReportMeasure>;

/**
 * What else a QĐ 766 indicator counts, opened as dossiers the same way: fees paid (online) and signed electronic
 * results in the period, ratings (satisfied) of the monthly periods the range touches.
 */
export const INDEX_MEASURES = [
  'fee_paid',
  'fee_paid_online',
  'electronic_result',
  'rated',
  'rated_satisfied',
] as const;
export const ZDrillMeasure = z.enum([...REPORT_MEASURES, ...INDEX_MEASURES]);
export type TDrillMeasure = z.infer<typeof ZDrillMeasure>;

export const REPORT_CHANNELS = ['online', 'counter', 'post'] as const;
export const ZReportChannel = z.enum(REPORT_CHANNELS);

const ZDay = z.iso.date();

/** The filters shared by the dashboard, the drill-down and the report: a period of days (Việt Nam) and a scope. */
export const ZReportFilter = z.object({
  from: ZDay,
  to: ZDay,
  agencyId: z.uuid().optional(),
  level: z.enum(['province', 'district', 'commune']).optional(),
  field: z.string().min(1).max(200).optional(),
  procedureCode: z.string().min(1).max(50).optional(),
  channel: ZReportChannel.optional(),
});
export type TReportFilter = z.infer<typeof ZReportFilter>;

export const ZReportCounts = z.record(ZReportMeasure, z.number().int());
export type TReportCounts = z.infer<typeof ZReportCounts>;

export const ZReportBreakdownRow = z.object({ key: z.string(), label: z.string(), counts: ZReportCounts });
export type TReportBreakdownRow = z.infer<typeof ZReportBreakdownRow>;

export const ZReportDossierRow = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  procedureCode: z.string(),
  procedureName: z.string(),
  agencyName: z.string(),
  channel: ZReportChannel,
  status: z.string(),
  submittedAt: z.string(),
  receivedAt: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type TReportDossierRow = z.infer<typeof ZReportDossierRow>;

export const ZDashboard = z.object({
  filter: ZReportFilter,
  /** The day in-progress counts are taken at (the period's last day, or today when the period runs on). */
  asOf: ZDay,
  totals: ZReportCounts,
  byAgency: z.array(ZReportBreakdownRow),
  byLevel: z.array(ZReportBreakdownRow),
  byField: z.array(ZReportBreakdownRow),
  byProcedure: z.array(ZReportBreakdownRow),
  byChannel: z.array(ZReportBreakdownRow),
  trend: z.array(z.object({ day: ZDay, received: z.number(), resolved: z.number(), late: z.number() })),
  rates: z.object({
    onTime: z.number().nullable(),
    supplement: z.number().nullable(),
    apology: z.number().nullable(),
  }),
  slowestSteps: z.array(
    z.object({ agencyName: z.string(), step: z.string(), n: z.number(), averageHours: z.number() }),
  ),
  overdue: z.array(ZReportDossierRow),
  dueSoon: z.array(ZReportDossierRow),
  /** Feedback not answered by its due time (issue 16), read through the feedback module. */
  overdueFeedback: ZOverdueFeedback,
});
export type TDashboard = z.infer<typeof ZDashboard>;

export const ZReportDossiersQuery = ZReportFilter.extend({
  measure: ZDrillMeasure,
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TReportDossiersQuery = z.infer<typeof ZReportDossiersQuery>;
export const ZReportDossierPage = z.object({
  items: z.array(ZReportDossierRow),
  next: z.string().nullable(),
});
export type TReportDossierPage = z.infer<typeof ZReportDossierPage>;

/** One row of Biểu mẫu 06a/VPCP/KSTT (TT 01/2020/TT-VPCP): a field (lĩnh vực), an agency, or the total. */
export const ZPeriodicRow = z.object({
  /** The field's name or the agency's id: the drill-down filter of the row (`field=` or `agencyId=`); '' for the total. */
  key: z.string(),
  label: z.string(),
  received: z.number(),
  carriedOver: z.number(),
  receivedOnline: z.number(),
  receivedCounterOrPost: z.number(),
  resolved: z.number(),
  resolvedEarly: z.number(),
  resolvedOnTime: z.number(),
  resolvedLate: z.number(),
  inProgress: z.number(),
  inProgressOnTime: z.number(),
  inProgressLate: z.number(),
  refused: z.number(),
  withdrawn: z.number(),
});
export type TPeriodicRow = z.infer<typeof ZPeriodicRow>;
export const ZPeriodicReport = z.object({
  form: z.string(),
  agencyName: z.string(),
  unitName: z.string(),
  from: ZDay,
  to: ZDay,
  level: z.enum(['province', 'district', 'commune']).nullable(),
  /** The form's rows: one per field (lĩnh vực) of the procedures, by name. */
  rows: z.array(ZPeriodicRow),
  /** The same numbers per agency (the rows add up to the same total). */
  byAgency: z.array(ZPeriodicRow),
  total: ZPeriodicRow,
});
export type TPeriodicReport = z.infer<typeof ZPeriodicReport>;
export const ZReportLevel = z.enum(['province', 'district', 'commune']);
export const ZPeriodicQuery = z.object({
  from: ZDay,
  to: ZDay,
  agencyId: z.uuid().optional(),
  level: ZReportLevel.optional(),
});

/** The agencies the actor may report on, with their administrative level (the pages' level and agency controls). */
export const ZReportAgencies = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), level: ZReportLevel })),
});
export type TReportAgencies = z.infer<typeof ZReportAgencies>;

export const ZIndexIndicator = z.object({
  key: z.string(),
  group: z.enum(['transparency', 'progress', 'online', 'digitisation', 'satisfaction']),
  name: z.string(),
  points: z.number(),
  formula: z.string(),
  /** null: the system cannot know it (shown as unknown, never invented). */
  score: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  unknownReason: z.string().nullable(),
  /** The dossiers behind the counts: each link is a drill-down measure over the same period and scope. */
  links: z.array(z.object({ label: z.string(), measure: ZDrillMeasure, channel: ZReportChannel.optional() })),
  /** Points the indicator would add if it reached its target. */
  gain: z.number(),
});
export const ZServiceIndex = z.object({
  from: ZDay,
  to: ZDay,
  agencyId: z.uuid().nullable(),
  score: z.number(),
  knownPoints: z.number(),
  indicators: z.array(ZIndexIndicator),
  groups: z.array(z.object({ group: z.string(), points: z.number(), score: z.number().nullable() })),
  history: z.array(z.object({ month: z.string(), score: z.number(), knownPoints: z.number() })),
});
export type TServiceIndex = z.infer<typeof ZServiceIndex>;
export const ZServiceIndexQuery = z.object({
  period: z.enum(['month', 'quarter', 'year']).default('month'),
  at: ZDay,
  agencyId: z.uuid().optional(),
});

export const ZPublicStatsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  agencyId: z.uuid().optional(),
  /** The province's code (QĐ 19/2025, two digits): only its agencies, when one deployment hosts several provinces. */
  province: z
    .string()
    .regex(/^[0-9]{2}$/)
    .optional(),
});
export const ZPublicStats = z.object({
  agencyName: z.string(),
  year: z.number(),
  agencies: z.array(z.object({ id: z.string(), name: z.string() })),
  months: z.array(
    z.object({
      month: z.string(),
      received: z.number(),
      resolved: z.number(),
      onTimeRate: z.number().nullable(),
      onlineRate: z.number().nullable(),
      satisfactionRate: z.number().nullable(),
    }),
  ),
});
export type TPublicStats = z.infer<typeof ZPublicStats>;
