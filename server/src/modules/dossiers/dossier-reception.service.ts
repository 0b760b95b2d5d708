import type { Transaction } from 'kysely';
import type { z } from 'zod';
import {
  SECOND_SUPPLEMENT_REASON,
  ZAcceptDossierRequest,
  ZRefuseDossierRequest,
  ZRequestSupplementRequest,
  vnYear,
} from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { enqueue } from '../../jobs/queue';
import { handoverTime } from '../calendar';
import type { CopyKind, ProcessingTime as FormTime } from '../documents';
import { codeDate, formatDossierCode, pickIdentifier } from './dossier-code';
import { nextDossierSequence } from './dossier-code.repo';
import { applyDossierAction } from './dossier-action';
import type { IntakeCtx } from './dossier-context';
import { applicantOf, issueForm, issuerOf } from './dossier-forms';
import { HANDOVER_JOB, handOverDossier } from './dossier-handover';
import { newLookupPin } from './dossier-lookup.service';
import { lookupUrl, notifyApplicant } from './dossier-notify';
import { processingClockOf } from './processing-clock';
import { enterStep } from './processing-steps';
import {
  listAttachments,
  listEventFacts,
  nextRegisterEntry,
  updateDossier,
  type DossierRow,
} from './dossiers.repo';
import { agencyCodesOn } from '../organisation';
import { calendarForAgency, findProcedureInForce, type ProcedureFacts } from './ports';

type Trx = Transaction<Database>;

/** The agency's identifier code for dossier codes on `at` (TT 04/2025: QĐ 20/2020 first from 25/01/2026). */
async function agencyIdentifier(trx: Trx, agencyId: string, at: Date): Promise<string> {
  const code = pickIdentifier(await agencyCodesOn(trx, agencyId, codeDate(at)), at);
  if (!code) throw new Error(`Agency ${agencyId} has no identifier code valid on ${codeDate(at)}`);
  return code.code;
}

/** The receipt prints the procedure's processing time as published (the one processing-time type). */
const formTime = (p: ProcedureFacts): FormTime => p.processingTime;

async function procedureOf(trx: Trx, d: DossierRow): Promise<ProcedureFacts> {
  // The dossier keeps the version in force at submission; intake reads it as of that moment.
  const p = await findProcedureInForce(trx, d.procedure_code, d.submitted_at);
  if (!p) throw new Error(`Procedure ${d.procedure_code} of dossier ${d.id} is not available`);
  return p;
}

/**
 * Accept (tiếp nhận): the dossier code from the database counter of the authority's identifier and the receipt day,
 * the appointment through the authority's calendar, the receipt (Mẫu 01) unless an immediate-result procedure and not
 * asked for (001 Đ10.1.d), then the handover (now, or the next working day for paper after 15:00, 003 Đ12.2).
 */
export async function acceptDossier(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZAcceptDossierRequest>,
) {
  const input = ZAcceptDossierRequest.parse(raw);
  const receivedAt = ctx.now;
  let code = '';
  await applyDossierAction(trx, ctx, id, 'received', input.expectedVersion, async (d) => {
    const p = await procedureOf(trx, d);
    // The appointment is the processing clock folded over the history with this receipt appended.
    const cal = await calendarForAgency(trx, d.authority_agency_id);
    const clock = processingClockOf(
      cal,
      p.processingTime,
      [...(await listEventFacts(trx, d.id)), { type: 'received', at: receivedAt }],
      receivedAt,
    );
    const appointmentAt = clock.due ?? receivedAt;
    const year = vnYear(receivedAt);
    const book = `Sổ theo dõi hồ sơ năm ${year}`;
    let entry = 0;
    return {
      set: {
        received_at: receivedAt,
        appointment_at: appointmentAt,
        reception_due_at: null,
        // The version's workflow and time are pinned here; the dossier keeps them whatever the catalogue does later.
        workflow: JSON.stringify(p.workflow),
        processing_time: JSON.stringify(p.processingTime),
        ...enterStep(cal, p.workflow.steps[0]!, receivedAt),
      },
      // Numbers are taken only by the winner of the version guard.
      event: async () => {
        const identifier = await agencyIdentifier(trx, d.authority_agency_id, receivedAt);
        code = formatDossierCode(
          identifier,
          receivedAt,
          await nextDossierSequence(trx, identifier, receivedAt),
          p.centralSystem,
        );
        entry = await nextRegisterEntry(trx, d.receiving_agency_id, year);
        await updateDossier(trx, d, {
          code,
          lookup_pin: newLookupPin(),
          register_book: book,
          register_entry: entry,
        });
        return {
          reason: input.note ?? null,
          data: { code, appointmentAt: appointmentAt.toISOString(), register: { book, entry } },
        };
      },
      effects: async (row) => {
        if (p.processingTime.unit === 'immediate' && !input.receiptRequested) return;
        const attachments = await listAttachments(trx, d.id, d.attachments_revision);
        await issueForm(
          trx,
          ctx,
          d.id,
          'receipt',
          {
            issuer: await issuerOf(trx, d.receiving_agency_id),
            dossierCode: code,
            lookupPin: row.lookup_pin ?? '',
            lookupUrl: lookupUrl(ctx.config, code, row.lookup_pin),
            applicant: applicantOf(row),
            procedureName: p.name,
            components: attachments.map((a) => ({
              name: a.component_name,
              copies: a.copies ?? 1,
              kind: (a.copy_kind ?? 'photocopy') as CopyKind,
            })),
            sets: row.sets,
            processingTime: formTime(p),
            receivedAt,
            appointmentAt,
            returnPlace: (await issuerOf(trx, d.result_agency_id)).desk,
            returnChannel: row.result_channel as 'counter' | 'post' | 'online',
            fee: p.fee,
            register: { book, entry },
            receivingOfficer: { name: ctx.actor.name },
          },
          receivedAt,
        );
      },
      audit: { action: 'dossier.accept', details: { code, appointmentAt: appointmentAt.toISOString() } },
      afterAudit: async (row) => {
        await notifyApplicant(trx, row, 'received', ctx.now, { publicUrl: ctx.config.publicUrl });
        const deskCal = await calendarForAgency(trx, d.receiving_agency_id);
        const handAt = handoverTime(deskCal, receivedAt);
        if (d.channel !== 'online' && codeDate(handAt) !== codeDate(receivedAt)) {
          await enqueue(
            trx,
            HANDOVER_JOB,
            { dossierId: d.id },
            { runAt: handAt, dedupeKey: `handover:${d.id}` },
          );
        } else {
          await handOverDossier(trx, d.id, receivedAt);
        }
      },
    };
  });
  return code;
}

