// Office actions on a dossier in processing (issue 12, 003 Đ13–14): each an event through the one action pipeline,
// with actor, time, reason and attachments, on the dossier's version. Rules of time are the calendar's pure
// functions; the clock is folded from the events with the candidate appended (processing-clock.ts).
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import {
  DOSSIER_ACTION_LABELS,
  DOSSIER_STATUS_LABELS,
  ZAppraiseRequest,
  ZAssignRequest,
  ZExtendRequest,
  ZForwardRequest,
  ZProcessingSupplementRequest,
  ZResultRequest,
  ZReturnResultRequest,
  type TDossierEventType,
  type TWorkflowStep,
} from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { applyDossierAction, type ActionPlan } from './dossier-action';
import type { IntakeCtx } from './dossier-context';
import { notifyApplicant, notifyReturned } from './dossier-notify';
import { findFiles, listEventFacts, type DossierRow } from './dossiers.repo';
import { calendarForAgency, findStaffFacts } from './ports';
import {
  clockAfterSupplement,
  extensionRule,
  isEarlyResult,
  supplementRequestRule,
  type RuleFacts,
} from './processing-rules';
import { mayActOnStep, mayAssign } from './processing-policy';
import { enterStep, nextStep, stepOf } from './processing-steps';
import {
  issueApologyForm,
  issueProcessingRefusalForm,
  issueProcessingSupplementForm,
} from './processing-forms';
import { issueResultDocument, signUploadedResult, uploadedResultFile } from './result-document';
import { openConsultationsRule } from './consultation-rules';
import { countOpenConsultations } from './consultation.repo';
import { checkReturnGuards, returnMayBeReady } from './return-guards';
import { openInteragencyRule } from './interagency-rules';
import { countUndoneTasks } from './interagency.repo';

type Trx = Transaction<Database>;

/** 409 naming the current step (or status) and the action, in both languages. */
const stateError = (d: DossierRow, event: TDossierEventType) =>
  new AppError('DOSSIER_STATE', {
    status: (d.workflow && stepOf(d.workflow, d.current_step)?.name) ?? DOSSIER_STATUS_LABELS[d.status],
    action: DOSSIER_ACTION_LABELS[event],
  });

async function departmentOf(trx: Trx, actor: Actor): Promise<string | null> {
  return (await findStaffFacts(trx, actor.userId))?.departmentId ?? null;
}

/** The facts the deadline rules read: the authority's calendar and the pinned processing time and workflow. */
async function ruleFacts(trx: Trx, d: DossierRow): Promise<RuleFacts> {
  const cal = await calendarForAgency(trx, d.authority_agency_id);
  return { cal, time: d.processing_time!, workflow: d.workflow! };
}

/** The current step of the pinned workflow, which must be of one of `kinds`; else 409 DOSSIER_STATE. */
export function currentStep(
  d: DossierRow,
  event: TDossierEventType,
  kinds: TWorkflowStep['kind'][],
): TWorkflowStep {
  const step = d.workflow ? stepOf(d.workflow, d.current_step) : null;
  if (!step || !kinds.includes(step.kind)) throw stateError(d, event);
  return step;
}

/** Attachments: files the actor uploaded (POST /api/dossier-files); anything else is refused. */
export async function attachments(trx: Trx, actor: Actor, ids: readonly string[]): Promise<string[]> {
  const files = await findFiles(trx, ids);
  if (files.length !== new Set(ids).size || files.some((f) => f.owner_user_id !== actor.userId)) {
    throw new AppError('BAD_REQUEST', { details: 'fileIds' });
  }
  return [...ids];
}

/** The holder of the current step (the handler when one is assigned) or 403 NOT_ASSIGNED. */
export async function requireHolder(trx: Trx, ctx: IntakeCtx, d: DossierRow, step: TWorkflowStep) {
  if (!mayActOnStep(ctx.actor, await departmentOf(trx, ctx.actor), d, step))
    throw new AppError('NOT_ASSIGNED');
}

