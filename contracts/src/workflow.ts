import { z } from 'zod';
import { ZInteragencyPlan } from './interagency';
import { ZStaffRole } from './roles';

/**
 * The processing workflow of a procedure version (issue 12, WORKFLOW-REFERENCE §2.1): ordered steps, each held by a
 * role in a unit (never a person), with a time budget. The budgets of the steps on the clock add up to the
 * procedure's statutory processing time. Dossiers keep the workflow pinned at receipt.
 */
export const WORKFLOW_STEP_KINDS = [
  'reception', // the desk hands the received dossier over (003 Đ12.2)
  'assignment', // the head of the department assigns a handler
  'appraisal', // the specialist appraises, verifies, proposes (003 Đ13.3)
  'approval', // the leader approves or refuses
  'result_to_desk', // the result is sent to the desk
  'return', // the desk returns the result (off the clock: from the appointment on)
] as const;
export const ZWorkflowStepKind = z.enum(WORKFLOW_STEP_KINDS);
export type TWorkflowStepKind = z.infer<typeof ZWorkflowStepKind>;

/** Which unit of the agency holds a step: its one-stop desk, the responsible specialist department, or its leadership. */
export const WORKFLOW_HOLDERS = ['desk', 'department', 'agency'] as const;
export const ZWorkflowHolder = z.enum(WORKFLOW_HOLDERS);

/** A step's time budget: working hours or working days (in quarters of an hour at the finest). */
export const ZStepBudget = z.object({
  unit: z.enum(['working_hours', 'working_days']),
  value: z.number().min(0).max(1000).multipleOf(0.25),
});
export type TStepBudget = z.infer<typeof ZStepBudget>;

export const ZWorkflowStep = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  kind: ZWorkflowStepKind,
  name: z.object({ vi: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }),
  role: ZStaffRole,
  holder: ZWorkflowHolder,
  budget: ZStepBudget,
  /** An optional step may be skipped by forwarding past it. */
  optional: z.boolean().default(false),
  /** The step a "return to previous step" goes back to; null = the step before it. */
  backTo: z.string().nullable().default(null),
});
export type TWorkflowStep = z.infer<typeof ZWorkflowStep>;

export const ZWorkflow = z.object({
  steps: z.array(ZWorkflowStep).min(2).max(20),
  /** Procedure-specific limit for a supplement request during appraisal (default 3 working days, 003 Đ13.4). */
  supplementNoticeDays: z.number().int().min(1).max(60).default(3),
  /** Inter-agency (liên thông, issue 14): the partner agencies with their tasks and budgets; absent = one agency. */
  interagency: ZInteragencyPlan.optional(),
});
export type TWorkflow = z.infer<typeof ZWorkflow>;
export type TWorkflowInput = z.input<typeof ZWorkflow>;

/** GET/PUT /api/admin/procedures/{code}/workflow: the draft's workflow (PUT replaces it; 422 when it does not add up). */
export const ZWorkflowResponse = z.object({
  procedureCode: z.string(),
  versionId: z.string(),
  versionStatus: z.string(),
  /** true when the version stores none and the default for its processing time applies. */
  isDefault: z.boolean(),
  workflow: ZWorkflow,
});
export type TWorkflowResponse = z.infer<typeof ZWorkflowResponse>;
