import { z } from 'zod';

// ───────────── API contract of inter-agency processing (liên thông, issue 14; 000 Đ8, 001 Đ11, 003 Đ13.6) ─────────────
// Route table: server/src/modules/dossiers/interagency.routes.ts. The plan is part of a procedure version's workflow
// (ZWorkflow.interagency); the desk dispatches a received dossier to the partners, each partner sees its task only
// (ZInteragencyTask), never the dossier; the lead consolidates and the one result returns through the receiving desk.

const ZId = z.uuid();
const ZInstantStr = z.iso.datetime({ offset: true });
const ZText = z.object({ vi: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) });

/** A partner agency of an inter-agency procedure: its task and its time budget in working days. */
export const ZInteragencyPartner = z.object({
  agencyId: ZId,
  task: ZText,
  workingDays: z.number().int().min(1).max(60),
});
export type TInteragencyPartner = z.infer<typeof ZInteragencyPartner>;

/**
 * The inter-agency plan of a procedure version. The lead is the procedure's agency with authority; the partners'
 * budgets fit inside the statutory total (checked in the catalogue editor): one after another for paper dossiers
 * (sequential), all at once for electronic ones (parallel).
 */
export const ZInteragencyPlan = z.object({
  partners: z.array(ZInteragencyPartner).min(1).max(10),
});
export type TInteragencyPlan = z.infer<typeof ZInteragencyPlan>;

/** Paper dossiers go from partner to partner in the order the desk sets; electronic ones to all partners at once. */
export const INTERAGENCY_MODES = ['sequential', 'parallel'] as const;
export const ZInteragencyMode = z.enum(INTERAGENCY_MODES);
export type TInteragencyMode = z.infer<typeof ZInteragencyMode>;

/**
 * POST /api/processing/dossiers/{id}/interagency: the receiving desk dispatches the dossier to the partners of its
 * pinned plan. `order` (paper dossiers only) lists every partner agency once, in the order they process it.
 */
export const ZInteragencySendRequest = z.object({
  expectedVersion: z.number().int().min(1),
  order: z.array(ZId).min(1).max(10).optional(),
});
export type TInteragencySendRequest = z.input<typeof ZInteragencySendRequest>;

/**
 * POST /api/interagency/tasks/{id}/done: the partner agency records the outcome of its part, with the files it
 * uploaded itself (its written opinion, a signed certificate…) as attachments.
 */
export const ZInteragencyDoneRequest = z.object({
  expectedVersion: z.number().int().min(1),
  outcome: z.string().trim().min(3).max(10_000),
  fileIds: z.array(ZId).max(10).default([]),
});

/** A file attached to a partner's answer, downloaded at /api/interagency/tasks/{id}/answer-files/{fileId}. */
export const ZInteragencyAnswerFile = z.object({
  id: ZId,
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
});
export type TInteragencyAnswerFile = z.infer<typeof ZInteragencyAnswerFile>;
export type TInteragencyDoneRequest = z.input<typeof ZInteragencyDoneRequest>;

/** waiting: a later partner of a sequential dossier; open: its turn; done: its part is back with the lead. */
export const INTERAGENCY_TASK_STATUSES = ['waiting', 'open', 'done'] as const;
export const ZInteragencyTaskStatus = z.enum(INTERAGENCY_TASK_STATUSES);

/** One partner's part of a dossier, as the partner, the lead and the desk see it. */
export const ZInteragencyTask = z.object({
  id: ZId,
  dossierId: ZId,
  dossierCode: z.string().nullable(),
  procedureName: z.string(),
  /** The dossier's version: the partner records its outcome on it (409 when stale). */
  dossierVersion: z.number().int(),
  mode: ZInteragencyMode,
  position: z.number().int(),
  lead: z.object({ agencyId: ZId, agency: z.string() }),
  agencyId: ZId,
  agency: z.string(),
  task: z.object({ vi: z.string(), en: z.string() }),
  workingDays: z.number().int(),
  status: ZInteragencyTaskStatus,
  openedAt: ZInstantStr.nullable(),
  /** Opened + working days in the partner's calendar; null while waiting for its turn. */
  dueAt: ZInstantStr.nullable(),
  /** Open past its due time, or done after it. */
  late: z.boolean(),
  overdueWarnedAt: ZInstantStr.nullable(),
  done: z
    .object({
      at: ZInstantStr,
      by: z.string(),
      outcome: z.string(),
      grade: z.enum(['early', 'on_time', 'late']),
      files: z.array(ZInteragencyAnswerFile),
    })
    .nullable(),
  /** Sequential: the outcomes of the partners before this one (what it needs to continue), with their files. */
  previous: z.array(
    z.object({ agency: z.string(), outcome: z.string(), files: z.array(ZInteragencyAnswerFile) }),
  ),
});
export type TInteragencyTask = z.infer<typeof ZInteragencyTask>;

/** GET /api/interagency/tasks: the parts of dossiers my agency is asked for, open first by due time. */
export const ZInteragencyTaskListQuery = z.object({ status: z.enum(['open', 'all']).default('open') });
export const ZInteragencyTaskList = z.object({
  items: z.array(ZInteragencyTask),
  counts: z.object({ open: z.number().int(), overdue: z.number().int() }),
});
export type TInteragencyTaskList = z.infer<typeof ZInteragencyTaskList>;

/**
 * POST /api/processing/dossiers/{id}/forward-level (003 Đ13.7): the commune desk that received the dossier forwards
 * it to the competent agency of the province; the appointment is carried, the result returns to the commune desk.
 */
export const ZLevelForwardRequest = z.object({
  expectedVersion: z.number().int().min(1),
  agencyId: ZId,
  /** The province agency's responsible department; default its first specialist department. */
  departmentId: ZId.optional(),
  note: z.string().trim().min(3).max(2000).optional(),
});
export type TLevelForwardRequest = z.input<typeof ZLevelForwardRequest>;

/** The dossier's files a partner may open for its part (none while it waits for its turn). */
export const ZInteragencyTaskFiles = z.object({
  items: z.array(
    z.object({
      id: ZId,
      name: z.string(),
      mediaType: z.string(),
      size: z.number().int(),
      /** The dossier component the file belongs to. */
      component: z.string(),
    }),
  ),
});
export type TInteragencyTaskFiles = z.infer<typeof ZInteragencyTaskFiles>;

/**
 * Staff only, on the dossier detail of an inter-agency procedure: the pinned plan with the partners' names and the
 * mode the dossier's channel gives (the desk's dispatch form orders a paper dossier's partners from it).
 */
export const ZInteragencyPlanView = z.object({
  mode: ZInteragencyMode,
  partners: z.array(
    z.object({
      agencyId: ZId,
      agency: z.string(),
      task: z.object({ vi: z.string(), en: z.string() }),
      workingDays: z.number().int(),
    }),
  ),
});
export type TInteragencyPlanView = z.infer<typeof ZInteragencyPlanView>;

/**
 * GET /api/processing/dossiers/{id}/forward-level: the province agencies (with their specialist departments) the
 * commune desk may forward this dossier to; empty when the dossier may not be forwarded (003 Đ13.7).
 */
export const ZLevelForwardTargets = z.object({
  items: z.array(
    z.object({
      id: ZId,
      name: z.string(),
      departments: z.array(z.object({ id: ZId, name: z.string() })),
    }),
  ),
});
export type TLevelForwardTargets = z.infer<typeof ZLevelForwardTargets>;