type Input = { expectedVersion: number; reason?: string | undefined; fileIds: string[] };

/** One office action: the pipeline with the step check, attachments and the common event facts. */
async function officeAction(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  event: TDossierEventType,
  input: Input,
  plan: (d: DossierRow, files: string[]) => Promise<ActionPlan & { data?: Record<string, unknown> }>,
): Promise<DossierRow> {
  return applyDossierAction(trx, ctx, id, event, input.expectedVersion, async (d) => {
    const files = await attachments(trx, ctx.actor, input.fileIds);
    const p = await plan(d, files);
    return {
      ...p,
      event: { reason: input.reason ?? null, data: { step: d.current_step, fileIds: files, ...p.data } },
    };
  });
}

/** Assign (at the assignment step: the next step starts with the handler) or reassign (with a reason). */
export async function assignHandler(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZAssignRequest>,
) {
  const input = ZAssignRequest.parse(raw);
  return officeAction(trx, ctx, id, 'assigned', input, async (d) => {
    if (!d.workflow || !d.current_step) throw stateError(d, 'assigned');
    if (!mayAssign(ctx.actor, await departmentOf(trx, ctx.actor), d)) throw new AppError('NOT_ASSIGNED');
    const step = stepOf(d.workflow, d.current_step)!;
    const target = step.kind === 'assignment' ? nextStep(d.workflow, step.key) : step;
    if (!target || target.kind === 'return') throw stateError(d, 'assigned');
    if (step.kind !== 'assignment' && !input.reason) {
      throw new AppError('BAD_REQUEST', {
        details: { vi: 'cần nêu lý do phân công lại', en: 'a reassignment needs a reason' },
      });
    }
    const h = await findStaffFacts(trx, input.handlerId);
    const fits =
      h?.active &&
      h.agencyId === d.holding_agency_id &&
      h.roles.includes(target.role) &&
      (target.holder !== 'department' || h.departmentId === d.holding_department_id);
    if (!h || !fits) {
      throw new AppError('BAD_REQUEST', {
        details: {
          vi: 'người được giao không thuộc đơn vị hoặc vai trò của bước',
          en: 'the handler does not hold the step',
        },
      });
    }
    const cal = await calendarForAgency(trx, d.authority_agency_id);
    const set =
      step.kind === 'assignment'
        ? { ...enterStep(cal, target, ctx.now), handler_id: h.id }
        : { handler_id: h.id };
    return {
      set,
      data: { handler: { id: h.id, name: h.name }, previousHandlerId: d.handler_id, toStep: target.key },
      audit: {
        action: step.kind === 'assignment' ? 'dossier.assign' : 'dossier.reassign',
        details: { handlerId: h.id },
      },
    };
  });
}

/** The specialist's opinion and proposal, with the verification record when one was made (003 Đ13.3.b). */
export async function appraiseDossier(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZAppraiseRequest>,
) {
  const input = ZAppraiseRequest.parse(raw);
  return officeAction(trx, ctx, id, 'appraised', input, async (d) => {
    await requireHolder(trx, ctx, d, currentStep(d, 'appraised', ['appraisal']));
    return {
      data: { opinion: input.opinion, proposal: input.proposal, verification: input.verification ?? null },
      audit: { action: 'dossier.appraise', details: { proposal: input.proposal } },
    };
  });
}

