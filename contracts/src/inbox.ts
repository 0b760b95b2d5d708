import { z } from 'zod';
import { ZDossierStatus } from './dossiers';
import { ZStaffRole } from './roles';

// ───────────────────────────── The office inbox, assignees and the desk's chase list (issue 12) ─────────────────────
// Routes: server/src/modules/dossiers/processing-inbox.routes.ts.

const ZId = z.uuid();
const ZInstantStr = z.iso.datetime({ offset: true });
const ZName = z.object({ vi: z.string(), en: z.string() });

export const INBOX_SCOPES = ['me', 'department', 'agency'] as const;
export const ZInboxScope = z.enum(INBOX_SCOPES);
export type TInboxScope = z.infer<typeof ZInboxScope>;
export const INBOX_DUE_FILTERS = ['overdue', 'soon'] as const;

/**
 * The three places of a dossier (issue 14; ND 118/2025 boundary-free reception): the desk that received it, the
 * agency that decides it, the desk where its result is returned. The inbox filters and the register select by each.
 */
export const DOSSIER_PLACES = ['received', 'decided', 'returned'] as const;
export const ZDossierPlace = z.enum(DOSSIER_PLACES);
export type TDossierPlace = z.infer<typeof ZDossierPlace>;

/**
 * GET /api/processing/inbox ("Hồ sơ cần xử lý"): `me` = steps I handle, and unassigned steps my role holds in my
 * department or agency (a head of department sees every unassigned dossier of the department); `department`; `agency`.
 * Sorted by the step's due time, then id; `cursor` is the opaque `nextCursor` of the previous page (keyset paging).
 */
export const ZInboxQuery = z.object({
  scope: ZInboxScope.default('me'),
  procedure: z.string().trim().min(1).max(40).optional(),
  step: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)
    .optional(),
  status: ZDossierStatus.optional(),
  due: z.enum(INBOX_DUE_FILTERS).optional(),
  /** Received at this desk (agency id). */
  receivedAt: ZId.optional(),
  /** Decided by this agency (the agency with authority). */
  decidedBy: ZId.optional(),
  /** The result returned at this desk. */
  returnedAt: ZId.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type TInboxQuery = z.input<typeof ZInboxQuery>;

export const ZInboxItem = z.object({
  id: ZId,
  code: z.string().nullable(),
  status: ZDossierStatus,
  version: z.number().int(),
  procedure: z.object({ code: z.string(), name: z.string() }),
  applicantName: z.string(),
  step: z.object({ key: z.string(), name: ZName, role: ZStaffRole.nullable(), dueAt: ZInstantStr }),
  appointmentAt: ZInstantStr.nullable(),
  handler: z.object({ id: ZId, name: z.string() }).nullable(),
  /** Due within one working day of now (the unit's calendar, inclusive), not yet overdue. */
  dueSoon: z.boolean(),
  overdue: z.boolean(),
});
export type TInboxItem = z.infer<typeof ZInboxItem>;

/** Counts of the whole scope (the filters do not apply to them, so the tabs stay comparable). */
export const ZInboxCounts = z.object({
  total: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  unassigned: z.number().int(),
});
export type TInboxCounts = z.infer<typeof ZInboxCounts>;

export const ZInboxPage = z.object({
  scope: ZInboxScope,
  items: z.array(ZInboxItem),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  counts: ZInboxCounts,
  /** Due soon means due from now until this instant (now + one working day of the unit's calendar), inclusive. */
  dueSoonUntil: ZInstantStr,
});
export type TInboxPage = z.infer<typeof ZInboxPage>;

/** GET /api/processing/dossiers/{id}/assignees: who may take the step being assigned (the assign form's choices). */
export const ZAssignee = z.object({
  id: ZId,
  name: z.string(),
  /** Steps that person handles now (their load), to spread the work. */
  activeSteps: z.number().int(),
});
export const ZAssigneeList = z.object({
  step: z.object({ key: z.string(), name: ZName }),
  items: z.array(ZAssignee),
});
export type TAssigneeList = z.infer<typeof ZAssigneeList>;

/**
 * GET /api/processing/chase: the desk's chase list (002 Đ5.1.e) — dossiers received at this desk still in processing
 * whose appointment is within one working day or past, with the step and its holder, by appointment.
 */
export const ZChaseItem = z.object({
  id: ZId,
  code: z.string().nullable(),
  procedure: z.object({ code: z.string(), name: z.string() }),
  applicantName: z.string(),
  appointmentAt: ZInstantStr,
  overdue: z.boolean(),
  step: z.object({ key: z.string(), name: ZName, dueAt: ZInstantStr.nullable() }).nullable(),
  holdingAgency: z.object({ id: ZId, name: z.string() }).nullable(),
  holdingDepartment: z.object({ id: ZId, name: z.string() }).nullable(),
  handler: z.object({ id: ZId, name: z.string() }).nullable(),
});
export const ZChaseList = z.object({ items: z.array(ZChaseItem), dueSoonUntil: ZInstantStr });
export type TChaseList = z.infer<typeof ZChaseList>;
