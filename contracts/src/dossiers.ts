import { z } from 'zod';
import { ZProcessingTime } from './catalogue';
import { ZWorkflowStep, ZWorkflowStepKind } from './workflow';
import { ZConsultation } from './consultation';
import { ZInteragencyPlanView, ZInteragencyTask } from './interagency';
import { DOSSIER_CODE_PATTERN } from './dossier-code';

/** Where a dossier stands (SPEC §5–6). Derived from its events; never set directly. */
export const DOSSIER_STATUSES = [
  'submitted', // online, waiting for the reception decision (8 working hours)
  'supplement_requested', // reception asked for missing items (Mẫu 02), waiting for the applicant
  'received', // accepted at reception: has its code, receipt and appointment
  'in_processing', // handed over to the responsible department
  'refused', // refused at reception or after appraisal (Mẫu 03)
  'withdrawn', // withdrawn by the applicant before reception
  'processing_supplement', // sent back for a supplement during appraisal (Mẫu 02); the processing clock stops
  'result_ready', // the result is at the desk, waiting to be returned
  'returned', // the result was handed over (desk or download)
  'stopped', // processing stopped at the applicant's request (TT 03/2025 Mẫu 05)
] as const;
export const ZDossierStatus = z.enum(DOSSIER_STATUSES);
export type TDossierStatus = z.infer<typeof ZDossierStatus>;

export const DOSSIER_CHANNELS = ['online', 'counter', 'post'] as const;
export const ZDossierChannel = z.enum(DOSSIER_CHANNELS);
export type TDossierChannel = z.infer<typeof ZDossierChannel>;

/** Every fact in a dossier's history. */
export const DOSSIER_EVENT_TYPES = [
  'submitted', // online submission acknowledged
  'registered', // entered at the counter / from the post by a reception officer
  'amended', // applicant changed it before reception (ND 45/2020 Đ12)
  'withdrawn',
  'received', // accepted: code + appointment
  'supplement_requested',
  'supplement_submitted',
  'refused',
  'handed_over', // moved to the responsible department
  // ── processing (issue 12): each an office action through the one pipeline ──
  'assigned', // the head of the department assigns (or reassigns, with a reason) a handler
  'appraised', // the specialist's opinion and proposal, with a verification record when one was made
  'forwarded', // the step is done; the next step of the workflow begins (approval included)
  'extended', // apology and new appointment (Mẫu 04), once per dossier
  'result_issued', // the result (granted / refused) is at the desk
  'result_returned', // handed over at the desk or downloaded
  'result_corrected', // a new signed result supersedes the issued one, with the reason (003 Đ15; issue 15)
  'stepped_back', // returned to the previous step (or the step's back-step), with a reason
  'stopped', // stopped at the applicant's request, asked online or recorded by the desk
  'transferred', // the desk forwards a dossier for another agency to that agency's desk, the same day (003 Đ12.3)
  // ── consultation (issue 14, 003 Đ13.5): inside the lead's processing time; the status does not move ──
  'consultation_sent', // the handler asks other agencies / departments, each with content and a deadline
  'consultation_answered', // a consulted party answers (opinion) or declines
  'consultation_overdue', // the deadline passed without an answer: the requester and the desk are warned (system)
  'consultation_closed', // the requester proceeds without the answer, recording whether silence counts as agreement
  // ── inter-agency (liên thông, issue 14, 000 Đ8): one dossier, one status, one deadline while it travels ──
  'interagency_sent', // the receiving desk dispatches the dossier to the partner agencies (paper: in order; online: all)
  'interagency_done', // a partner agency returns its part (sequential: the next partner's turn begins)
  'interagency_overdue', // a partner is past its budget: the lead and the desk are warned (system), the late agency named
  'level_forwarded', // cross-level (003 Đ13.7): a commune desk forwards to the province's competent agency, deadline carried
  'result_converted', // the desk certifies a printout of the electronic result or a scan of a paper one (ND 45/2020 Đ18)
] as const;
export const ZDossierEventType = z.enum(DOSSIER_EVENT_TYPES);
export type TDossierEventType = z.infer<typeof ZDossierEventType>;

