// Consultation (lấy ý kiến, issue 14; 003 Đ13.5): the handler of the appraisal asks other agencies or departments,
// each with content, attachments and a deadline in the consulted agency's calendar; the consulted unit answers or
// declines; past the deadline the requester may close it, recording whether silence counts as agreement. Each move is
// an event through the one action pipeline; dossier_consultations is its projection, written in the same transaction.
// The consulted unit sees the request (content, attachments, code, procedure), never the dossier itself.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import {
  ZConsultationAnswerRequest,
  ZConsultationCloseRequest,
  ZConsultRequest,
  type TConsultation,
  type TConsultationList,
} from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { applyDossierAction } from './dossier-action';
import type { IntakeCtx } from './dossier-context';
import { closeWithoutAnswerRule, consultationDue, gradeAnswer } from './consultation-rules';
import { presentConsultation } from './consultation.presenter';
import { notifyConsulted } from './consultation-warnings';
import {
  findConsultation,
  insertConsultations,
  listConsultationsFor,
  lockConsultation,
  updateConsultation,
  type ConsultationRow,
} from './consultation.repo';
import { findFiles, type DossierRow } from './dossiers.repo';
import { findAgency, findDepartment } from '../organisation';
import { calendarForAgency, findStaffFacts } from './ports';
import { attachments, currentStep, requireHolder } from './processing.service';
import type { Kdb } from '../../db/client';

type Trx = Transaction<Database>;
export const CONSULTATION_WHAT = { vi: 'yêu cầu lấy ý kiến', en: 'Consultation' };
const notFound = () => new AppError('NOT_FOUND', { what: CONSULTATION_WHAT });
const badTarget = (vi: string, en: string) => new AppError('BAD_REQUEST', { details: { vi, en } });
const STATUS_LABELS = {
  open: { vi: 'đang chờ trả lời', en: 'waiting for an answer' },
  answered: { vi: 'đã trả lời', en: 'answered' },
  declined: { vi: 'từ chối cho ý kiến', en: 'declined' },
  closed: { vi: 'đã kết thúc', en: 'closed' },
} as const;
const stateError = (c: Pick<ConsultationRow, 'status'>, action: { vi: string; en: string }) =>
  new AppError('CONSULTATION_STATE', { status: STATUS_LABELS[c.status], action });

/** The consulted unit: staff (specialist or head) of the agency, and of the department when one is named. */
function isConsultedParty(actor: Actor, departmentId: string | null, c: ConsultationRow): boolean {
  return (
    actor.kind === 'staff' &&
    actor.roles.some((r) => r === 'specialist' || r === 'approver') &&
    actor.agencyId === c.to_agency_id &&
    (c.to_department_id === null || c.to_department_id === departmentId)
  );
}

async function departmentOf(q: Kdb, actor: Actor) {
  return (await findStaffFacts(q, actor.userId))?.departmentId ?? null;
}

type Target = z.infer<typeof ZConsultRequest>['to'][number];

/** Each target exists (a department of the named agency), is not the requester's own unit, and is named once. */
async function resolveTargets(trx: Trx, d: DossierRow, to: Target[]) {
  const seen = new Set<string>();
  const out = [];
  for (const t of to) {
    const key = `${t.agencyId}/${t.departmentId ?? ''}`;
    if (seen.has(key)) throw badTarget('đơn vị được lấy ý kiến bị trùng', 'a unit is named twice');
    seen.add(key);
    const agency = await findAgency(trx, t.agencyId);
    const dept = t.departmentId ? await findDepartment(trx, t.departmentId) : null;
    if (!agency || (t.departmentId && dept?.agency_id !== t.agencyId)) {
      throw badTarget('không có cơ quan, đơn vị được lấy ý kiến', 'no such agency or department');
    }
    const own = t.agencyId === d.holding_agency_id && (t.departmentId ?? null) === d.holding_department_id;
    if (own || (t.agencyId === d.holding_agency_id && !t.departmentId)) {
      throw badTarget(
        'không lấy ý kiến chính đơn vị đang giải quyết hồ sơ',
        'the unit processing the dossier cannot consult itself',
      );
    }
    out.push({ agency, dept, cal: await calendarForAgency(trx, t.agencyId) });
  }
  return out;
}

