import { z } from 'zod';
import { ZRegisterDossierRequest } from './dossiers';

const ZId = z.uuid();
const ZInstantStr = z.iso.datetime({ offset: true });

/** POST /api/admin/outages — an admin declares when the system was down (004 Đ7.3); null agency = every agency. */
export const ZDeclareOutageRequest = z.object({
  agencyId: ZId.nullable().default(null),
  startsAt: ZInstantStr,
  endsAt: ZInstantStr,
  reason: z.string().trim().min(3).max(500),
});
export type TDeclareOutageRequest = z.input<typeof ZDeclareOutageRequest>;

export const ZOutage = z.object({
  id: ZId,
  agencyId: ZId.nullable(),
  startsAt: ZInstantStr,
  endsAt: ZInstantStr,
  reason: z.string(),
  declaredBy: z.string().nullable(),
  declaredAt: ZInstantStr,
  /** Dossiers entered afterwards for this outage. */
  backEntries: z.number().int(),
});
export type TOutage = z.infer<typeof ZOutage>;
export const ZOutageList = z.object({ items: z.array(ZOutage) });

/**
 * POST /api/reception/back-entries (header Idempotency-Key) → 201 TDossierDetail: a paper dossier received during a
 * declared outage, entered with its original receipt time and, when it was accepted on paper, its acceptance time.
 */
export const ZBackEntryRequest = z.object({
  outageId: ZId,
  receivedAt: ZInstantStr,
  /** When the desk accepted it on paper (defaults to `receivedAt`). */
  acceptedAt: ZInstantStr.optional(),
  dossier: ZRegisterDossierRequest,
});
export type TBackEntryRequest = z.input<typeof ZBackEntryRequest>;

/** Decisions taken on paper during an outage that can be entered afterwards, each by its own route's rules. */
export const BACK_ENTRY_DECISIONS = [
  'assign',
  'appraise',
  'request-supplement',
  'forward',
  'extend',
  'result',
  'return',
  'step-back',
  'stop',
] as const;
export type TBackEntryDecision = (typeof BACK_ENTRY_DECISIONS)[number];

/**
 * POST /api/processing/dossiers/{id}/back-entered-decisions → 200 TDossierDetail: a decision on a dossier taken on
 * paper during a declared outage (004 Đ7.3), entered afterwards at its original time. `body` is what the action's own
 * route takes (`expectedVersion` included); the same person must be allowed to take it, as at that time.
 */
export const ZBackEntryDecisionRequest = z.object({
  outageId: ZId,
  decidedAt: ZInstantStr,
  action: z.enum(BACK_ENTRY_DECISIONS),
  body: z.record(z.string(), z.unknown()),
});
export type TBackEntryDecisionRequest = z.input<typeof ZBackEntryDecisionRequest>;

/** GET /api/reception/back-entries?outageId&from&to — for reports: which dossiers were entered after an outage. */
export const ZBackEntryQuery = z.object({
  outageId: ZId.optional(),
  from: ZInstantStr.optional(),
  to: ZInstantStr.optional(),
});
export const ZBackEntry = z.object({
  dossierId: ZId,
  code: z.string().nullable(),
  outageId: ZId,
  receivedAt: ZInstantStr,
  enteredAt: ZInstantStr,
  enteredBy: z.string().nullable(),
});
export const ZBackEntryList = z.object({ items: z.array(ZBackEntry) });
export type TBackEntry = z.infer<typeof ZBackEntry>;
