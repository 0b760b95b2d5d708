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

export type ResultsTables = { signed_results: SignedResultsTable };
