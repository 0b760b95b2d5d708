import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema';

export type SignedResultsTable = {
  id: Generated<string>;
  dossier_id: string;
  dossier_code: string;
  document_number: string;
  kind: 'granted' | 'refused';
  sha256: string;
  agency_id: string;
  signer_name: string;
  signed_by: string | null;
  signed_at: Timestamp;
  signer_kind: 'local' | 'remote';
  supersedes_id: string | null;
  correction_reason: string | null;
};

export type ResultConversionsTable = {
  id: Generated<string>;
  agency_id: string;
  year: number;
  register_no: number;
  dossier_id: string;
  dossier_code: string;
  kind: 'printout' | 'scan';
  document_name: string;
  sha256: string;
  signed_result_id: string | null;
  copies: number | null;
  handed_to: string | null;
  certifier_id: string;
  certifier_name: string;
  recorded_by: string;
  recorded_by_name: string;
  at: Timestamp;
};

export type ResultsTables = {
  signed_results: SignedResultsTable;
  result_conversions: ResultConversionsTable;
};
