/**
 * Feedback and complaints (issue 16; 000 Đ14, ND 20/2008 Đ9): filing, classification, forwarding, the written
 * answer and its publication. Every change runs in the caller's transaction with its audit entry and its messages.
 */
import { feedbackAnswered } from './feedback-hooks';
import type { Transaction } from 'kysely';
import type {
  TFeedbackAnswer,
  TFeedbackClassify,
  TFeedbackCreate,
  TFeedbackCreated,
  TFeedbackStatus,
} from '@motcua/contracts';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { appendAudit, type AuditActor } from '../audit';
import { feedbackAnswerDue } from '../calendar';
import { getCalendarForAgency } from '../calendar';
import { findMessagingProfile } from '../accounts';
import { queueMessage } from '../notifications';
import type { FEEDBACK_TEMPLATES } from './feedback.messages';
import { feedbackReference, redactPersonalData, vnDateTime } from './feedback-rules';
import * as repo from './feedback.repo';
import type { RequestContext } from '../../http/context';

type Trx = Transaction<Database>;
/** The part of the request context (http/context.ts) feedback services use. */
export type FeedbackCtx = Pick<RequestContext, 'actor' | 'audit' | 'now'> & {
  config: Pick<Config, 'feedback'>;
};

const DOSSIER = (code: string) => ({ vi: `hồ sơ mã ${code}`, en: `Dossier ${code}` });
const PROCEDURE = (code: string) => ({ vi: `thủ tục mã ${code}`, en: `Procedure ${code}` });
const AGENCY = { vi: 'cơ quan', en: 'Agency' };
export const FEEDBACK_WHAT = { vi: 'phản ánh, kiến nghị', en: 'Feedback' };

const STATUS_NAMES: Record<TFeedbackStatus, { vi: string; en: string }> = {
  received: { vi: 'mới tiếp nhận', en: 'received' },
  classified: { vi: 'đã phân loại', en: 'classified' },
  forwarded: { vi: 'đã chuyển', en: 'forwarded' },
  not_accepted: { vi: 'không tiếp nhận', en: 'not accepted' },
  answered: { vi: 'đã trả lời', en: 'answered' },
};
const stateError = (r: { reference: string; status: TFeedbackStatus }, action: { vi: string; en: string }) =>
  new AppError('FEEDBACK_STATE', { reference: r.reference, status: STATUS_NAMES[r.status], action });

/** Due: `days` working days after `from` by the agency's calendar (5 by default; FEEDBACK_ANSWER_DAYS). */
export async function answerDue(trx: Trx, agencyId: string, from: Date, days: number): Promise<Date> {
  return feedbackAnswerDue(await getCalendarForAgency(trx, agencyId), from, days);
}