/** POST /api/processing/dossiers/{id}/consult — the handler at the appraisal step. */
export async function sendConsultation(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  raw: z.input<typeof ZConsultRequest>,
) {
  const input = ZConsultRequest.parse(raw);
  return applyDossierAction(trx, ctx, id, 'consultation_sent', input.expectedVersion, async (d) => {
    await requireHolder(trx, ctx, d, currentStep(d, 'consultation_sent', ['appraisal']));
    const files = await attachments(trx, ctx.actor, input.fileIds);
    const targets = await resolveTargets(trx, d, input.to);
    const fromAgency = await findAgency(trx, d.holding_agency_id!);
    const fromDept = d.holding_department_id ? await findDepartment(trx, d.holding_department_id) : null;
    const rows = targets.map((t, position) => ({
      id: randomUUID(),
      position,
      dossier_id: d.id,
      from_agency_id: d.holding_agency_id!,
      from_agency_name: fromAgency!.name,
      from_department_id: fromDept?.id ?? null,
      from_department_name: fromDept?.name ?? null,
      requested_by: ctx.actor.userId,
      requested_by_name: ctx.actor.name,
      to_agency_id: t.agency.id,
      to_agency_name: t.agency.name,
      to_department_id: t.dept?.id ?? null,
      to_department_name: t.dept?.name ?? null,
      content: input.content,
      file_ids: JSON.stringify(files),
      working_days: input.workingDays,
      requested_at: ctx.now,
      due_at: consultationDue(t.cal, ctx.now, input.workingDays),
    }));
    return {
      event: {
        data: {
          step: d.current_step,
          content: input.content,
          workingDays: input.workingDays,
          fileIds: files,
          consultations: rows.map((r) => ({
            id: r.id,
            agencyId: r.to_agency_id,
            agency: r.to_agency_name,
            departmentId: r.to_department_id,
            department: r.to_department_name,
            dueAt: r.due_at.toISOString(),
          })),
        },
      },
      effects: () => insertConsultations(trx, rows),
      audit: { action: 'dossier.consult', details: { consultations: rows.map((r) => r.id) } },
      afterAudit: async (row) => {
        for (const r of rows) {
          const c = (await lockConsultation(trx, r.id))!;
          await notifyConsulted(trx, c, row, ctx.now);
        }
      },
    };
  });
}

/** POST /api/consultations/{id}/answer — the consulted unit; anyone else: 404. Late answers are taken and graded. */
export async function answerConsultation(
  trx: Trx,
  ctx: IntakeCtx,
  consultationId: string,
  raw: z.input<typeof ZConsultationAnswerRequest>,
): Promise<TConsultation> {
  const input = ZConsultationAnswerRequest.parse(raw);
  const found = await findConsultation(trx, consultationId);
  if (!found || !isConsultedParty(ctx.actor, await departmentOf(trx, ctx.actor), found)) throw notFound();
  await applyDossierAction(
    trx,
    ctx,
    found.dossier_id,
    'consultation_answered',
    input.expectedVersion,
    async () => {
      const c = (await lockConsultation(trx, consultationId))!;
      if (c.status !== 'open') throw stateError(c, { vi: 'trả lời', en: 'answered' });
      const files = await attachments(trx, ctx.actor, input.fileIds);
      const status = input.answer === 'declined' ? ('declined' as const) : ('answered' as const);
      return {
        event: {
          data: {
            consultationId: c.id,
            agency: c.to_agency_name,
            department: c.to_department_name,
            answer: input.answer,
            opinion: input.opinion,
            fileIds: files,
            dueAt: c.due_at.toISOString(),
            grade: gradeAnswer(ctx.now, c.due_at),
          },
        },
        effects: () =>
          updateConsultation(trx, c.id, {
            status,
            answered_at: ctx.now,
            answered_by: ctx.actor.userId,
            answered_by_name: ctx.actor.name,
            opinion: input.opinion,
            answer_file_ids: JSON.stringify(files),
          }),
        audit: {
          action: 'dossier.consultation_answer',
          details: { consultationId: c.id, answer: input.answer },
        },
      };
    },
  );
  return presentConsultation((await findConsultation(trx, consultationId))!, ctx.now);
}