export const ZDossierCode = z.string().regex(DOSSIER_CODE_PATTERN);

// ───────────────────────────── API contract of dossier intake (issue 6) ─────────────────────────────
// Route table: server/src/modules/dossiers/dossiers.routes.ts. Instants are ISO strings with offset (ZInstant).

const ZId = z.uuid();
const ZInstantStr = z.iso.datetime({ offset: true });

export const APPLICANT_KINDS = ['citizen', 'organisation'] as const;
/** The applicant as entered (counter) or taken from the account (online); a snapshot kept with the dossier. */
export const ZApplicant = z.object({
  kind: z.enum(APPLICANT_KINDS),
  name: z.string().trim().min(2).max(200),
  /** CCCD/ID number of a person; registration number of an organisation. */
  idNumber: z.string().trim().min(6).max(20).nullable(),
  taxCode: z.string().trim().max(20).nullable().optional(),
  address: z.string().trim().max(300).nullable(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .-]{8,20}$/)
    .nullable(),
  email: z.email().nullable(),
});
export type TApplicant = z.infer<typeof ZApplicant>;

/** Hình thức of a paper received at the counter (TT 01/2018 Mẫu 01). */
export const COPY_KINDS = ['original', 'certified_copy', 'photocopy'] as const;
export const ZCopyKind = z.enum(COPY_KINDS);
export type TCopyKind = z.infer<typeof ZCopyKind>;

/** An uploaded file, stored content-addressed; a dossier refers to it by id. */
export const ZUploadedFile = z.object({
  id: ZId,
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** PDF pages, 1 for an image, 0 for DOCX/XLSX. */
  pages: z.number().int(),
  uploadedAt: ZInstantStr,
});
export type TUploadedFile = z.infer<typeof ZUploadedFile>;

/** Online: which uploaded files make up which component of the procedure. */
export const ZAttachmentInput = z.object({
  componentCode: z.string().min(1).max(64),
  fileIds: z.array(ZId).min(1).max(50),
});
export type TAttachmentInput = z.infer<typeof ZAttachmentInput>;

/** POST /api/dossiers (header Idempotency-Key) → 201 TDossierDetail (the same one on a retry). */
export const ZSubmitDossierRequest = z.object({
  procedureCode: z.string().min(1).max(64),
  /** Acting for an organisation the account may represent; else for the person. */
  organisationId: ZId.nullable().optional(),
  /** Boundary-free procedures: the desk chosen by the applicant; default: the authority's own desk. */
  receivingAgencyId: ZId.nullable().optional(),
  /** Boundary-free procedures (issue 14): the desk where the result is collected; default: the receiving desk. */
  resultAgencyId: ZId.nullable().optional(),
  applicant: ZApplicant,
  formData: z.record(z.string(), z.unknown()).default({}),
  attachments: z.array(ZAttachmentInput).max(100).default([]),
  /** The draft this submission comes from; it is closed on success. */
  draftId: ZId.nullable().optional(),
  resultChannel: z.enum(['counter', 'post', 'online']).default('online'),
});
export type TSubmitDossierRequest = z.input<typeof ZSubmitDossierRequest>;

/** Drafts save automatically and resume on any device; `version` stops two devices overwriting each other. */
export const ZDraftContent = ZSubmitDossierRequest.omit({ draftId: true }).partial();
export const ZSaveDraftRequest = z.object({
  procedureCode: z.string().min(1).max(64),
  /** Omit to create; the version read last to update (stale → 409 CONFLICT). */
  expectedVersion: z.number().int().min(1).optional(),
  content: ZDraftContent,
});
export type TSaveDraftRequest = z.input<typeof ZSaveDraftRequest>;
export const ZDraft = z.object({
  id: ZId,
  procedureCode: z.string(),
  procedureName: z.string(),
  version: z.number().int(),
  content: ZDraftContent,
  updatedAt: ZInstantStr,
});
export type TDraft = z.infer<typeof ZDraft>;
export const ZDraftList = z.object({ items: z.array(ZDraft) });

