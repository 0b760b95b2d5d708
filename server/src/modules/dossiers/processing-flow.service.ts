// Processing actions that change the course of a dossier (issue 12): back a step, stop at the applicant's request.
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import {
  DOSSIER_ACTION_LABELS,
  DOSSIER_STATUS_LABELS,
  ZCollectRequest,
  ZCounterComponent,
  ZDeskSupplementRequest,
  ZStepBackRequest,
  ZStopRequest,
  ZTransferRequest,
} from '@motcua/contracts';
import { counterRevision, scansOf } from './dossier-attachments';
import { restartAfterSupplement } from './processing.service';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { applyDossierAction } from './dossier-action';
import type { IntakeCtx } from './dossier-context';
import { notifyApplicant, notifyReturned } from './dossier-notify';
import { issueStopForm } from './processing-forms';
import { insertAttachments, listAttachments, listEventFacts } from './dossiers.repo';
import { calendarForAgency, findProcedureInForce, findStaffFacts } from './ports';
import { mayActOnStep } from './processing-policy';
import { enterStep, previousStep, stepOf } from './processing-steps';
import { checkReturnGuards } from './return-guards';

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
        status: step?.name ?? DOSSIER_STATUS_LABELS[d.status],
        action: DOSSIER_ACTION_LABELS.stepped_back,
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
    effects: async (row) => {
      await issueStopForm(trx, ctx, row, input.reason);
    },
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
    await checkReturnGuards(trx, d, ctx.now, 'online');
    return {
      set: { current_step: null, step_due_at: null, handler_id: null },
      event: { data: { step: d.current_step, at: 'online', collectedBy: ctx.actor.name } },
      audit: { action: 'dossier.return', details: { channel: 'online' } },
      afterAudit: (row) => notifyReturned(trx, ctx, row),
    };
  });
}

/**
 * A counter or postal applicant completes the dossier at the desk (issue 12: no longer a dead end): the desk records
 * the papers as a new attachment revision (components not given are carried over). At reception the dossier waits for
 * a decision again; during processing the processing time restarts from zero (003 Đ13.4).
 */
export async function deskSupplement(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZDeskSupplementRequest>,
) {
  const input = ZDeskSupplementRequest.parse(raw);
  return applyDossierAction(trx, ctx, id, 'supplement_submitted', input.expectedVersion, async (d) => {
    if (d.channel === 'online') throw new AppError('FORBIDDEN');
    const p = await findProcedureInForce(trx, d.procedure_code, d.submitted_at);
    if (!p) throw new AppError('PROCEDURE_UNAVAILABLE', { code: d.procedure_code });
    const revision = d.attachments_revision + 1;
    const scanner = { id: ctx.actor.userId, name: ctx.actor.name, at: ctx.now };
    const given = await counterRevision(
      trx,
      p,
      scanner,
      d.id,
      input.components.map((c) => ZCounterComponent.parse(c)),
    );
    const previous = await listAttachments(trx, d.id, d.attachments_revision);
    const rows = [
      ...previous
        .filter((a) => !given.some((g) => g.component_code === a.component_code))
        .map((a) => ({
          dossier_id: d.id,
          revision,
          component_code: a.component_code,
          component_name: a.component_name,
          copy_kind: a.copy_kind,
          copies: a.copies,
          original_shown: a.original_shown,
          page_count: a.page_count,
          file_ids: a.file_ids,
          scan_certified_by: a.scan_certified_by,
          scan_certified_by_name: a.scan_certified_by_name,
          scan_certified_at: a.scan_certified_at,
        })),
      ...given.map((g) => ({ ...g, revision })),
    ];
    const restart = d.status === 'processing_supplement' ? await restartAfterSupplement(trx, d, ctx.now) : {};
    return {
      set: { attachments_revision: revision, supplement_items: null, ...restart },
      event: {
        reason: input.note ?? null,
        data: { attachmentsRevision: revision, atDesk: true, ...scansOf(given, scanner) },
      },
      effects: async () => {
        await insertAttachments(trx, rows);
      },
      audit: { action: 'dossier.supplement', details: { atDesk: true, revision } },
    };
  });
}

/** 003 Đ12.3: forwarded the same day to the desk of the agency with authority, which then decides on reception. */
export async function transferDossier(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZTransferRequest>,
) {
  const input = ZTransferRequest.parse(raw);
  return applyDossierAction(trx, ctx, id, 'transferred', input.expectedVersion, async (d) => {
    const p = await findProcedureInForce(trx, d.procedure_code, d.submitted_at);
    if (!p || !p.authorityAgencyIds.includes(input.agencyId) || input.agencyId === d.receiving_agency_id) {
      throw new AppError('BAD_REQUEST', {
        details: {
          vi: 'cơ quan nhận không có thẩm quyền với thủ tục này',
          en: 'that agency has no authority for this procedure',
        },
      });
    }
    return {
      set: {
        receiving_agency_id: input.agencyId,
        authority_agency_id: input.agencyId,
        result_agency_id: input.agencyId,
      },
      event: { reason: input.reason, data: { from: d.receiving_agency_id, to: input.agencyId } },
      audit: { action: 'dossier.transfer', details: { from: d.receiving_agency_id, to: input.agencyId } },
    };
  });
}
