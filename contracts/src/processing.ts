import { z } from 'zod';
import { SECOND_SUPPLEMENT_REASON, ZCounterComponent, ZSupplementItem } from './dossiers';

// ───────────────────────────── API contract of processing (issue 12) ─────────────────────────────
// Route table: server/src/modules/dossiers/processing.routes.ts. Every action answers ZDossierDetail; a stale
// expectedVersion → 409 CONFLICT; an action the step does not allow → 409 DOSSIER_STATE; a person who does not hold
// the step → 403 NOT_ASSIGNED; a deadline rule refused → 422 DEADLINE_RULE.

const ZId = z.uuid();
const ZInstantStr = z.iso.datetime({ offset: true });

/** Every office action: the dossier's version, an optional reason and attachments (uploaded files of the actor). */
const ZOfficeAction = z.object({
  expectedVersion: z.number().int().min(1),
  reason: z.string().trim().min(3).max(2000).optional(),
  fileIds: z.array(ZId).max(20).default([]),
});

/** POST /api/processing/dossiers/{id}/assign: the head of the department assigns; reassigning needs a reason. */
export const ZAssignRequest = ZOfficeAction.extend({ handlerId: ZId });
export type TAssignRequest = z.input<typeof ZAssignRequest>;

/** A verification record (biên bản thẩm tra, xác minh, 003 Đ13.3.b). */
export const ZVerificationRecord = z.object({
  at: ZInstantStr,
  place: z.string().trim().min(2).max(500),
  participants: z.array(z.string().trim().min(2).max(200)).min(1).max(50),
  content: z.string().trim().min(3).max(10_000),
});

export const APPRAISAL_PROPOSALS = ['approve', 'refuse', 'supplement'] as const;
/** POST /api/processing/dossiers/{id}/appraise: the specialist's opinion and proposal. */
export const ZAppraiseRequest = ZOfficeAction.extend({
  opinion: z.string().trim().min(3).max(10_000),
  proposal: z.enum(APPRAISAL_PROPOSALS),
  verification: ZVerificationRecord.optional(),
});
export type TAppraiseRequest = z.input<typeof ZAppraiseRequest>;

/** POST /api/processing/dossiers/{id}/forward: the step is done (an approval at the approval step). */
export const ZForwardRequest = ZOfficeAction;
export type TForwardRequest = z.input<typeof ZForwardRequest>;

/**
 * POST /api/processing/dossiers/{id}/request-supplement: during appraisal, within 3 working days of receipt (or the
 * procedure's limit), all items at once (003 Đ13.4). A second request only with `new_defect_in_supplement`.
 */
export const ZProcessingSupplementRequest = ZOfficeAction.omit({ reason: true }).extend({
  items: z.array(ZSupplementItem).min(1).max(100),
  reason: z.literal(SECOND_SUPPLEMENT_REASON).optional(),
});
export type TProcessingSupplementRequest = z.input<typeof ZProcessingSupplementRequest>;

/** POST /api/processing/dossiers/{id}/extend: apology and new appointment (Mẫu 04), once (003 Đ13.9). */
export const ZExtendRequest = ZOfficeAction.extend({
  workingDays: z.number().int().min(1).max(60),
  reason: z.string().trim().min(3).max(2000),
});
export type TExtendRequest = z.input<typeof ZExtendRequest>;

export const RESULT_KINDS = ['granted', 'refused'] as const;
/**
 * POST /api/processing/dossiers/{id}/result: the result to the desk — the uploaded PDF in fileIds, or, with none, a
 * result generated from the procedure's template.
 */
export const ZResultRequest = ZOfficeAction.extend({
  kind: z.enum(RESULT_KINDS),
  summary: z.string().trim().min(3).max(2000),
});
export type TResultRequest = z.input<typeof ZResultRequest>;

/** POST /api/processing/dossiers/{id}/return: handed over at the desk (002 Đ6.5). */
export const ZReturnResultRequest = ZOfficeAction.extend({
  collectedBy: z.string().trim().min(2).max(200),
  /** The authorisation letter when someone else collects. */
  authorisation: z.string().trim().max(500).optional(),
  originalsReturned: z.boolean(),
});
export type TReturnResultRequest = z.input<typeof ZReturnResultRequest>;

/** POST /api/processing/dossiers/{id}/step-back: back to the previous step, with the reason. */
export const ZStepBackRequest = z.object({
  expectedVersion: z.number().int().min(1),
  reason: z.string().trim().min(3).max(2000),
});
export type TStepBackRequest = z.input<typeof ZStepBackRequest>;

/** POST /api/dossiers/{id}/stop (applicant) or /api/processing/dossiers/{id}/stop (desk): TT 03/2025 Mẫu 05. */
export const ZStopRequest = z.object({
  expectedVersion: z.number().int().min(1),
  reason: z.string().trim().min(3).max(2000),
});
export type TStopRequest = z.input<typeof ZStopRequest>;

/** POST /api/dossiers/{id}/collect: the applicant downloads an online result ("Hồ sơ của tôi"). */
export const ZCollectRequest = z.object({ expectedVersion: z.number().int().min(1) });

/** GET /api/processing/uncollected: results waiting at this desk (002 Đ6.5.b), oldest first. */
export const ZUncollectedItem = z.object({
  id: ZId,
  code: z.string().nullable(),
  procedureName: z.string(),
  applicantName: z.string(),
  resultChannel: z.string(),
  resultReadyAt: ZInstantStr,
  appointmentAt: ZInstantStr.nullable(),
});
export const ZUncollectedList = z.object({ items: z.array(ZUncollectedItem) });
export type TUncollectedList = z.infer<typeof ZUncollectedList>;

/**
 * POST /api/reception/dossiers/{id}/supplement: a counter or postal applicant completes the dossier at the desk,
 * which records the papers (as at registration). During processing the processing time restarts from zero.
 */
export const ZDeskSupplementRequest = z.object({
  expectedVersion: z.number().int().min(1),
  components: z.array(ZCounterComponent).min(1).max(100),
  note: z.string().max(1000).optional(),
});
export type TDeskSupplementRequest = z.input<typeof ZDeskSupplementRequest>;

/**
 * POST /api/reception/dossiers/{id}/transfer: the desk forwards a dossier received for another agency to that
 * agency's desk the same day instead of refusing it (003 Đ12.3); the agency must have authority for the procedure.
 */
export const ZTransferRequest = z.object({
  expectedVersion: z.number().int().min(1),
  agencyId: ZId,
  reason: z.string().trim().min(3).max(2000),
});
export type TTransferRequest = z.input<typeof ZTransferRequest>;