/** Every decision and applicant change carries the version it was made on (stale → 409 CONFLICT). */
const ZVersioned = z.object({ expectedVersion: z.number().int().min(1) });

/** PATCH /api/dossiers/{id}: amend before reception (ND 45/2020 Đ12). Attachments given replace that component. */
export const ZAmendDossierRequest = ZVersioned.extend({
  formData: z.record(z.string(), z.unknown()).optional(),
  applicant: ZApplicant.optional(),
  attachments: z.array(ZAttachmentInput).max(100).optional(),
  note: z.string().max(1000).optional(),
});
export type TAmendDossierRequest = z.infer<typeof ZAmendDossierRequest>;

/** POST /api/dossiers/{id}/withdraw */
export const ZWithdrawDossierRequest = ZVersioned.extend({ reason: z.string().max(1000).optional() });
export type TWithdrawDossierRequest = z.infer<typeof ZWithdrawDossierRequest>;

/** POST /api/dossiers/{id}/supplement: the applicant answers a supplement request; the 8-hour clock restarts. */
export const ZSubmitSupplementRequest = ZVersioned.extend({
  formData: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(ZAttachmentInput).min(1).max(100),
  note: z.string().max(1000).optional(),
});
export type TSubmitSupplementRequest = z.infer<typeof ZSubmitSupplementRequest>;

/** One component received at the counter ("Tiếp nhận → Thêm mới"): what came in and its scans, pages in order. */
export const ZCounterComponent = z.object({
  componentCode: z.string().min(1).max(64),
  copyKind: ZCopyKind,
  copies: z.number().int().min(1).max(100),
  originalShown: z.boolean().default(false),
  /** Page images / scans in page order. */
  fileIds: z.array(ZId).max(500).default([]),
  /** Pages the officer counted on paper; must equal the pages of the stored scans (TT 01/2023 Đ8). */
  pageCount: z.number().int().min(0).max(10_000),
});
export type TCounterComponent = z.input<typeof ZCounterComponent>;

/** POST /api/reception/dossiers (header Idempotency-Key) → 201 TDossierDetail, status `submitted`, ready for a decision. */
export const ZRegisterDossierRequest = z
  .object({
    channel: z.enum(['counter', 'post']),
    postalTrackingNo: z.string().trim().min(4).max(40).nullable().optional(),
    procedureCode: z.string().min(1).max(64),
    applicant: ZApplicant,
    formData: z.record(z.string(), z.unknown()).default({}),
    components: z.array(ZCounterComponent).max(100),
    sets: z.number().int().min(1).max(20).default(1),
    resultChannel: z.enum(['counter', 'post', 'online']).default('counter'),
  })
  .refine((r) => r.channel !== 'post' || !!r.postalTrackingNo, {
    path: ['postalTrackingNo'],
    message: 'Hồ sơ qua bưu chính cần số hiệu bưu gửi / postal dossiers need the tracking number',
  });
export type TRegisterDossierRequest = z.input<typeof ZRegisterDossierRequest>;

/** POST /api/reception/dossiers/{id}/accept */
export const ZAcceptDossierRequest = ZVersioned.extend({
  /** Immediate-result procedures: a receipt only when the applicant asks (001 Đ10.1.d). */
  receiptRequested: z.boolean().default(false),
  note: z.string().max(1000).optional(),
});
export type TAcceptDossierRequest = z.input<typeof ZAcceptDossierRequest>;

export const ZSupplementItem = z.object({
  componentCode: z.string().max(64).nullable().optional(),
  /** The component concerned, as printed on Mẫu 02. */
  component: z.string().trim().min(1).max(300),
  problem: z.enum(['missing', 'defective']),
  reason: z.string().trim().min(3).max(1000),
  guidance: z.string().trim().min(3).max(1000),
});
export type TSupplementItem = z.infer<typeof ZSupplementItem>;

