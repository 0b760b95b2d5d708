import type { ColumnType, Generated } from 'kysely';
import type { DossierTables } from '../modules/dossiers/dossiers.tables';
import type { OrganisationTables } from '../modules/organisation/organisation.tables';
import type { AccountsTables } from '../modules/accounts/accounts.tables';
import type { NotificationsTables } from '../modules/notifications/notifications.tables';
import type { CalendarTables } from '../modules/calendar/calendar.tables';
import type { CatalogueTables } from '../modules/catalogue/catalogue.tables';
import type { ResultsTables } from '../modules/results/results.tables';
import type { PaymentsTables } from '../modules/payments/payments.tables';
import type { PostalTables } from '../modules/postal/postal.tables';
import type { FeedbackTables } from '../modules/feedback/feedback.tables';
import type { ReportsTables } from '../modules/reports/reports.tables';
import type { IntegrationTables } from '../modules/integration/integration.tables';
import type { OperationsTables } from '../modules/operations/operations.tables';

/**
 * The Kysely view of every table. Each module declares its own table types next to its code and adds
 * them here; SQL column names stay snake_case and are mapped in the module's repo.
 */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T = unknown> = ColumnType<T, string | T, string | T>;

export type JobsTable = {
  id: Generated<number>;
  type: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<'pending' | 'running' | 'done' | 'dead'>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: Timestamp;
  locked_at: Date | null;
  locked_by: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  finished_at: Date | null;
};

export type AuditLogTable = {
  seq: number;
  at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Json<Record<string, unknown>>;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
  /** Which chain the row belongs to, and its predecessor there (null: first of its stream). */
  stream: Generated<number>;
  prev_seq: number | null;
  /** 1: written before streams (linked by seq - 1, hash without stream fields); 2: current format. */
  chain_version: Generated<number>;
};

/** The last entry of each audit stream; its row lock is what an appender holds until commit. */
export type AuditHeadsTable = { stream: number; seq: number | null; hash: string };

export type IdempotencyKeysTable = {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: Json<unknown>;
  created_at: Timestamp;
};

/** A request counter of one key (route and address, or a global bucket) in a fixed window. */
export type RateLimitCountersTable = { key: string; hits: number; window_ends_at: Date };

export type SeedRunsTable = { name: string; loaded_at: Timestamp };

export type SchemaMigrationsTable = { name: string; applied_at: Timestamp };

export type CoreTables = {
  jobs: JobsTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadsTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limit_counters: RateLimitCountersTable;
  seed_runs: SeedRunsTable;
  schema_migrations: SchemaMigrationsTable;
};

/** Add a module's tables here. */
export type Database = CoreTables &
  OrganisationTables &
  DossierTables &
  AccountsTables &
  NotificationsTables &
  CalendarTables &
  CatalogueTables &
  ResultsTables &
  PaymentsTables &
  PostalTables &
  FeedbackTables &
  ReportsTables &
  IntegrationTables &
  OperationsTables;