/**
 * POST /api/processing/dossiers/{id}/consultations/{consultationId}/close — the handler proceeds once the deadline
 * passed without an answer, recording whether the silence counts as agreement (and the law that says so).
 */
export async function closeConsultation(
  trx: Trx,
  ctx: IntakeCtx,
  id: string,
  consultationId: string,
  raw: z.input<typeof ZConsultationCloseRequest>,
) {
  const input = ZConsultationCloseRequest.parse(raw);
  return applyDossierAction(trx, ctx, id, 'consultation_closed', input.expectedVersion, async (d) => {
    await requireHolder(trx, ctx, d, currentStep(d, 'consultation_closed', ['appraisal']));
    const c = await lockConsultation(trx, consultationId);
    if (!c || c.dossier_id !== d.id) throw notFound();
    if (c.status !== 'open') throw stateError(c, { vi: 'kết thúc', en: 'closed' });
    closeWithoutAnswerRule(c.due_at, ctx.now);
    return {
      event: {
        data: {
          consultationId: c.id,
          agency: c.to_agency_name,
          department: c.to_department_name,
          dueAt: c.due_at.toISOString(),
          silenceMeansAgreement: input.silenceMeansAgreement,
          legalBasis: input.legalBasis ?? null,
        },
      },
      effects: () =>
        updateConsultation(trx, c.id, {
          status: 'closed',
          closed_at: ctx.now,
          silence_means_agreement: input.silenceMeansAgreement,
          legal_basis: input.legalBasis ?? null,
        }),
      audit: {
        action: 'dossier.consultation_close',
        details: { consultationId: c.id, silenceMeansAgreement: input.silenceMeansAgreement },
      },
    };
  });
}

/** GET /api/consultations — what my unit is asked, open first by due time, with counts. */
export async function listForConsulted(
  q: Kdb,
  actor: Actor,
  status: 'open' | 'all',
  now: Date,
): Promise<TConsultationList> {
  if (actor.kind !== 'staff' || !actor.agencyId) throw new AppError('FORBIDDEN');
  const rows = await listConsultationsFor(q, actor.agencyId, await departmentOf(q, actor), status === 'open');
  const items = rows.map((r) => presentConsultation(r, now));
  const open = items.filter((i) => i.status === 'open');
  return { items, counts: { open: open.length, overdue: open.filter((i) => i.overdue).length } };
}

/** GET /api/consultations/{id} — the consulted unit, or the staff of the agency that asked; anyone else 404. */
export async function getConsultation(q: Kdb, actor: Actor, id: string, now: Date): Promise<TConsultation> {
  const c = await findConsultation(q, id);
  if (!c || actor.kind !== 'staff') throw notFound();
  if (actor.agencyId !== c.from_agency_id && !isConsultedParty(actor, await departmentOf(q, actor), c)) {
    throw notFound();
  }
  return presentConsultation(c, now);
}

/** An attachment of the request or of the answer, for whoever may read the consultation. */
export async function openConsultationFile(q: Kdb, actor: Actor, id: string, fileId: string, now: Date) {
  const c = await getConsultation(q, actor, id, now);
  if (!c.fileIds.includes(fileId) && !c.answer?.fileIds.includes(fileId)) {
    throw new AppError('NOT_FOUND', { what: { vi: 'tệp', en: 'File' } });
  }
  const [file] = await findFiles(q, [fileId]);
  if (!file) throw new AppError('NOT_FOUND', { what: { vi: 'tệp', en: 'File' } });
  return file;
}
