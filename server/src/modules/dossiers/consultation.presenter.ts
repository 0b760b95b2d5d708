import type { TConsultation } from '@motcua/contracts';
import { gradeAnswer } from './consultation-rules';
import type { ConsultationView } from './consultation.repo';
import { instant } from './dossiers.presenter';

/** Row → contract; `overdue` is read against `now` (open past its due time). */
export function presentConsultation(r: ConsultationView, now: Date): TConsultation {
  const answered = r.status === 'answered' || r.status === 'declined';
  return {
    id: r.id,
    dossierId: r.dossier_id,
    dossierCode: r.dossier_code,
    procedureName: r.procedure_name,
    dossierVersion: r.dossier_version,
    from: {
      agencyId: r.from_agency_id,
      agency: r.from_agency_name,
      departmentId: r.from_department_id,
      department: r.from_department_name,
      requestedBy: r.requested_by_name,
    },
    to: {
      agencyId: r.to_agency_id,
      agency: r.to_agency_name,
      departmentId: r.to_department_id,
      department: r.to_department_name,
    },
    content: r.content,
    fileIds: r.file_ids,
    workingDays: r.working_days,
    requestedAt: instant(r.requested_at),
    dueAt: instant(r.due_at),
    status: r.status,
    overdue: r.status === 'open' && now > r.due_at,
    overdueWarnedAt: r.overdue_warned_at ? instant(r.overdue_warned_at) : null,
    answer:
      answered && r.answered_at
        ? {
            kind: r.status === 'declined' ? 'declined' : 'opinion',
            opinion: r.opinion ?? '',
            fileIds: r.answer_file_ids ?? [],
            by: r.answered_by_name ?? '',
            at: instant(r.answered_at),
            grade: gradeAnswer(r.answered_at, r.due_at),
          }
        : null,
    closed:
      r.status === 'closed' && r.closed_at
        ? {
            at: instant(r.closed_at),
            silenceMeansAgreement: r.silence_means_agreement ?? false,
            legalBasis: r.legal_basis,
          }
        : null,
  };
}
