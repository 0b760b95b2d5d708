import type { Database } from './schema';

/**
 * Where each table would live in a Citus cluster hosting many provinces (ADR 0034). Nothing at run time reads this
 * today: it is the design in a form the compiler and the tests hold to — every table of `Database` must be placed
 * (a new table fails to compile until it is), the tests check the migrated database has no table missing here, and
 * the SQL-routing test takes the distributed tables from it.
 *
 * - `distributed`: sharded by `province_code`, all in one co-location group (a province's rows of every such table
 *   sit on the same node, so joins and transactions within a province stay on one node). `key` says whether the
 *   column exists today (`column`) or must be added, and from what the writer would take it (`dossier`: the
 *   dossier's row; `agency`: the agency's unit; `parent`: the row it belongs to).
 * - `reference`: small, read everywhere, written rarely; copied to every node (joins with any shard are local).
 * - `local`: stays on the coordinator (Citus local table): never joined with a province's rows, or per process/person
 *   rather than per province.
 */
export type Placement =
  | { kind: 'distributed'; key: 'column' | 'dossier' | 'agency' | 'parent' }
  | { kind: 'reference' }
  | { kind: 'local' };

export type TableName = keyof Database;

const dist = (key: 'column' | 'dossier' | 'agency' | 'parent'): Placement => ({ kind: 'distributed', key });
const reference: Placement = { kind: 'reference' };
const local: Placement = { kind: 'local' };

export const PLACEMENT: Record<TableName, Placement> = {
  // Core.
  jobs: local,
  // Per-province chains in the design (a province's audit moves with it); see ADR 0034 "The audit chain".
  audit_log: dist('agency'),
  audit_heads: dist('agency'),
  idempotency_keys: local,
  rate_limit_counters: local,
  seed_runs: local,
  schema_migrations: local,
  // Organisation: national, small, joined by every dossier list.
  units: reference,
  agencies: reference,
  agency_codes: reference,
  departments: reference,
  desk_staff_contacts: reference,
  // Accounts: people are national (a citizen files in any province); sessions and throttles are per request.
  users: reference,
  user_roles: reference,
  organisations: reference,
  organisation_members: reference,
  sessions: local,
  one_time_codes: local,
  auth_throttle: local,
  oidc_logins: local,
  // Notifications: the outbox of e-mail and SMS, delivered by the coordinator's workers.
  messages: local,
  local_outbox: local,
  // Calendar and catalogue: national data, read on every deadline and submission.
  calendar_state: reference,
  calendar_unit_hours: reference,
  calendar_official_schedules: reference,
  calendar_unit_days: reference,
  catalogue_generation: reference,
  procedures: reference,
  procedure_versions: reference,
  procedure_version_agencies: reference,
  procedure_components: reference,
  procedure_forms: reference,
  // Dossiers: the province's workload.
  dossiers: dist('column'),
  dossier_events: dist('dossier'),
  dossier_attachments: dist('dossier'),
  dossier_documents: dist('dossier'),
  dossier_messages: dist('dossier'),
  dossier_consultations: dist('dossier'),
  dossier_interagency_tasks: dist('dossier'),
  processing_warnings: dist('dossier'),
  dossier_code_counters: dist('agency'),
  dossier_register_counters: dist('agency'),
  result_number_counters: dist('agency'),
  // A citizen's uploads and drafts exist before any province is chosen (the procedure and desk come later).
  dossier_files: local,
  dossier_drafts: local,
  upload_attempts: local,
  lookup_probes: local,
  lookup_alerts: local,
  // Results, payments, post, feedback: rows of one dossier or one agency.
  signed_results: dist('dossier'),
  result_conversions: dist('dossier'),
  fee_charges: dist('dossier'),
  payments: dist('dossier'),
  payment_refunds: dist('parent'),
  payment_receipt_counters: dist('agency'),
  gateway_callbacks: local,
  gateway_sim_orders: local,
  postal_shipments: dist('dossier'),
  postal_events: dist('parent'),
  postal_sim_parcels: local,
  feedback_items: dist('agency'),
  feedback_votes: dist('parent'),
  satisfaction_ratings: dist('dossier'),
  satisfaction_periods: reference,
  // Reports: the count tables are per agency, so per province; national figures sum them (ADR 0034).
  report_counts: dist('agency'),
  report_agency_counts: dist('agency'),
  report_agency_months: dist('agency'),
  report_province_counts: dist('column'),
  report_province_months: dist('column'),
  report_step_counts: dist('agency'),
  report_generator_batches: local,
  // Integration: the portal outbox follows its dossier; subscriptions, clients and the simulator are national.
  integration_feed: local,
  portal_messages: dist('dossier'),
  sync_reports: local,
  portal_sim_dossiers: local,
  portal_sim_received: local,
  portal_sim_settings: local,
  webhook_subscriptions: reference,
  webhook_deliveries: local,
  api_clients: reference,
  api_client_calls: local,
  // Operations.
  backup_runs: local,
  outage_windows: reference,
  back_entries: dist('dossier'),
};

/** The tables sharded by `province_code`. */
export const DISTRIBUTED_TABLES: ReadonlySet<string> = new Set(
  Object.entries(PLACEMENT)
    .filter(([, p]) => p.kind === 'distributed')
    .map(([t]) => t),
);

/**
 * Tables that exist in the database but not in `Database` (the partitions of `dossier_events`, created by month and
 * by the `dossiers.partitions` job): they follow their parent.
 */
export function placementOf(table: string): Placement | undefined {
  if (/^dossier_events_(default|\d{4}_\d{2})$/.test(table)) return PLACEMENT.dossier_events;
  return (PLACEMENT as Record<string, Placement>)[table];
}
