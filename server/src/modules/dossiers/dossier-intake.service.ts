import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import {
  ZAmendDossierRequest,
  ZRegisterDossierRequest,
  ZSubmitDossierRequest,
  ZSubmitSupplementRequest,
  ZWithdrawDossierRequest,
  type TAttachmentInput,
} from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { appendAudit } from '../audit';
import { receptionDue } from '../calendar';
import { codeDay } from './dossier-code';
import { counterRevision, onlineRevision, onlineRevisionWithFiles, scansOf } from './dossier-attachments';
import { applyDossierAction, type ActionPlan } from './dossier-action';
import { eventActor, notFound, type IntakeCtx } from './dossier-context';
import { notifyApplicant } from './dossier-notify';
import { closeDraft } from './dossier-drafts.service';
import { dossierDetail, newDossierDetail } from './dossier-read.service';
import {
  appendEvent,
  insertAttachments,
  insertDossier,
  insertNewDossier,
  listAttachments,
  type DossierRow,
  type NewEvent,
} from './dossiers.repo';
import { findAgency } from '../organisation';
import { calendarForAgency, findProcedureInForce, type ProcedureFacts } from './ports';
import { compileEForm, type EFormValidator } from '../catalogue';
import { restartAfterSupplement } from './processing.service';
import { returnDesk } from './interagency-places';

type Trx = Transaction<Database>;

/** A reference the applicant gets at once, before the dossier code exists: `YYMMDD-XXXXXXXX`. */
function submissionRef(now: Date): string {
  return `${codeDay(now)}-${randomBytes(5).toString('hex').toUpperCase()}`;
}

async function procedureOrFail(trx: Trx, code: string, now: Date): Promise<ProcedureFacts> {
  const p = await findProcedureInForce(trx, code, now);
  if (!p) {
    throw new AppError('PROCEDURE_UNAVAILABLE', {
      procedure: code,
      how: { vi: 'vào lúc này (không có hoặc đã bãi bỏ)', en: 'at this time (unknown or retired)' },
    });
  }
  return p;
}

// Compiling an e-form costs a few milliseconds; a published version never changes, so one per version. A schema that
// cannot be compiled (stored before the catalogue checked patterns) is remembered as such, not retried per request.
const validators = new Map<string, EFormValidator | Error>();

function formValidator(versionId: string, schema: Record<string, unknown>): EFormValidator | Error {
  let v = validators.get(versionId);
  if (!v) {
    if (validators.size >= 500) validators.clear();
    try {
      v = compileEForm(schema);
    } catch (err) {
      v = err as Error;
    }
    validators.set(versionId, v);
  }
  return v;
}

/**
 * The e-form is validated against the procedure's JSON Schema, the same schema the web renders from, with every
 * pattern on a linear-time engine. A schema that cannot be run safely refuses the form (422), never a 500.
 */
export function validateForm(p: ProcedureFacts, data: Record<string, unknown>): void {
  if (!p.formSchema) return;
  const validate = formValidator(p.versionId, p.formSchema);
  if (validate instanceof Error) {
    throw new AppError('PROCEDURE_UNAVAILABLE', {
      procedure: p.name,
      how: {
        vi: 'trực tuyến lúc này: mẫu tờ khai điện tử của thủ tục bị lỗi, cơ quan cần sửa lại',
        en: 'online right now: the e-form of this procedure is broken and must be corrected by the agency',
      },
    });
  }
  const issues = validate(data);
  if (issues.length) {
    const details = issues.map((i) => `${i.field || '–'}: ${i.message}`).join('; ');
    throw new AppError('FORM_INVALID', { details }, issues);
  }
}

/**
 * What an amendment or supplement changed in the e-form, field by field with the old and the new value: recorded in
 * its event, so every earlier version of the data stays readable in the timeline (the dossier row holds the latest).
 */
export function formChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Array<{ field: string; from: unknown; to: unknown }> {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
}

/**
 * Which desk receives and which agency decides. Boundary-free procedures (phi địa giới) may be received at any desk
 * of the province; otherwise the desk is the authority's own.
 */
async function places(
  trx: Trx,
  p: ProcedureFacts,
  receivingAgencyId: string | null | undefined,
  resultAgencyId?: string | null,
) {
  const wanted = receivingAgencyId ?? p.authorityAgencyIds[0]!;
  const authority = p.authorityAgencyIds.includes(wanted) ? wanted : p.authorityAgencyIds[0]!;
  if (wanted !== authority && !p.boundaryFree) {
    throw new AppError('PROCEDURE_UNAVAILABLE', {
      procedure: p.name,
      how: {
        vi: 'tại cơ quan này (không phải thủ tục phi địa giới)',
        en: 'at this agency (not boundary-free)',
      },
    });
  }
  const receiving = await findAgency(trx, wanted);
  const auth = authority === wanted ? receiving : await findAgency(trx, authority);
  if (!receiving || receiving.valid_to !== null || !auth || receiving.province_code !== auth.province_code) {
    throw new AppError('NOT_FOUND', { what: { vi: 'cơ quan tiếp nhận', en: 'Receiving agency' } });
  }
  // Boundary-free (issue 14): the result may be collected at another desk of the province, chosen by the applicant.
  const result = await returnDesk(trx, p, wanted, resultAgencyId, auth.province_code);
  const names = new Map([
    [receiving.id, receiving.name],
    [auth.id, auth.name],
  ]);
  return { receiving: wanted, authority, result, provinceCode: auth.province_code, names };
}

