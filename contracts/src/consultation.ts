import { z } from 'zod';

// ─────────────────────── API contract of consultation (lấy ý kiến, issue 14; 003 Đ13.5) ───────────────────────
// Route table: server/src/modules/dossiers/consultation.routes.ts. The requester's actions answer the dossier
// (ZDossierDetail, with `consultations`); the consulted party sees the request only (ZConsultation), never the dossier.

const ZId = z.uuid();
const ZInstantStr = z.iso.datetime({ offset: true });

/** One consulted unit: an agency, or one department of it. */
export const ZConsultationTarget = z.object({ agencyId: ZId, departmentId: ZId.optional() });

/**
 * POST /api/processing/dossiers/{id}/consult: the handler of the appraisal asks one or more agencies or departments;
 * the deadline is `workingDays` counted by each consulted agency's calendar.
 */
export const ZConsultRequest = z.object({
  expectedVersion: z.number().int().min(1),
  to: z.array(ZConsultationTarget).min(1).max(10),
  content: z.string().trim().min(3).max(10_000),
  workingDays: z.number().int().min(1).max(60),
  fileIds: z.array(ZId).max(20).default([]),
});
export type TConsultRequest = z.input<typeof ZConsultRequest>;

export const CONSULTATION_ANSWERS = ['opinion', 'declined'] as const;
/** POST /api/consultations/{id}/answer: the consulted party gives its opinion, or declines with a reason. */
export const ZConsultationAnswerRequest = z.object({
  expectedVersion: z.number().int().min(1),
  answer: z.enum(CONSULTATION_ANSWERS),
  opinion: z.string().trim().min(3).max(10_000),
  fileIds: z.array(ZId).max(20).default([]),
});
export type TConsultationAnswerRequest = z.input<typeof ZConsultationAnswerRequest>;

/**
 * POST /api/processing/dossiers/{id}/consultations/{consultationId}/close: the deadline passed without an answer; the
 * requester proceeds, recording whether the silence counts as agreement and under which law (003 Đ13.5.b).
 */
export const ZConsultationCloseRequest = z
  .object({
    expectedVersion: z.number().int().min(1),
    silenceMeansAgreement: z.boolean(),
    legalBasis: z.string().trim().min(3).max(1000).optional(),
  })
  .refine((r) => !r.silenceMeansAgreement || r.legalBasis !== undefined, {
    message: 'silence counts as agreement only where a law says so: name it',
    path: ['legalBasis'],
  });
export type TConsultationCloseRequest = z.input<typeof ZConsultationCloseRequest>;

export const CONSULTATION_STATUSES = ['open', 'answered', 'declined', 'closed'] as const;
export const ZConsultationStatus = z.enum(CONSULTATION_STATUSES);
export type TConsultationStatus = z.infer<typeof ZConsultationStatus>;

const ZUnitRef = z.object({
  agencyId: ZId,
  agency: z.string(),
  departmentId: ZId.nullable(),
  department: z.string().nullable(),
});

/** One consultation request as both sides see it. */
export const ZConsultation = z.object({
  id: ZId,
  dossierId: ZId,
  dossierCode: z.string().nullable(),
  procedureName: z.string(),
  /** The dossier's version: the consulted party answers on it (409 when stale). */
  dossierVersion: z.number().int(),
  from: ZUnitRef.extend({ requestedBy: z.string() }),
  to: ZUnitRef,
  content: z.string(),
  fileIds: z.array(ZId),
  workingDays: z.number().int(),
  requestedAt: ZInstantStr,
  /** Requested + working days in the consulted agency's calendar. */
  dueAt: ZInstantStr,
  status: ZConsultationStatus,
  /** Open past its due time (the requester and the desk were or will be warned). */
  overdue: z.boolean(),
  /** When the warning job flagged it overdue (003 Đ13.5.b); null if not (yet). */
  overdueWarnedAt: ZInstantStr.nullable(),
  answer: z
    .object({
      kind: z.enum(CONSULTATION_ANSWERS),
      opinion: z.string(),
      fileIds: z.array(ZId),
      by: z.string(),
      at: ZInstantStr,
      /** early / on time / late against `dueAt`, as on the control slip. */
      grade: z.enum(['early', 'on_time', 'late']),
    })
    .nullable(),
  closed: z
    .object({ at: ZInstantStr, silenceMeansAgreement: z.boolean(), legalBasis: z.string().nullable() })
    .nullable(),
});
export type TConsultation = z.infer<typeof ZConsultation>;

/** GET /api/consultations: requests addressed to my department (or agency), open ones first by due time. */
export const ZConsultationListQuery = z.object({
  status: z.enum(['open', 'all']).default('open'),
});
export const ZConsultationList = z.object({
  items: z.array(ZConsultation),
  counts: z.object({ open: z.number().int(), overdue: z.number().int() }),
});
export type TConsultationList = z.infer<typeof ZConsultationList>;
