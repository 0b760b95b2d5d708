import type { Generated } from 'kysely';
import type { TDossierChannel, TDossierEventType, TDossierStatus } from '@motcua/contracts';
import type { Json, Timestamp } from '../../db/schema';

/** The applicant as entered or taken from the account at submission (a snapshot; accounts may change later). */
export type ApplicantSnapshot = {
  kind: 'citizen' | 'organisation';
  name: string;
  idNumber: string | null;
  taxCode?: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
};

export type DossiersTable = {
  id: Generated<string>;
  province_code: string;
  submission_ref: string;
  code: string | null;
  procedure_code: string;
  procedure_version_id: string;
  channel: TDossierChannel;
  postal_tracking_no: string | null;
  status: TDossierStatus;
  version: Generated<number>;
  applicant_user_id: string | null;
  organisation_id: string | null;
  applicant: Json<ApplicantSnapshot>;
  form_data: Json<Record<string, unknown>>;
  receiving_agency_id: string;
  authority_agency_id: string;
  result_agency_id: string;
  holding_agency_id: string | null;
  holding_department_id: string | null;
  submitted_at: Date;
  reception_due_at: Date | null;
  received_at: Date | null;
  appointment_at: Date | null;
  handover_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type DossierEventsTable = {
  id: Generated<number>;
  dossier_id: string;
  seq: number;
  type: TDossierEventType;
  at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  channel: string | null;
  reason: string | null;
  data: Json<Record<string, unknown>>;
};

export type DossierCodeCountersTable = { agency_code: string; day: string; last_value: number };

export type DossierTables = {
  dossiers: DossiersTable;
  dossier_events: DossierEventsTable;
  dossier_code_counters: DossierCodeCountersTable;
};
