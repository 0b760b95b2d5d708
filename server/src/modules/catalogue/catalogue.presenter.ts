import type { Selectable } from 'kysely';
import type { TProcedure, TProcedureLevel } from '@motcua/contracts';
import type { ProcedureStatus, ProcedureVersionsTable } from './catalogue.tables';

export type AgencyRef = { id: string; shortName: string; name: string };
export type ComponentRow = {
  code: string;
  name: string;
  originals: number;
  copies: number;
  original_required: boolean;
  required: boolean;
  form_id: string | null;
  form_name: string | null;
  form_file_name: string | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentProcedure(
  status: ProcedureStatus,
  v: Selectable<ProcedureVersionsTable>,
  agencies: AgencyRef[],
  interAgencies: AgencyRef[],
  components: ComponentRow[],
): TProcedure {
  return {
    code: v.procedure_code,
    status,
    versionId: v.id,
    versionNo: v.version_no,
    versionStatus: v.status,
    name: v.name,
    field: v.field,
    levels: v.levels as TProcedureLevel[],
    agencies,
    interAgency: v.inter_agency,
    interAgencies,
    steps: v.steps,
    methods: v.methods as TProcedure['methods'],
    processingTime: v.processing_time,
    subjects: v.subjects,
    results: v.results,
    fees: v.fees,
    conditions: v.conditions,
    legalBasis: v.legal_basis,
    serviceLevel: v.service_level,
    digitallySignedResult: v.digitally_signed_result,
    boundaryFree: v.boundary_free,
    components: components.map((c) => ({
      code: c.code,
      name: c.name,
      originals: c.originals,
      copies: c.copies,
      originalRequired: c.original_required,
      required: c.required,
      form:
        c.form_id && c.form_name && c.form_file_name
          ? {
              id: c.form_id,
              name: c.form_name,
              fileName: c.form_file_name,
              url: `/api/procedures/${encodeURIComponent(v.procedure_code)}/forms/${c.form_id}`,
            }
          : null,
    })),
    eform: v.eform,
    onlineSubmission:
      status === 'published' && v.service_level !== 'information_only' && v.methods.includes('online'),
    decisionNumber: v.decision_number,
    decisionDate: v.decision_date,
    publicationDeadline: v.publication_deadline,
    publishedAt: iso(v.published_at),
    supersededAt: iso(v.superseded_at),
    changeNote: v.change_note,
  };
}
