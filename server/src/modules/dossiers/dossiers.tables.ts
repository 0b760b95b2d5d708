import type { ColumnType, Generated } from 'kysely';
import type {
  TDocumentKind,
  TDossierChannel,
  TDossierEventType,
  TDossierStatus,
  TProcessingTime,
  TWorkflow,
} from '@motcua/contracts';
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
  /** Six digits on the receipt: with the code, the public lookup shows the masked name (ADR 0014). */
  lookup_pin: string | null;
  procedure_code: string;
  procedure_name: Generated<string>;
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
  result_channel: Generated<string>;
  sets: Generated<number>;
  attachments_revision: Generated<number>;
  supplement_items: Json<unknown[]> | null;
  refusal: Json<{ reason: string; competentAgency: string | null; refusedAt: string }> | null;
  register_book: string | null;
  register_entry: number | null;
  /** Pinned at receipt: the workflow and processing time of the version the dossier was submitted under. */
  workflow: ColumnType<TWorkflow | null, string | null | undefined, string | null>;
  processing_time: ColumnType<TProcessingTime | null, string | null | undefined, string | null>;
  /** Projection of the current step (its key, entry, due time, handler); null outside processing. */
  current_step: ColumnType<string | null, string | null | undefined, string | null>;
  step_entered_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  step_due_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  handler_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The language of the submission request; null for counter and postal dossiers. */
  locale: ColumnType<'vi' | 'en' | null, 'vi' | 'en' | null | undefined, 'vi' | 'en' | null>;
  /** Copied from the events by a trigger (reports, ADR 0025): when the result was issued; when the status became final. */
  resolved_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
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

export type DossierFilesTable = {
  id: Generated<string>;
  owner_user_id: string;
  sha256: string;
  name: string;
  media_type: string;
  size: number;
  pages: number;
  created_at: Timestamp;
};

export type DossierAttachmentsTable = {
  id: Generated<number>;
  dossier_id: string;
  revision: number;
  component_code: string;
  component_name: string;
  copy_kind: 'original' | 'certified_copy' | 'photocopy' | null;
  copies: number | null;
  original_shown: boolean | null;
  page_count: number;
  file_ids: string[];
  /** Paper scanned at the counter (ND 45/2020 Đ18): the official who certified the scan, and when. */
  scan_certified_by: string | null;
  scan_certified_by_name: string | null;
  scan_certified_at: Date | null;
};

export type DossierDocumentsTable = {
  id: Generated<string>;
  dossier_id: string;
  kind: TDocumentKind;
  template_set: string;
  sha256: string;
  created_at: Timestamp;
};

export type DossierDraftsTable = {
  id: Generated<string>;
  owner_user_id: string;
  procedure_code: string;
  procedure_name: Generated<string>;
  content: Json<Record<string, unknown>>;
  version: Generated<number>;
  closed_at: Date | null;
  updated_at: Timestamp;
};

export type DossierRegisterCountersTable = { agency_id: string; year: number; last_value: number };
export type ResultNumberCountersTable = DossierRegisterCountersTable;

export type DossierMessagesTable = {
  id: Generated<string>;
  /** Write order, the tiebreak of messages with the same created_at. */
  seq: Generated<string>;
  dossier_id: string;
  user_id: string | null;
  kind: string;
  channel: 'portal' | 'email' | 'sms';
  recipient: string | null;
  locale: string;
  subject: string;
  body: string;
  status: Generated<'pending' | 'sent' | 'failed' | 'skipped'>;
  attempts: Generated<number>;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Timestamp;
};

/** One upload attempt (rate and quota per person, shared by all processes). */
export type UploadAttemptsTable = {
  id: Generated<string>;
  user_id: string;
  bytes: number;
  status: Generated<'pending' | 'accepted' | 'refused'>;
  created_at: Date;
};

/** Which codes one client address looked up lately (ADR 0014). */
export type LookupProbesTable = { client_ip: string; code: string; found: boolean; last_at: Date };

export type LookupAlertsTable = {
  id: Generated<string>;
  client_ip: string;
  reason: 'not_found' | 'sequential';
  codes_probed: number;
  not_found: number;
  longest_run: number;
  sample_codes: ColumnType<string[], string, string>;
  first_at: Date;
  last_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
};

/** A warning sent about a step instance (due soon / overdue), once (processing-warnings.job.ts). */
export type ProcessingWarningsTable = {
  dossier_id: string;
  step_entered_at: Date;
  kind: 'due_soon' | 'overdue';
  step: string;
  recipients: number;
  sent_at: Date;
};

/** A consultation request to one unit (issue 14), projected from the dossier's consultation_* events. */
export type DossierConsultationsTable = {
  id: Generated<string>;
  dossier_id: string;
  from_agency_id: string;
  from_agency_name: string;
  from_department_id: string | null;
  from_department_name: string | null;
  requested_by: string;
  requested_by_name: string;
  to_agency_id: string;
  to_agency_name: string;
  to_department_id: string | null;
  to_department_name: string | null;
  position: Generated<number>;
  content: string;
  file_ids: ColumnType<string[], string, string>;
  working_days: number;
  requested_at: Date;
  due_at: Date;
  status: Generated<'open' | 'answered' | 'declined' | 'closed'>;
  overdue_warned_at: Date | null;
  answered_at: Date | null;
  answered_by: string | null;
  answered_by_name: string | null;
  opinion: string | null;
  answer_file_ids: ColumnType<string[] | null, string | null, string | null>;
  closed_at: Date | null;
  silence_means_agreement: boolean | null;
  legal_basis: string | null;
};

/** One partner agency's part of an inter-agency dossier (issue 14), projected from its interagency_* events. */
export type DossierInteragencyTasksTable = {
  id: Generated<string>;
  dossier_id: string;
  mode: 'sequential' | 'parallel';
  position: number;
  lead_agency_id: string;
  lead_agency_name: string;
  agency_id: string;
  agency_name: string;
  task: ColumnType<{ vi: string; en: string }, string, string>;
  working_days: number;
  status: 'waiting' | 'open' | 'done';
  opened_at: Date | null;
  due_at: Date | null;
  overdue_warned_at: Date | null;
  done_at: Date | null;
  done_by: string | null;
  done_by_name: string | null;
  outcome: string | null;
  /** The files attached to the partner's answer (uploaded by whoever returned the part). */
  answer_file_ids: ColumnType<string[], string | undefined, string>;
};

export type DossierTables = {
  dossiers: DossiersTable;
  dossier_events: DossierEventsTable;
  dossier_code_counters: DossierCodeCountersTable;
  dossier_files: DossierFilesTable;
  dossier_attachments: DossierAttachmentsTable;
  dossier_documents: DossierDocumentsTable;
  dossier_drafts: DossierDraftsTable;
  dossier_register_counters: DossierRegisterCountersTable;
  result_number_counters: ResultNumberCountersTable;
  dossier_messages: DossierMessagesTable;
  upload_attempts: UploadAttemptsTable;
  lookup_probes: LookupProbesTable;
  lookup_alerts: LookupAlertsTable;
  processing_warnings: ProcessingWarningsTable;
  dossier_consultations: DossierConsultationsTable;
  dossier_interagency_tasks: DossierInteragencyTasksTable;
};
