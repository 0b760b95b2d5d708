import type { Generated } from 'kysely';
/** Count tables maintained by triggers on dossiers and dossier_events (migration 20261203_2000, ADR 0025). */
export type ReportCountsTable = {
  agency_id: string;
  procedure_code: string;
  channel: string;
  day: string;
  measure: string;
  n: number;
};

export type ReportAgencyCountsTable = {
  agency_id: string;
  channel: string;
  day: string;
  measure: string;
  n: number;
};

export type ReportAgencyMonthsTable = {
  agency_id: string;
  channel: string;
  month: string;
  measure: string;
  n: number;
};

/** The same for a whole province (the dossier's): the province dashboard's daily trend (migration 20261209_3001). */
export type ReportProvinceCountsTable = {
  province_code: string;
  channel: string;
  day: string;
  measure: string;
  n: number;
};

/** The same by month (migration 20261209_3002): a whole province's totals and channels. */
export type ReportProvinceMonthsTable = {
  province_code: string;
  channel: string;
  month: string;
  measure: string;
  n: number;
};

export type ReportStepCountsTable = {
  agency_id: string;
  step: string;
  day: string;
  n: number;
  minutes: string;
};

/** Batches the data generator has finished (resumable runs). */
export type ReportGeneratorBatchesTable = {
  run: string;
  batch: number;
  rows: number;
  done_at: Date;
  /** Its dossiers are in the count tables (they are added after many batches at once). */
  counted: Generated<boolean>;
};

export type ReportsTables = {
  report_counts: ReportCountsTable;
  report_agency_counts: ReportAgencyCountsTable;
  report_agency_months: ReportAgencyMonthsTable;
  report_province_counts: ReportProvinceCountsTable;
  report_province_months: ReportProvinceMonthsTable;
  report_step_counts: ReportStepCountsTable;
  report_generator_batches: ReportGeneratorBatchesTable;
};
