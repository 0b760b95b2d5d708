import type { ColumnType, Generated } from 'kysely';
import type { TProcessingTime, TWorkflow } from '@motcua/contracts';
import type { Json, Timestamp } from '../../db/schema';

export type ProcedureStatus = 'draft' | 'published' | 'retired';
export type VersionStatus = 'draft' | 'scheduled' | 'published' | 'superseded';
export type ServiceLevel = 'full_online' | 'partial_online' | 'information_only';
/** The one processing-time type (contracts/src/catalogue.ts). */
export type ProcessingTime = TProcessingTime;
export type Fee = { name: string; amount: number; collector: string; due: string };
export type LegalBasis = { number: string; title: string; issuer: string; date: string };
export type Step = { description: string };

export type ProceduresTable = {
  code: string;
  status: Generated<ProcedureStatus>;
  current_version_id: string | null;
  name: string;
  field: string;
  levels: Generated<string[]>;
  service_level: ServiceLevel;
  processing_time: Json<ProcessingTime>;
  agency_ids: Generated<string[]>;
  search_text: Generated<string>;
  retired_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ProcedureVersionsTable = {
  id: Generated<string>;
  procedure_code: string;
  version_no: number;
  status: Generated<VersionStatus>;
  name: string;
  field: string;
  levels: string[];
  steps: Json<Step[]>;
  methods: string[];
  processing_time: Json<ProcessingTime>;
  subjects: Json<string[]>;
  results: Json<string[]>;
  fees: Json<Fee[]>;
  conditions: Json<string[]>;
  legal_basis: Json<LegalBasis[]>;
  service_level: ServiceLevel;
  digitally_signed_result: Generated<boolean>;
  inter_agency: Generated<boolean>;
  boundary_free: Generated<boolean>;
  eform: Json<Record<string, unknown>> | null;
  /** The processing workflow; null = the default for the processing time (workflow.ts). */
  workflow: ColumnType<TWorkflow | null, string | null | undefined, string | null>;
  decision_number: string | null;
  decision_date: string | null;
  publication_deadline: string | null;
  change_note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  published_at: Date | null;
  /** When the version was published (announced); published_at is when it takes effect (issue 12). */
  announced_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  superseded_at: Date | null;
};

export type ProcedureVersionAgenciesTable = {
  version_id: string;
  agency_id: string;
  role: 'implementing' | 'inter_agency';
  position: Generated<number>;
};

export type ProcedureComponentsTable = {
  id: Generated<string>;
  version_id: string;
  position: number;
  /** Stable across versions; intake keys attachments by it. */
  code: string;
  name: string;
  originals: Generated<number>;
  copies: Generated<number>;
  original_required: Generated<boolean>;
  required: Generated<boolean>;
  form_id: string | null;
};

export type ProcedureFormsTable = {
  id: Generated<string>;
  name: string;
  file_name: string;
  media_type: string;
  sha256: string;
  content: Buffer | Uint8Array;
  created_at: Timestamp;
};

export type CatalogueGenerationTable = { id: Generated<boolean>; generation: number };

export type CatalogueTables = {
  catalogue_generation: CatalogueGenerationTable;
  procedures: ProceduresTable;
  procedure_versions: ProcedureVersionsTable;
  procedure_version_agencies: ProcedureVersionAgenciesTable;
  procedure_components: ProcedureComponentsTable;
  procedure_forms: ProcedureFormsTable;
};