/** POST /api/dossiers: an online submission, acknowledged at once; the 8-working-hour reception clock starts. */
export async function submitDossier(trx: Trx, ctx: IntakeCtx, raw: z.input<typeof ZSubmitDossierRequest>) {
  const input = ZSubmitDossierRequest.parse(raw);
  if (ctx.actor.kind !== 'citizen') throw new AppError('FORBIDDEN');
  if (input.organisationId && !ctx.actor.organisationIds.includes(input.organisationId))
    throw new AppError('FORBIDDEN');
  const p = await procedureOrFail(trx, input.procedureCode, ctx.now);
  if (!p.onlineAllowed) {
    throw new AppError('PROCEDURE_UNAVAILABLE', {
      procedure: p.name,
      how: { vi: 'trực tuyến', en: 'online' },
    });
  }
  validateForm(p, input.formData);
  const where = await places(trx, p, input.receivingAgencyId, input.resultAgencyId);
  const cal = await calendarForAgency(trx, where.receiving);
  // The id is chosen here so the attachment rows and the event go in with the dossier, in one statement.
  const id = randomUUID();
  const written = await onlineRevisionWithFiles(trx, p, ctx.actor.userId, id, 1, input.attachments);
  const event: NewEvent = { type: 'submitted', at: ctx.now, ...eventActor(ctx), channel: 'online' };
  const row = await insertNewDossier(
    trx,
    {
      id,
      province_code: where.provinceCode,
      submission_ref: submissionRef(ctx.now),
      code: null,
      procedure_code: p.code,
      procedure_name: p.name,
      procedure_version_id: p.versionId,
      channel: 'online',
      postal_tracking_no: null,
      status: 'submitted',
      applicant_user_id: ctx.actor.userId,
      organisation_id: input.organisationId ?? null,
      applicant: JSON.stringify(input.applicant),
      form_data: JSON.stringify(input.formData),
      receiving_agency_id: where.receiving,
      authority_agency_id: where.authority,
      result_agency_id: where.result,
      holding_agency_id: where.receiving,
      holding_department_id: null,
      submitted_at: ctx.now,
      reception_due_at: receptionDue(cal, ctx.now),
      received_at: null,
      appointment_at: null,
      handover_at: null,
      result_channel: input.resultChannel,
      locale: ctx.locale ?? null,
      supplement_items: null,
      refusal: null,
      register_book: null,
      register_entry: null,
    },
    written.rows,
    event,
  );
  if (input.draftId) await closeDraft(trx, ctx.actor.userId, input.draftId, ctx.now);
  await notifyApplicant(trx, row, 'submitted', ctx.now);
  // What was just written is the answer; read back only when a name is missing (another result desk).
  const answer =
    newDossierDetail(
      row,
      { attachments: written.rows, files: written.files, event, agencyNames: where.names },
      ctx.now,
    ) ?? (await dossierDetail(trx, row, ctx.now));
  // Last: the audit chain's lock serialises writers until commit, so hold it as briefly as possible.
  await appendAudit(trx, ctx.audit, {
    action: 'dossier.submit',
    target: { type: 'dossier', id },
    details: { procedure: p.code },
  });
  return answer;
}

