import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from '../../db/schema';

export type BackupRunsTable = {
  id: Generated<string>;
  kind: 'daily' | 'weekly' | 'manual';
  name: string;
  created_at: Timestamp;
  row_count: ColumnType<string, number, number>;
  file_count: number;
  removed: Json<string[]>;
};

export type OutageWindowsTable = {
  id: Generated<string>;
  agency_id: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  reason: string;
  declared_by: string | null;
  declared_by_name: string | null;
  declared_at: Timestamp;
};

export type BackEntriesTable = {
  dossier_id: string;
  outage_id: string;
  agency_id: string;
  received_at: Timestamp;
  entered_at: Timestamp;
  entered_by: string;
  entered_by_name: string | null;
};

/** Owned by the operations module (server/src/modules/operations). */
export type OperationsTables = {
  backup_runs: BackupRunsTable;
  outage_windows: OutageWindowsTable;
  back_entries: BackEntriesTable;
};
