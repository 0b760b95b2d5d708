import { z } from 'zod';
import { ZInstant } from './common';
import { SECOND_SUPPLEMENT_REASON, ZDossierStatus } from './dossiers';

// ───────────────────── POST /api/procedures/{code}/simulate (issue 12: a fixed contract point) ─────────────────────
// A hypothetical dossier of the procedure, received at `receivedAt`, run through the engine the live dossiers use
// (server/src/modules/dossiers/processing-rules.ts) against the calendar of the procedure's agency. No login; staff
// with catalogue rights may add `?version=<id>` to try a draft. 422 {code, message} for any sequence the live system
// would refuse (DEADLINE_RULE: late or second supplement request, second extension; SIMULATION_STATE: an event the
// dossier's state does not allow, e.g. after the result or a stop).

export const SIMULATED_EVENT_TYPES = [
  'supplement_requested',
  'supplement_submitted',
  'extended',
  'stopped',
  'result',
  // Consultation (issue 14): inside the lead's processing time; `agency` (id or short name) and, to send, `workingDays`.
  'consultation_sent',
  'consultation_answered',
] as const;
export const ZSimulatedEventType = z.enum(SIMULATED_EVENT_TYPES);
export type TSimulatedEventType = z.infer<typeof ZSimulatedEventType>;

export const ZSimulatedEvent = z
  .object({
    type: ZSimulatedEventType,
    at: ZInstant,
    /** The extension (apology, Mẫu 04): working days added to the appointment in force; a consultation's deadline. */
    workingDays: z.number().int().min(1).max(60).optional(),
    /** consultation_sent / consultation_answered: the consulted agency (its id or short name); its calendar counts. */
    agency: z.string().trim().min(1).max(64).optional(),
    /** A second supplement request: only for a defect new in the supplement itself (003 Đ13.4). */
    reason: z.literal(SECOND_SUPPLEMENT_REASON).optional(),
  })
  .refine((e) => e.type !== 'extended' || e.workingDays !== undefined, {
    message: 'an extension needs workingDays',
    path: ['workingDays'],
  })
  .refine((e) => e.type !== 'consultation_sent' || e.workingDays !== undefined, {
    message: 'a consultation needs workingDays',
    path: ['workingDays'],
  })
  .refine((e) => !e.type.startsWith('consultation') || e.agency !== undefined, {
    message: 'a consultation names its agency',
    path: ['agency'],
  });
export type TSimulatedEvent = z.infer<typeof ZSimulatedEvent>;

export const ZSimulateRequest = z.object({
  receivedAt: ZInstant,
  events: z.array(ZSimulatedEvent).max(50).default([]),
  /** Inter-agency procedures (issue 14): an electronic dossier goes to all partners at once, paper one by one. */
  channel: z.enum(['online', 'paper']).default('online'),
});
export type TSimulateRequest = z.input<typeof ZSimulateRequest>;
export const ZSimulateQuery = z.object({ version: z.uuid().optional() });

/** Each step's due time when the steps run one after another on their budgets (null while the clock is stopped). */
export const ZSimulatedStep = z.object({
  step: z.string(),
  name: z.object({ vi: z.string(), en: z.string() }),
  dueAt: ZInstant.nullable(),
});

/** The event echoed with its effect: the dossier's status and the appointment in force after it. */
export const ZSimulatedEffect = z.object({
  type: ZSimulatedEventType,
  at: ZInstant,
  workingDays: z.number().int().optional(),
  reason: z.literal(SECOND_SUPPLEMENT_REASON).optional(),
  status: ZDossierStatus,
  clock: z.enum(['running', 'paused', 'ended']),
  /** The appointment after the event; null while waiting on the applicant. */
  dueAt: ZInstant.nullable(),
  /** supplement_requested: the last moment a request was allowed; how many came before it. */
  noticeDue: ZInstant.optional(),
  repeat: z.number().int().optional(),
  /** extended: the appointment it replaced; sent later than 1 working day before it (still recorded, flagged). */
  previousDue: ZInstant.optional(),
  late: z.boolean().optional(),
  /** result: before the appointment (announced as early, 003 Đ14.4). */
  early: z.boolean().optional(),
  /** consultation_*: the consulted agency, its deadline (its calendar), and the answer's grade against it. */
  agency: z.string().optional(),
  consultationDueAt: ZInstant.optional(),
  grade: z.enum(['early', 'on_time', 'late']).optional(),
});
export type TSimulatedEffect = z.infer<typeof ZSimulatedEffect>;

export const ZSimulateResponse = z.object({
  /** The appointment at the end of the sequence (null while waiting on the applicant). */
  dueAt: ZInstant.nullable(),
  steps: z.array(ZSimulatedStep),
  events: z.array(ZSimulatedEffect),
  /** Each consultation sent: its deadline in the consulted agency's calendar and its answer (issue 14). */
  consultations: z.array(
    z.object({
      agency: z.string(),
      sentAt: ZInstant,
      dueAt: ZInstant,
      answeredAt: ZInstant.nullable(),
      grade: z.enum(['early', 'on_time', 'late']).nullable(),
    }),
  ),
  /**
   * Inter-agency procedures (issue 14): each partner's part on its full budget from the receipt (parallel) or from
   * the partner before it (sequential, in the plan's order), in its calendar; the lead consolidates by the one
   * appointment (`consolidatedDueAt`). Absent for a procedure of one agency.
   */
  interagency: z
    .object({
      mode: z.enum(['sequential', 'parallel']),
      lead: z.string(),
      agencies: z.array(
        z.object({
          agencyId: z.string(),
          agency: z.string(),
          task: z.object({ vi: z.string(), en: z.string() }),
          workingDays: z.number().int(),
          startAt: ZInstant,
          dueAt: ZInstant,
        }),
      ),
      consolidatedDueAt: ZInstant.nullable(),
    })
    .optional(),
});
export type TSimulateResponse = z.infer<typeof ZSimulateResponse>;