/**
 * "One complete request" (000 Đ6.2.c, 003 Đ13.4): a second supplement request of the same stage is refused unless the
 * officer records that the defect is new in the supplement itself; such second requests are counted.
 */
export const SECOND_SUPPLEMENT_REASON = 'new_defect_in_supplement';

/** POST /api/reception/dossiers/{id}/request-supplement: every missing/defective item at once (Mẫu 02). */
export const ZRequestSupplementRequest = ZVersioned.extend({
  items: z.array(ZSupplementItem).min(1).max(100),
  reason: z.literal(SECOND_SUPPLEMENT_REASON).optional(),
});
export type TRequestSupplementRequest = z.infer<typeof ZRequestSupplementRequest>;

/** POST /api/reception/dossiers/{id}/refuse (Mẫu 03). */
export const ZRefuseDossierRequest = ZVersioned.extend({
  reason: z.string().trim().min(3).max(2000),
  legalBasis: z.string().trim().max(1000).optional(),
  /** When not within this agency's competence: the competent agency. */
  competentAgency: z.string().trim().max(300).optional(),
});
export type TRefuseDossierRequest = z.infer<typeof ZRefuseDossierRequest>;

export const ZDossierAgencyRef = z.object({ id: ZId, name: z.string() });
export const ZDepartmentRef = z.object({ id: ZId, name: z.string() });