/** The step is done: the next step of the workflow begins (an appraisal must carry an opinion first). */
export async function forwardDossier(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZForwardRequest>,
) {
  const input = ZForwardRequest.parse(raw);
  return officeAction(trx, ctx, id, 'forwarded', input, async (d) => {
    const step = currentStep(d, 'forwarded', ['appraisal', 'approval']);
    await requireHolder(trx, ctx, d, step);
    if (step.kind === 'appraisal') {
      // Consultation time is inside the appraisal (issue 14): answered, or closed once overdue, before moving on.
      openConsultationsRule(await countOpenConsultations(trx, d.id));
      // Inter-agency (issue 14): the lead consolidates once every partner's part is back.
      openInteragencyRule(await countUndoneTasks(trx, d.id));
      const events = await listEventFacts(trx, d.id);
      const appraised = events.some((e) => e.type === 'appraised' && e.at >= d.step_entered_at!);
      if (!appraised) {
        throw new AppError('BAD_REQUEST', {
          details: { vi: 'chưa có ý kiến thẩm định', en: 'no appraisal opinion yet' },
        });
      }
    }
    const next = nextStep(d.workflow!, step.key)!;
    const cal = await calendarForAgency(trx, d.authority_agency_id);
    return {
      set: enterStep(cal, next, ctx.now),
      data: { toStep: next.key, approved: step.kind === 'approval' },
      audit: {
        action: step.kind === 'approval' ? 'dossier.approve' : 'dossier.forward',
        details: { toStep: next.key },
      },
    };
  });
}

/**
 * Supplement during appraisal (003 Đ13.4): within the workflow's limit (3 working days) of the start of the current
 * run (the receipt, or the complete supplement for a defect new in it); one complete request — a second one only
 * with `new_defect_in_supplement`, counted. The clock stops; the complete supplement restarts it from zero.
 */
export async function requestProcessingSupplement(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZProcessingSupplementRequest>,
) {
  const input = ZProcessingSupplementRequest.parse(raw);
  return officeAction(trx, ctx, id, 'supplement_requested', input, async (d) => {
    await requireHolder(trx, ctx, d, currentStep(d, 'supplement_requested', ['appraisal']));
    const events = await listEventFacts(trx, d.id);
    const rule = supplementRequestRule(await ruleFacts(trx, d), events, ctx.now, input.reason);
    const { repeat: earlier, noticeDue: due } = rule;
    return {
      set: { supplement_items: JSON.stringify(input.items), appointment_at: null, step_due_at: null },
      data: { items: input.items, stage: 'processing', repeat: earlier, noticeDue: due.toISOString() },
      audit: {
        action: 'dossier.request_supplement',
        details: { items: input.items.length, repeat: earlier },
      },
      effects: (row) => issueProcessingSupplementForm(trx, ctx, row, input.items),
      afterAudit: (row) =>
        notifyApplicant(trx, row, 'processing_supplement', ctx.now, {
          reason: input.items.map((i) => `${i.component}: ${i.reason}`).join('; '),
          publicUrl: ctx.config.publicUrl,
        }),
    };
  });
}

/**
 * Apology and extension (Mẫu 04, 003 Đ13.9): once per dossier; the appointment moves by `workingDays` counted by the
 * calendar from the current one; sent later than 1 working day before the deadline it is still recorded, flagged late.
 */
export async function extendDeadline(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZExtendRequest>,
) {
  const input = ZExtendRequest.parse(raw);
  return officeAction(trx, ctx, id, 'extended', input, async (d) => {
    await requireHolder(trx, ctx, d, currentStep(d, 'extended', ['appraisal', 'approval']));
    const events = await listEventFacts(trx, d.id);
    const ext = extensionRule(await ruleFacts(trx, d), events, ctx.now, input.workingDays);
    if (!ext) throw stateError(d, 'extended');
    const { newDue, previousDue, late } = ext;
    return {
      set: { appointment_at: newDue },
      data: {
        workingDays: input.workingDays,
        previousDue: previousDue.toISOString(),
        newDue: newDue.toISOString(),
        late,
      },
      audit: {
        action: 'dossier.extend',
        details: { newDue: newDue.toISOString(), late },
      },
      effects: (row) => issueApologyForm(trx, ctx, row, { previousDue, newDue, reason: input.reason }),
      afterAudit: (row) => notifyApplicant(trx, row, 'extended', ctx.now, { reason: input.reason }),
    };
  });
}

