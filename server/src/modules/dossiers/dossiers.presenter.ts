import { vnWall } from '@motcua/contracts';
import type {
  TApplicant,
  TDossierAttachment,
  TDossierDetail,
  TDossierDocument,
  TDossierEvent,
  TDossierProcessing,
  TDossierSummary,
  TSupplementItem,
  TUploadedFile,
} from '@motcua/contracts';
import type { DossierRow, FileRow, SummaryRow } from './dossiers.repo';
import { extendedFrom, isLate, resultStatus } from './dossier-progress';

/** An instant as ISO 8601 in Việt Nam time (`…+07:00`), how every API answer carries times. */
export function instant(d: Date): string {
  return vnWall(d).toISOString().replace('Z', '+07:00');
}
const maybe = (d: Date | null) => (d ? instant(d) : null);

export function presentFile(f: FileRow): TUploadedFile {
  return {
    id: f.id,
    name: f.name,
    mediaType: f.media_type,
    size: Number(f.size),
    sha256: f.sha256,
    pages: f.pages,
    uploadedAt: instant(f.created_at),
  };
}

export function presentSummary(r: SummaryRow, agencies: Map<string, string>, now: Date): TDossierSummary {
  const applicant = r.applicant as TApplicant;
  return {
    id: r.id,
    submissionRef: r.submission_ref,
    code: r.code,
    status: r.status,
    version: r.version,
    channel: r.channel,
    procedure: { code: r.procedure_code, name: r.procedure_name },
    applicantName: applicant.name,
    receivingAgency: { id: r.receiving_agency_id, name: agencies.get(r.receiving_agency_id) ?? '' },
    submittedAt: instant(r.submitted_at),
    receptionDueAt: maybe(r.reception_due_at),
    receptionOverdue:
      r.status === 'submitted' && r.reception_due_at !== null && r.reception_due_at.getTime() < now.getTime(),
    receivedAt: maybe(r.received_at),
    appointmentAt: maybe(r.appointment_at),
  };
}

export type DetailParts = {
  row: DossierRow;
  /** The files attached to the result (result_issued), which the applicant downloads. */
  resultFiles?: FileRow[];
  agencies: Map<string, string>;
  holdingDepartment: { id: string; name: string } | null;
  attachments: Array<{
    revision: number;
    component_code: string;
    component_name: string;
    copy_kind: TDossierAttachment['copyKind'];
    copies: number | null;
    original_shown: boolean | null;
    page_count: number;
    file_ids: string[];
    scan_certified_by_name: string | null;
    scan_certified_at: Date | string | null;
  }>;
  files: Map<string, FileRow>;
  documents: Array<{ id: string; kind: TDossierDocument['kind']; template_set: string; created_at: Date }>;
  events: Array<{
    seq: number;
    type: TDossierEvent['type'];
    at: Date;
    actor_type: string;
    actor_name: string | null;
    channel: string | null;
    reason: string | null;
    data: Record<string, unknown>;
  }>;
};

export function presentDetail(p: DetailParts, now: Date): TDossierDetail {
  const { row } = p;
  const name = (id: string) => ({ id, name: p.agencies.get(id) ?? '' });
  const supplementEvent = [...p.events].reverse().find((e) => e.type === 'supplement_requested');
  return {
    ...presentSummary(row, p.agencies, now),
    postalTrackingNo: row.postal_tracking_no,
    procedure: {
      code: row.procedure_code,
      name: row.procedure_name,
      versionId: row.procedure_version_id,
    },
    applicant: row.applicant as TApplicant,
    organisationId: row.organisation_id,
    formData: row.form_data,
    authorityAgency: name(row.authority_agency_id),
    resultAgency: name(row.result_agency_id),
    holdingAgency: row.holding_agency_id ? name(row.holding_agency_id) : null,
    holdingDepartment: p.holdingDepartment,
    resultChannel: row.result_channel,
    handoverAt: maybe(row.handover_at),
    attachments: p.attachments.map((a) => ({
      componentCode: a.component_code,
      componentName: a.component_name,
      copyKind: a.copy_kind,
      copies: a.copies,
      originalShown: a.original_shown,
      pageCount: a.page_count,
      revision: a.revision,
      scan: a.scan_certified_at
        ? { certifiedBy: a.scan_certified_by_name ?? '', certifiedAt: instant(new Date(a.scan_certified_at)) }
        : null,
      files: a.file_ids.flatMap((id) => {
        const f = p.files.get(id);
        return f ? [presentFile(f)] : [];
      }),
    })),
    supplementRequest:
      // At reception or during appraisal (issue 12): the applicant answers both from "Hồ sơ của tôi".
      (row.status === 'supplement_requested' || row.status === 'processing_supplement') &&
      row.supplement_items &&
      supplementEvent
        ? { items: row.supplement_items as TSupplementItem[], requestedAt: instant(supplementEvent.at) }
        : null,
    refusal: row.refusal
      ? {
          reason: row.refusal.reason,
          competentAgency: row.refusal.competentAgency,
          refusedAt: instant(new Date(row.refusal.refusedAt)),
        }
      : null,
    documents: p.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      templateSet: d.template_set,
      createdAt: instant(d.created_at),
      url: `/api/dossiers/${row.id}/documents/${d.id}`,
    })),
    processing: presentProcessing(row),
    events: p.events.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: instant(e.at),
      actor: { type: e.actor_type, name: e.actor_name },
      channel: e.channel,
      reason: e.reason,
      data: e.data,
    })),
    late: isLate(row, now),
    extendedFrom: extendedFrom(p.events),
    result: withFiles(resultStatus(p.events), p.resultFiles ?? []),
  };
}

function withFiles(r: ReturnType<typeof resultStatus>, files: FileRow[]): TDossierDetail['result'] {
  return r ? { ...r, files: files.map(presentFile) } : null;
}

/** The pinned workflow and the current step of a received dossier; null before receipt. */
export function presentProcessing(
  row: Pick<DossierRow, 'workflow' | 'processing_time' | 'current_step' | 'step_entered_at' | 'step_due_at'>,
): TDossierProcessing | null {
  if (!row.workflow || !row.processing_time) return null;
  const step = row.workflow.steps.find((s) => s.key === row.current_step);
  return {
    processingTime: row.processing_time,
    steps: row.workflow.steps.map(({ key, kind, name, role, holder, budget }) => ({
      key,
      kind,
      name,
      role,
      holder,
      budget,
    })),
    currentStep:
      step && row.step_entered_at && row.step_due_at
        ? {
            key: step.key,
            kind: step.kind,
            name: step.name,
            enteredAt: instant(row.step_entered_at),
            dueAt: instant(row.step_due_at),
          }
        : null,
  };
}