/** POST /api/feedback: validates everything before anything is stored. */
export async function fileFeedback(
  trx: Trx,
  ctx: FeedbackCtx,
  input: TFeedbackCreate,
): Promise<TFeedbackCreated> {
  const content = input.content.trim();
  if (!content)
    throw new AppError('VALIDATION_FAILED', {
      details: { vi: 'nội dung không được để trống', en: 'the content must not be empty' },
    });
  const staff = ctx.actor?.kind === 'staff';
  const channel = staff ? (input.channel ?? 'portal') : 'portal';
  let contact = {
    name: input.contact?.name?.trim() || null,
    email: input.contact?.email?.trim() || null,
    phone: input.contact?.phone?.trim() || null,
  };
  if (ctx.actor?.kind === 'citizen' && !contact.email && !contact.phone) {
    const me = await findMessagingProfile(trx, ctx.actor.userId);
    contact = { name: contact.name ?? ctx.actor.name, email: me.email, phone: me.phone };
  }
  if (input.kind === 'complaint' && (!contact.name || (!contact.email && !contact.phone)))
    throw new AppError('FEEDBACK_CONTACT_REQUIRED');

  let agencyId: string | null = null;
  let field: string | null = null;
  let dossier: Awaited<ReturnType<typeof repo.findDossierByCode>> | undefined;
  if (input.dossierCode) {
    dossier = await repo.findDossierByCode(trx, input.dossierCode);
    if (!dossier) throw new AppError('NOT_FOUND', { what: DOSSIER(input.dossierCode) });
    agencyId = dossier.holding_agency_id ?? dossier.authority_agency_id;
    field = dossier.field;
  }
  if (input.agencyId && !(await repo.findAgency(trx, input.agencyId)))
    throw new AppError('NOT_FOUND', { what: AGENCY });
  // A named official (staff conduct) goes to the official's own unit, unless a dossier already decides.
  const officialName = input.officialName?.trim() || null;
  const official = officialName
    ? await repo.findOfficialByName(trx, officialName, input.agencyId ?? null)
    : null;
  agencyId ??= official?.agency_id ?? null;
  const procedureCode = input.procedureCode ?? dossier?.procedure_code ?? null;
  if (input.procedureCode) {
    const p = await repo.findProcedure(trx, input.procedureCode);
    if (!p) throw new AppError('NOT_FOUND', { what: PROCEDURE(input.procedureCode) });
    field ??= p.field;
    // The agency the catalogue names for the procedure answers about it, whatever agency the sender picked.
    agencyId ??= p.agency_ids[0] ?? null;
  }
  // Staff entering a letter, call or e-mail received it at their own agency, unless it names another.
  const ownAgency = staff ? (ctx.actor?.agencyId ?? null) : null;
  agencyId ??= input.agencyId ?? ownAgency ?? (await repo.defaultAgency(trx))?.id ?? null;
  if (!agencyId) throw new AppError('NOT_FOUND', { what: AGENCY });

  const due = await answerDue(trx, agencyId, ctx.now, ctx.config.feedback.answerDays);
  const reference = feedbackReference(ctx.now, await repo.nextReferenceNumber(trx));
  const row = await trx
    .insertInto('feedback_items')
    .values({
      reference,
      kind: input.kind,
      channel,
      content,
      contact_name: contact.name,
      contact_email: contact.email,
      contact_phone: contact.phone,
      user_id: ctx.actor?.kind === 'citizen' ? ctx.actor.userId : null,
      dossier_id: dossier?.id ?? null,
      dossier_code: dossier?.code ?? null,
      procedure_code: procedureCode,
      official_name: officialName,
      official_id: official?.id ?? null,
      field,
      agency_id: agencyId,
      consent_to_publish: input.consentToPublish ?? false,
      status: 'received',
      // About a named official: staff conduct, which the unit may still reclassify.
      classification: official ? 'staff_conduct' : null,
      classification_reason: null,
      classified_at: null,
      forwarded_from: null,
      forwarded_at: null,
      received_at: ctx.now,
      answer_due_at: due,
      answer: null,
      answered_at: null,
      answered_by: null,
      escalated_at: null,
      published_question: null,
      published_answer: null,
      published_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, ctx.audit, {
    action: 'feedback.file',
    target: { type: 'feedback', id: row.id },
    details: {
      reference,
      kind: input.kind,
      channel,
      dossierId: dossier?.id ?? null,
      officialId: official?.id ?? null,
      agencyId,
    },
  });
  return { id: row.id, reference, answerDueAt: due.toISOString() };
}

/** The item, locked, for a staff member of the agency holding it. */
async function heldItem(trx: Trx, actor: Actor, id: string) {
  const row = await repo.findItem(trx, id, true);
  if (!row || row.agency_id !== actor.agencyId) throw new AppError('NOT_FOUND', { what: FEEDBACK_WHAT });
  return row;
}

async function tellSender(
  trx: Trx,
  row: repo.ItemRow,
  template: keyof typeof FEEDBACK_TEMPLATES,
  params: Record<string, string>,
  now: Date,
) {
  const locale = row.user_id ? ((await findMessagingProfile(trx, row.user_id)).locale ?? 'vi') : 'vi';
  const message = { template, params: { reference: row.reference, ...params }, locale, now } as const;
  // Every contact the sender gave: e-mail, and SMS through the notifications gateway. A sender with an account
  // also reads it in "Phản ánh của tôi" on the portal (GET /api/me/feedback), from this row.
  if (row.contact_email) await queueMessage(trx, { channel: 'email', to: row.contact_email, ...message });
  if (row.contact_phone) await queueMessage(trx, { channel: 'sms', to: row.contact_phone, ...message });
}

/** Classify (ND 20/2008 Đ9): not accepted (with reason), staff conduct, within or outside competence (forwarded). */
export async function classifyFeedback(
  trx: Trx,
  ctx: FeedbackCtx & { actor: Actor },
  id: string,
  input: TFeedbackClassify,
) {
  const row = await heldItem(trx, ctx.actor, id);
  if (row.status !== 'received' && row.status !== 'forwarded')
    throw stateError(row, { vi: 'phân loại lại', en: 'classified again' });
  const reason = input.reason?.trim() || null;
  const base = {
    classification: input.classification,
    classification_reason: reason,
    classified_at: ctx.now,
  };
  if (input.classification === 'not_accepted') {
    if (!reason)
      throw new AppError('VALIDATION_FAILED', {
        details: { vi: 'cần nêu lý do không tiếp nhận', en: 'a reason is required to refuse' },
      });
    await trx
      .updateTable('feedback_items')
      .set({ ...base, status: 'not_accepted' })
      .where('id', '=', id)
      .execute();
    await tellSender(trx, row, 'feedback.not_accepted', { agency: row.agency_name, reason }, ctx.now);
  } else if (input.classification === 'outside_competence') {
    const target = input.forwardToAgencyId ? await repo.findAgency(trx, input.forwardToAgencyId) : undefined;
    if (!target || target.id === row.agency_id)
      throw new AppError('VALIDATION_FAILED', {
        details: {
          vi: 'cần chọn cơ quan có thẩm quyền khác để chuyển đến',
          en: 'choose the competent agency (another one) to forward to',
        },
      });
    const due = await answerDue(trx, target.id, ctx.now, ctx.config.feedback.answerDays);
    await trx
      .updateTable('feedback_items')
      .set({
        ...base,
        status: 'forwarded',
        agency_id: target.id,
        forwarded_from: row.agency_id,
        forwarded_at: ctx.now,
        answer_due_at: due,
        escalated_at: null,
      })
      .where('id', '=', id)
      .execute();
    await tellSender(
      trx,
      row,
      'feedback.forwarded',
      { agency: target.name, from: row.agency_name, due: vnDateTime(due) },
      ctx.now,
    );
  } else {
    await trx
      .updateTable('feedback_items')
      .set({ ...base, status: 'classified' })
      .where('id', '=', id)
      .execute();
  }
  await appendAudit(trx, ctx.audit, {
    action: 'feedback.classify',
    target: { type: 'feedback', id },
    details: { classification: input.classification, reason, forwardTo: input.forwardToAgencyId ?? null },
  });
}

/** The written answer, sent to the sender; published with personal data removed when the sender agreed. */
export async function answerFeedback(
  trx: Trx,
  ctx: FeedbackCtx & { actor: Actor },
  id: string,
  input: TFeedbackAnswer,
) {
  const row = await heldItem(trx, ctx.actor, id);
  if (row.status === 'answered' || row.status === 'not_accepted')
    throw stateError(row, { vi: 'trả lời', en: 'answered' });
  const known = [row.contact_name, row.contact_email, row.contact_phone, row.dossier_code];
  const publish = row.consent_to_publish;
  await trx
    .updateTable('feedback_items')
    .set({
      status: 'answered',
      answer: input.answer,
      answered_at: ctx.now,
      answered_by: ctx.actor.userId,
      ...(row.classification ? {} : { classification: 'within_competence', classified_at: ctx.now }),
      ...(publish
        ? {
            published_question: redactPersonalData(input.publishedQuestion ?? row.content, known),
            published_answer: redactPersonalData(input.publishedAnswer ?? input.answer, known),
            published_at: ctx.now,
          }
        : {}),
    })
    .where('id', '=', id)
    .execute();
  await tellSender(trx, row, 'feedback.answered', { agency: row.agency_name, answer: input.answer }, ctx.now);
  const answered = { id, reference: row.reference, kind: row.kind, agencyId: row.agency_id };
  await feedbackAnswered(trx, { ...answered, dossierCode: row.dossier_code, answeredAt: ctx.now });
  await appendAudit(trx, ctx.audit, {
    action: 'feedback.answer',
    target: { type: 'feedback', id },
    details: { late: ctx.now > row.answer_due_at, published: publish },
  });
}

/** Editors curate the frequently asked questions among the published answers. */
export async function setFaq(trx: Trx, audit: AuditActor, id: string, faq: boolean) {
  const row = await repo.findItem(trx, id, true);
  if (!row?.published_at) throw new AppError('NOT_FOUND', { what: FEEDBACK_WHAT });
  await trx.updateTable('feedback_items').set({ faq }).where('id', '=', id).execute();
  await appendAudit(trx, audit, {
    action: 'feedback.faq',
    target: { type: 'feedback', id },
    details: { faq },
  });
}

/** A reader marks an answer helpful or not; one mark per reader, changing it moves the counts. */
export async function voteHelpful(trx: Trx, id: string, voter: string, helpful: boolean, now: Date) {
  const row = await repo.findItem(trx, id, true);
  if (!row?.published_at) throw new AppError('NOT_FOUND', { what: FEEDBACK_WHAT });
  await trx
    .insertInto('feedback_votes')
    .values({ feedback_id: id, voter, helpful, at: now })
    .onConflict((oc) => oc.columns(['feedback_id', 'voter']).doUpdateSet({ helpful, at: now }))
    .execute();
  const counts = await trx
    .selectFrom('feedback_votes')
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere('helpful', '=', true).as('yes'),
      eb.fn.countAll<string>().filterWhere('helpful', '=', false).as('no'),
    ])
    .where('feedback_id', '=', id)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('feedback_items')
    .set({ helpful: Number(counts.yes), not_helpful: Number(counts.no) })
    .where('id', '=', id)
    .execute();
  return { helpful: Number(counts.yes), notHelpful: Number(counts.no) };
}