/** The result to the desk ("result ready"): granted or refused, the PDF attached; early when before the appointment. */
export async function issueResult(trx: Trx, ctx: IntakeCtx, id: string, raw: z.input<typeof ZResultRequest>) {
  const input = ZResultRequest.parse(raw);
  return officeAction(trx, ctx, id, 'result_issued', input, async (d, files) => {
    const step = currentStep(
      d,
      'result_issued',
      d.processing_time?.unit === 'immediate' ? ['return'] : ['result_to_desk'],
    );
    await requireHolder(trx, ctx, d, step);
    // An uploaded result (the first file) is signed like a generated one: it must be a PDF the signer can open.
    const uploaded = files.length ? await uploadedResultFile(trx, ctx, files[0]!) : null;
    const ret = d.workflow!.steps.find((s) => s.kind === 'return')!;
    const cal = await calendarForAgency(trx, d.authority_agency_id);
    const early = isEarlyResult(d.appointment_at, ctx.now);
    return {
      // A refusal after appraisal goes to the applicant through the desk as Mẫu 03 (003 Đ13.8).
      effects: async (row) => {
        if (input.kind === 'refused') await issueProcessingRefusalForm(trx, ctx, row, input.summary);
        // No uploaded result: one is generated from the procedure's template.
        if (input.fileIds.length === 0) await issueResultDocument(trx, ctx, row, input);
        if (uploaded) await signUploadedResult(trx, ctx, row, input, uploaded);
        await returnMayBeReady(trx, row.id, ctx.now);
      },
      set: {
        ...enterStep(cal, ret, ctx.now),
        holding_agency_id: d.result_agency_id,
        holding_department_id: null,
      },
      data: {
        kind: input.kind,
        summary: input.summary,
        early,
        appointmentAt: d.appointment_at?.toISOString() ?? null,
        generated: input.fileIds.length === 0,
      },
      audit: { action: 'dossier.result', details: { kind: input.kind, early } },
      // 003 Đ14.4: an early result is announced as such.
      afterAudit: (row) =>
        input.kind === 'refused'
          ? notifyApplicant(trx, row, 'result_refused', ctx.now, {
              reason: input.summary,
              publicUrl: ctx.config.publicUrl,
            })
          : notifyApplicant(trx, row, early ? 'result_early' : 'result_ready', ctx.now, {
              publicUrl: ctx.config.publicUrl,
            }),
    };
  });
}

/** Returned at the desk (who collected, originals given back) — the dossier is closed. */
export async function returnResult(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZReturnResultRequest>,
) {
  const input = ZReturnResultRequest.parse(raw);
  return officeAction(trx, ctx, id, 'result_returned', input, async (d) => {
    if (ctx.actor.kind !== 'staff') throw new AppError('FORBIDDEN');
    await requireHolder(trx, ctx, d, currentStep(d, 'result_returned', ['return']));
    await checkReturnGuards(trx, d, ctx.now, 'desk');
    return {
      set: { current_step: null, step_due_at: null, handler_id: null },
      data: {
        collectedBy: input.collectedBy,
        authorisation: input.authorisation ?? null,
        originalsReturned: input.originalsReturned,
        at: 'desk',
      },
      audit: { action: 'dossier.return', details: { collectedBy: input.collectedBy } },
      afterAudit: (row) => notifyReturned(trx, ctx, row),
    };
  });
}

/**
 * The complete supplement during processing (003 Đ13.4): the processing time restarts from zero — the appointment is
 * the clock folded with the candidate event — and the appraisal step starts a new instance with the same handler.
 */
export async function restartAfterSupplement(trx: Trx, d: DossierRow, now: Date) {
  const facts = await ruleFacts(trx, d);
  const cal = facts.cal;
  const clock = clockAfterSupplement(facts, await listEventFacts(trx, d.id), now);
  const step = stepOf(d.workflow!, d.current_step)!;
  return { appointment_at: clock.due, ...enterStep(cal, step, now), handler_id: d.handler_id };
}
