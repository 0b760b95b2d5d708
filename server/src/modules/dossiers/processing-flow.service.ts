// Processing actions that change the course of a dossier (issue 12): back a step, stop at the applicant's request.
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { ZCollectRequest, ZStepBackRequest, ZStopRequest } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { applyDossierAction } from './dossier-action';
import type { IntakeCtx } from './dossier-context';
import { notifyApplicant } from './dossier-notify';
import { listEventFacts } from './dossiers.repo';
import { findStaffFacts, calendarForAgency } from './ports';
import { mayActOnStep } from './processing-policy';
import { enterStep, previousStep, stepOf } from './processing-steps';

type Trx = Transaction<Database>;

/** Back to the previous step (or the step's back-step) with a reason: a new instance of that step, no handler. */
export async function stepBack(trx: Trx, ctx: IntakeCtx, id: string, raw: z.input<typeof ZStepBackRequest>) {
  const input = ZStepBackRequest.parse(raw);
  return applyDossierAction(trx, ctx, id, 'stepped_back', input.expectedVersion, async (d) => {
    const step = d.workflow ? stepOf(d.workflow, d.current_step) : null;
    const back =
      step && (step.kind === 'appraisal' || step.kind === 'approval')
        ? previousStep(d.workflow!, step.key)
        : null;
    if (!step || !back || back.kind === 'reception') {
      throw new AppError('DOSSIER_STATE', {
        status: { vi: d.current_step ?? d.status, en: d.current_step ?? d.status },
        action: { vi: 'trả lại bước trước', en: 'sent back a step' },
      });
    }
    const dept = (await findStaffFacts(trx, ctx.actor.userId))?.departmentId ?? null;
    if (!mayActOnStep(ctx.actor, dept, d, step)) throw new AppError('NOT_ASSIGNED');
    const cal = await calendarForAgency(trx, d.authority_agency_id);
    // The new instance of the earlier step goes back to whoever was last assigned to it.
    const assigned = (await listEventFacts(trx, d.id))
      .filter((e) => e.type === 'assigned' && (e.data.toStep === back.key || e.data.step === back.key))
      .at(-1);
    const handler = (assigned?.data.handler as { id?: string } | undefined)?.id ?? null;
    return {
      set: { ...enterStep(cal, back, ctx.now), handler_id: handler },
      event: { reason: input.reason, data: { step: step.key, toStep: back.key } },
      audit: { action: 'dossier.step_back', details: { from: step.key, to: back.key } },
    };
  });
}

/**
 * Stop at the applicant's request (TT 03/2025 Mẫu 05): asked from "Hồ sơ của tôi" or recorded by the desk; the
 * dossier leaves processing (its clock ends with it) and the applicant is notified.
 */
export async function stopDossier(trx: Trx, ctx: IntakeCtx, id: string, raw: z.input<typeof ZStopRequest>) {
  const input = ZStopRequest.parse(raw);
  return applyDossierAction(trx, ctx, id, 'stopped', input.expectedVersion, async (d) => ({
    set: { current_step: null, step_due_at: null, handler_id: null },
    event: {
      reason: input.reason,
      data: { step: d.current_step, requestedBy: ctx.actor.kind === 'citizen' ? 'applicant' : 'desk' },
    },
    audit: { action: 'dossier.stop', details: { step: d.current_step } },
    afterAudit: (row) => notifyApplicant(trx, row, 'stopped', ctx.now, { reason: input.reason }),
  }));
}

/** The applicant downloads an online result from "Hồ sơ của tôi": the dossier is returned (online channel only). */
export async function collectOnline(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZCollectRequest>,
) {
  const input = ZCollectRequest.parse(raw);
  return applyDossierAction(trx, ctx, id, 'result_returned', input.expectedVersion, async (d) => {
    if (ctx.actor.kind !== 'citizen' || d.result_channel !== 'online') throw new AppError('FORBIDDEN');
    return {
      set: { current_step: null, step_due_at: null, handler_id: null },
      event: { data: { step: d.current_step, at: 'online', collectedBy: ctx.actor.name } },
      audit: { action: 'dossier.return', details: { channel: 'online' } },
    };
  });
}