export const ZDossierEvent = z.object({
  seq: z.number().int(),
  type: ZDossierEventType,
  at: ZInstantStr,
  actor: z.object({ type: z.string(), name: z.string().nullable() }),
  channel: z.string().nullable(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TDossierEvent = z.infer<typeof ZDossierEvent>;

export const ZDossierAttachment = z.object({
  componentCode: z.string(),
  componentName: z.string(),
  copyKind: ZCopyKind.nullable(),
  copies: z.number().int().nullable(),
  originalShown: z.boolean().nullable(),
  pageCount: z.number().int(),
  files: z.array(ZUploadedFile),
  /** Which revision of the dossier's attachments this is (earlier revisions are kept). */
  revision: z.number().int(),
  /**
   * Paper received at the counter and scanned into the dossier (ND 45/2020 Đ18): the official who certified the
   * scans as true to the paper, and when; null for files sent electronically and for paper without a scan.
   */
  scan: z.object({ certifiedBy: z.string(), certifiedAt: ZInstantStr }).nullable(),
});
export type TDossierAttachment = z.infer<typeof ZDossierAttachment>;

export const DOCUMENT_KINDS = [
  'receipt',
  'supplement_request',
  'refusal',
  'apology',
  'stop_processing',
  'result',
] as const;
export type TDocumentKind = (typeof DOCUMENT_KINDS)[number];
export const ZDossierDocument = z.object({
  id: ZId,
  kind: z.enum(DOCUMENT_KINDS),
  templateSet: z.string(),
  createdAt: ZInstantStr,
  /** GET this path for the PDF. */
  url: z.string(),
});
export type TDossierDocument = z.infer<typeof ZDossierDocument>;

export const ZDossierSummary = z.object({
  id: ZId,
  submissionRef: z.string(),
  code: z.string().nullable(),
  status: ZDossierStatus,
  version: z.number().int(),
  channel: ZDossierChannel,
  procedure: z.object({ code: z.string(), name: z.string() }),
  applicantName: z.string(),
  receivingAgency: ZDossierAgencyRef,
  submittedAt: ZInstantStr,
  receptionDueAt: ZInstantStr.nullable(),
  /** Waiting for the reception decision past 8 working hours (001 Đ9.2.a). */
  receptionOverdue: z.boolean(),
  receivedAt: ZInstantStr.nullable(),
  appointmentAt: ZInstantStr.nullable(),
});
export type TDossierSummary = z.infer<typeof ZDossierSummary>;

/** Where a received dossier stands in its pinned workflow (issue 12). */
export const ZDossierProcessing = z.object({
  processingTime: ZProcessingTime,
  /** The workflow's steps in order, as pinned at receipt. */
  steps: z.array(
    ZWorkflowStep.pick({ key: true, kind: true, name: true, role: true, holder: true, budget: true }),
  ),
  /** The step now; null once processing has ended. `dueAt` = entry + the step's budget. */
  currentStep: z
    .object({
      key: z.string(),
      kind: ZWorkflowStepKind,
      name: z.object({ vi: z.string(), en: z.string() }),
      enteredAt: ZInstantStr,
      dueAt: ZInstantStr,
    })
    .nullable(),
});
export type TDossierProcessing = z.infer<typeof ZDossierProcessing>;

/** The result of a processed dossier as the applicant and the public see it (issue 12): granted or refused, ready at the
 * desk or collected. */
export const ZDossierResultStatus = z.object({
  kind: z.enum(['granted', 'refused']),
  /** When the result reached the desk ("result ready"). */
  readyAt: ZInstantStr,
  /** Handed over at the desk or downloaded online. */
  collected: z.boolean(),
  collectedAt: ZInstantStr.nullable(),
});
export type TDossierResultStatus = z.infer<typeof ZDossierResultStatus>;

export const ZDossierDetail = ZDossierSummary.extend({
  postalTrackingNo: z.string().nullable(),
  procedure: z.object({ code: z.string(), name: z.string(), versionId: ZId }),
  applicant: ZApplicant,
  organisationId: ZId.nullable(),
  formData: z.record(z.string(), z.unknown()),
  authorityAgency: ZDossierAgencyRef,
  resultAgency: ZDossierAgencyRef,
  holdingAgency: ZDossierAgencyRef.nullable(),
  holdingDepartment: ZDepartmentRef.nullable(),
  resultChannel: z.string(),
  handoverAt: ZInstantStr.nullable(),
  attachments: z.array(ZDossierAttachment),
  supplementRequest: z.object({ items: z.array(ZSupplementItem), requestedAt: ZInstantStr }).nullable(),
  refusal: z
    .object({ reason: z.string(), competentAgency: z.string().nullable(), refusedAt: ZInstantStr })
    .nullable(),
  documents: z.array(ZDossierDocument),
  /** From receipt: the pinned workflow's steps and the step the dossier is at (issue 12). */
  processing: ZDossierProcessing.nullable(),
  /** The timeline ("Hồ sơ của tôi"), oldest first. */
  events: z.array(ZDossierEvent),
  /** Past the (possibly extended) appointment by the rules: never for an immediate result or a stopped clock. */
  late: z.boolean(),
  /** The appointment before the one extension with an apology (Mẫu 04); null when never extended. */
  extendedFrom: ZInstantStr.nullable(),
  /** The result status, with the result documents the office attached (downloadable by the applicant). */
  result: ZDossierResultStatus.extend({ files: z.array(ZUploadedFile) }).nullable(),
  /** Staff only (issue 14): the consultations of the dossier with their due times; absent for the applicant. */
  consultations: z.array(ZConsultation).optional(),
  /** Staff only (issue 14): each partner agency's part of an inter-agency dossier; absent for the applicant. */
  interagency: z.array(ZInteragencyTask).optional(),
  /** Staff only (issue 14): the inter-agency plan pinned at receipt, for a procedure that has one. */
  interagencyPlan: ZInteragencyPlanView.optional(),
});
export type TDossierDetail = z.infer<typeof ZDossierDetail>;

/** GET /api/dossiers (own and own organisations') and GET /api/reception/queue. */
/**
 * "Hồ sơ của tôi" and the reception queue. Pages are keyset pages: pass the previous page's `nextCursor` as `cursor`.
 * `page` (offset paging) still works for the first 10,000 rows and is deprecated; with a `cursor` it is ignored.
 */
export const ZDossierListQuery = z.object({
  status: ZDossierStatus.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(300).optional(),
});
export const DOSSIER_LIST_COUNT_CAP = 10_000;
export const ZDossierList = z.object({
  items: z.array(ZDossierSummary),
  /** Dossiers in the list, counted up to DOSSIER_LIST_COUNT_CAP (then `totalCapped` is true: at least that many). */
  total: z.number().int(),
  totalCapped: z.boolean(),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TDossierList = z.infer<typeof ZDossierList>;

/** GET /api/lookup/{code}: public, no login; nothing personal beyond the masked name (000 Đ13, 004 Đ5). */
export const ZLookupResponse = z.object({
  code: z.string(),
  status: ZDossierStatus,
  procedureName: z.string(),
  receivingAgency: z.string(),
  holdingAgency: z.string().nullable(),
  holdingDepartment: z.string().nullable(),
  receivedAt: ZInstantStr.nullable(),
  appointmentAt: ZInstantStr.nullable(),
  late: z.boolean(),
  /** The masked name, only with the right lookup PIN (`?pin=`); null otherwise (ADR 0014). */
  applicantName: z.string().nullable(),
  /** none: no PIN given; wrong: it does not match; accepted: the masked name is shown. */
  pinStatus: z.enum(['none', 'wrong', 'accepted']),
  /** The step of the workflow the dossier is at (issue 12); null before receipt and once processing has ended. */
  currentStep: z.object({ vi: z.string(), en: z.string() }).nullable(),
  /** The appointment before the one extension with an apology (Mẫu 04); null when never extended. */
  extendedFrom: ZInstantStr.nullable(),
  /** Granted or refused, ready at the desk or collected; null until there is a result. */
  result: ZDossierResultStatus.nullable(),
  /** Inter-agency (issue 14): the agencies working on it now (partners with an open part, else the holder). */
  workingAgencies: z.array(z.string()).optional(),
});
export type TLookupResponse = z.infer<typeof ZLookupResponse>;

/** The second factor of the public lookup: six digits printed on the receipt and sent to the applicant. */
export const LOOKUP_PIN_PATTERN = /^\d{6}$/;
export const ZLookupQuery = z.object({
  pin: z
    .string()
    .trim()
    .regex(LOOKUP_PIN_PATTERN, 'mã PIN tra cứu gồm 6 chữ số / the lookup PIN has 6 digits')
    .optional(),
});

/** GET /api/admin/lookup-alerts: clients that walked a run of dossier codes on the public lookup. */
export const ZLookupAlert = z.object({
  id: ZId,
  clientIp: z.string(),
  reason: z.enum(['not_found', 'sequential']),
  codesProbed: z.number().int(),
  notFound: z.number().int(),
  longestRun: z.number().int(),
  sampleCodes: z.array(z.string()),
  firstAt: ZInstantStr,
  lastAt: ZInstantStr,
  acknowledgedAt: ZInstantStr.nullable(),
});
export type TLookupAlert = z.infer<typeof ZLookupAlert>;
export const ZLookupAlertList = z.object({ items: z.array(ZLookupAlert) });
export const ZLookupAlertListQuery = z.object({
  open: z.enum(['true', 'false']).default('true'),
});

/** GET /api/dossier-messages: the portal inbox of the logged-in applicant (notifications about dossiers). */
export const MESSAGE_KINDS = [
  'submitted',
  'received',
  'supplement_requested',
  'refused',
  'extended',
  'result_ready',
  'stopped',
  // Issue 12: a supplement asked during appraisal (the clock stops), and a refusal after appraisal (Mẫu 03).
  'processing_supplement',
  'result_refused',
  // 003 Đ14.4: a result before the appointment is announced as early.
  'result_early',
  // Issue 16: the result was returned; the message carries the satisfaction-rating link.
  'result_returned',
] as const;
export const ZDossierMessage = z.object({
  id: ZId,
  dossierId: ZId,
  kind: z.enum(MESSAGE_KINDS),
  subject: z.string(),
  body: z.string(),
  createdAt: ZInstantStr,
});
export const ZDossierMessageList = z.object({ items: z.array(ZDossierMessage) });
export type TDossierMessage = z.infer<typeof ZDossierMessage>;