/** "Tiếp nhận → Thêm mới" (001 Đ10.1.b): paper brought to the counter or sent by post, entered by the officer. */
export async function registerDossier(
  trx: Trx,
  ctx: IntakeCtx,
  raw: z.input<typeof ZRegisterDossierRequest>,
) {
  const input = ZRegisterDossierRequest.parse(raw);
  const agencyId = ctx.actor.agencyId;
  if (ctx.actor.kind !== 'staff' || !ctx.actor.roles.includes('reception_officer') || !agencyId) {
    throw new AppError('FORBIDDEN');
  }
  const p = await procedureOrFail(trx, input.procedureCode, ctx.now);
  validateForm(p, input.formData);
  const where = await places(trx, p, agencyId);
  const { id } = await insertDossier(trx, {
    province_code: where.provinceCode,
    submission_ref: submissionRef(ctx.now),
    code: null,
    procedure_code: p.code,
    procedure_name: p.name,
    procedure_version_id: p.versionId,
    channel: input.channel,
    postal_tracking_no: input.channel === 'post' ? (input.postalTrackingNo ?? null) : null,
    status: 'submitted',
    applicant_user_id: null,
    organisation_id: null,
    applicant: JSON.stringify(input.applicant),
    form_data: JSON.stringify(input.formData),
    receiving_agency_id: where.receiving,
    authority_agency_id: where.authority,
    result_agency_id: where.result,
    holding_agency_id: where.receiving,
    holding_department_id: null,
    submitted_at: ctx.now,
    // Paper is decided at once, at the counter; the 8-hour clock of 001 Đ9.2.a is for online dossiers.
    reception_due_at: null,
    received_at: null,
    appointment_at: null,
    handover_at: null,
    result_channel: input.resultChannel,
    sets: input.sets,
    supplement_items: null,
    refusal: null,
    register_book: null,
    register_entry: null,
  });
  const scanner = { id: ctx.actor.userId, name: ctx.actor.name, at: ctx.now };
  const attachments = await counterRevision(trx, p, scanner, id, input.components);
  await insertAttachments(trx, attachments);
  await appendEvent(trx, id, {
    type: 'registered',
    at: ctx.now,
    ...eventActor(ctx),
    channel: input.channel,
    data: {
      ...(input.postalTrackingNo ? { postalTrackingNo: input.postalTrackingNo } : {}),
      ...scansOf(attachments, scanner),
      ...ctx.eventMark,
    },
  });
  await appendAudit(trx, ctx.audit, {
    action: 'dossier.register',
    target: { type: 'dossier', id },
    details: { procedure: p.code, channel: input.channel },
  });
  return id;
}

/**
 * The applicant's new e-form data and files as the dossier's next version: the data checked against the version's
 * e-form and recorded field by field in the event, the files as a new revision (earlier ones are kept).
 */
function newVersion(
  trx: Trx,
  ctx: IntakeCtx,
  d: DossierRow,
  p: ProcedureFacts,
  input: { formData?: Record<string, unknown>; attachments?: readonly TAttachmentInput[]; note?: string },
) {
  const formData = input.formData ?? d.form_data;
  validateForm(p, formData);
  const attachments = input.attachments;
  const revision = attachments ? d.attachments_revision + 1 : d.attachments_revision;
  return {
    set: { form_data: JSON.stringify(formData), attachments_revision: revision },
    event: {
      reason: input.note ?? null,
      data: { attachmentsRevision: revision, formChanges: formChanges(d.form_data, formData) },
    },
    effects: async () => {
      if (!attachments) return;
      const previous = await listAttachments(trx, d.id, d.attachments_revision);
      await insertAttachments(
        trx,
        await onlineRevision(trx, p, ctx.actor.userId, d.id, revision, attachments, previous),
      );
    },
  } satisfies Omit<ActionPlan, 'audit'>;
}

/** The applicant changes a dossier not yet received (ND 45/2020 Đ12): e-form data, applicant details, files. */
export async function amendDossier(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZAmendDossierRequest>,
) {
  const input = ZAmendDossierRequest.parse(raw);
  await applyDossierAction(trx, ctx, id, 'amended', input.expectedVersion, async (d) => {
    const next = newVersion(trx, ctx, d, await procedureOrFail(trx, d.procedure_code, d.submitted_at), input);
    return {
      ...next,
      set: { ...next.set, ...(input.applicant ? { applicant: JSON.stringify(input.applicant) } : {}) },
      audit: { action: 'dossier.amend' },
    };
  });
}

export async function withdrawDossier(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZWithdrawDossierRequest>,
) {
  const input = ZWithdrawDossierRequest.parse(raw);
  await applyDossierAction(trx, ctx, id, 'withdrawn', input.expectedVersion, () => ({
    set: { reception_due_at: null },
    event: { reason: input.reason ?? null },
    audit: { action: 'dossier.withdraw' },
  }));
}

/** The applicant completes a dossier sent back (Mẫu 02); the 8-working-hour reception clock starts again. */
export async function submitSupplement(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZSubmitSupplementRequest>,
) {
  const input = ZSubmitSupplementRequest.parse(raw);
  await applyDossierAction(trx, ctx, id, 'supplement_submitted', input.expectedVersion, async (d) => {
    const p = await procedureOrFail(trx, d.procedure_code, d.submitted_at).catch(() => {
      throw notFound();
    });
    const next = newVersion(trx, ctx, d, p, input);
    // During processing the processing time restarts from zero (003 Đ13.4); at reception the 8-hour clock.
    const restart =
      d.status === 'processing_supplement'
        ? await restartAfterSupplement(trx, d, ctx.now)
        : { reception_due_at: receptionDue(await calendarForAgency(trx, d.receiving_agency_id), ctx.now) };
    return {
      ...next,
      set: { ...next.set, ...restart, supplement_items: null },
      audit: { action: 'dossier.supplement' },
    };
  });
}