/** Mẫu 02: every missing or defective item with its reason and guidance, in one complete request. */
export async function requestSupplement(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZRequestSupplementRequest>,
) {
  const input = ZRequestSupplementRequest.parse(raw);
  if (input.items.length === 0) throw new AppError('BAD_REQUEST', { details: 'items' });
  await applyDossierAction(trx, ctx, id, 'supplement_requested', input.expectedVersion, async (d) => {
    const p = await procedureOf(trx, d);
    // One complete request (000 Đ6.2.c): a second only for a defect new in the supplement, and counted.
    const earlier = (await listEventFacts(trx, d.id)).filter((e) => e.type === 'supplement_requested').length;
    if (earlier > 0 && input.reason !== SECOND_SUPPLEMENT_REASON) {
      throw new AppError('DEADLINE_RULE', {
        details: {
          vi: 'chỉ yêu cầu bổ sung một lần (trừ khi hồ sơ bổ sung có sai sót mới)',
          en: 'one complete supplement request only (unless the supplement itself has a new defect)',
        },
      });
    }
    return {
      set: { supplement_items: JSON.stringify(input.items), reception_due_at: null },
      event: {
        reason: input.reason ?? null,
        data: { items: input.items, stage: 'reception', repeat: earlier },
      },
      effects: async (row) => {
        await issueForm(
          trx,
          ctx,
          d.id,
          'supplement_request',
          {
            issuer: await issuerOf(trx, d.receiving_agency_id),
            applicant: applicantOf(row),
            procedureName: p.name,
            items: input.items.map((i) => ({
              component: i.component,
              reason: i.reason,
              guidance: i.guidance,
            })),
            officer: { name: ctx.actor.name },
            issuedAt: ctx.now,
          },
          ctx.now,
        );
      },
      audit: { action: 'dossier.request_supplement', details: { items: input.items.length } },
      afterAudit: (row) =>
        notifyApplicant(trx, row, 'supplement_requested', ctx.now, {
          reason: input.items.map((i) => `${i.component}: ${i.reason}`).join('; '),
        }),
    };
  });
}

/** Mẫu 03: refusal with the reason, naming the competent agency when it is not this one's. */
export async function refuseDossier(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZRefuseDossierRequest>,
) {
  const input = ZRefuseDossierRequest.parse(raw);
  await applyDossierAction(trx, ctx, id, 'refused', input.expectedVersion, async (d) => {
    const p = await procedureOf(trx, d);
    const refusal = {
      reason: input.reason,
      competentAgency: input.competentAgency ?? null,
      refusedAt: ctx.now.toISOString(),
    };
    return {
      set: { refusal: JSON.stringify(refusal), reception_due_at: null },
      event: { reason: input.reason, data: { competentAgency: refusal.competentAgency } },
      effects: async (row) => {
        await issueForm(
          trx,
          ctx,
          d.id,
          'refusal',
          {
            issuer: await issuerOf(trx, d.receiving_agency_id),
            applicant: applicantOf(row),
            procedureName: p.name,
            reason: input.reason,
            ...(input.legalBasis ? { legalBasis: input.legalBasis } : {}),
            ...(input.competentAgency ? { competentAgency: input.competentAgency } : {}),
            officer: { name: ctx.actor.name },
            issuedAt: ctx.now,
          },
          ctx.now,
        );
      },
      audit: {
        action: 'dossier.refuse',
        details: { reason: input.reason, competentAgency: refusal.competentAgency },
      },
      afterAudit: (row) => notifyApplicant(trx, row, 'refused', ctx.now, { reason: input.reason }),
    };
  });
}
