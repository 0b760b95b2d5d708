/** Reads of feedback: the office list with its due-soon / overdue flags, a dossier's complaints, the public Q&A. */
import { sql, type Kysely } from 'kysely';
import type { TFeedbackItem, TOverdueFeedback, TQaItem, TQaQuery } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { Db } from '../../db/client';
import { addWorkingMinutes } from '../calendar';
import { getCalendarForAgency } from '../calendar';
import { itemsQuery, type ItemRow } from './feedback.repo';
import type { Kdb } from '../../db/client';

const OPEN = ['received', 'classified', 'forwarded'] as const;

export function presentItem(r: ItemRow, now: Date, soon: Date | null): TFeedbackItem {
  const open = (OPEN as readonly string[]).includes(r.status);
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    channel: r.channel,
    status: r.status,
    content: r.content,
    contact: { name: r.contact_name, email: r.contact_email, phone: r.contact_phone },
    dossierId: r.dossier_id,
    dossierCode: r.dossier_code,
    procedureCode: r.procedure_code,
    officialName: r.official_name,
    agency: { id: r.agency_id, name: r.agency_name },
    forwardedFrom: r.forwarded_from ? { id: r.forwarded_from, name: r.forwarded_from_name ?? '' } : null,
    consentToPublish: r.consent_to_publish,
    classification: r.classification,
    classificationReason: r.classification_reason,
    receivedAt: r.received_at.toISOString(),
    answerDueAt: r.answer_due_at.toISOString(),
    overdue: open && r.answer_due_at < now,
    dueSoon: open && r.answer_due_at >= now && soon !== null && r.answer_due_at <= soon,
    escalatedAt: r.escalated_at?.toISOString() ?? null,
    answer: r.answer,
    answeredAt: r.answered_at?.toISOString() ?? null,
    published: r.published_at !== null,
    faq: r.faq,
    scan: r.scan_sha256
      ? { name: r.scan_name ?? r.reference, mediaType: r.scan_media_type ?? '', size: r.scan_size ?? 0 }
      : null,
  };
}

/** One working day of the agency's calendar ahead: what is due before then is "due soon". */
export async function dueSoonLimit(q: Kdb, agencyId: string, now: Date): Promise<Date> {
  const handle: Db = { engine: 'postgres', kysely: q as Kysely<Database>, close: async () => undefined };
  const cal = await getCalendarForAgency(handle, agencyId);
  return addWorkingMinutes(cal, now, cal.workingDayMinutes);
}

/** The agency's inbox: open items first by due time (overdue on top), then the answered. */
export async function officeList(
  db: Kysely<Database>,
  agencyId: string,
  now: Date,
  status: 'open' | 'answered' | 'all' = 'open',
): Promise<TFeedbackItem[]> {
  let qb = itemsQuery(db).where('f.agency_id', '=', agencyId);
  if (status === 'open') qb = qb.where('f.status', 'in', OPEN);
  if (status === 'answered') qb = qb.where('f.status', 'in', ['answered', 'not_accepted']);
  const rows = await qb.orderBy('f.answer_due_at').orderBy('f.id').limit(500).execute();
  const soon = await dueSoonLimit(db, agencyId, now);
  return rows.map((r) => presentItem(r, now, soon));
}

/** Feedback about one dossier, for its staff timeline (a complaint has its own clock; the dossier's runs on). */
export async function feedbackForDossier(q: Kdb, dossierId: string, now: Date): Promise<TFeedbackItem[]> {
  const rows = await itemsQuery(q).where('f.dossier_id', '=', dossierId).orderBy('f.received_at').execute();
  return rows.map((r) => presentItem(r, now, null));
}

/** What a citizen filed while logged in, newest first: their portal copy of every answer. */
export async function myFeedback(q: Kdb, userId: string, now: Date): Promise<TFeedbackItem[]> {
  const rows = await itemsQuery(q)
    .where('f.user_id', '=', userId)
    .orderBy('f.received_at', 'desc')
    .orderBy('f.id')
    .limit(100)
    .execute();
  return rows.map((r) => presentItem(r, now, null));
}

/** Feedback past its answer time in these agencies (the leader's dashboard), oldest due first, and how many. */
export async function overdueFeedback(
  q: Kdb,
  agencyIds: readonly string[],
  now: Date,
  limit = 10,
): Promise<TOverdueFeedback> {
  if (agencyIds.length === 0) return { total: 0, items: [] };
  const open = itemsQuery(q)
    .where('f.agency_id', 'in', agencyIds)
    .where('f.status', 'in', OPEN)
    .where('f.answer_due_at', '<', now);
  const [rows, total] = await Promise.all([
    open.orderBy('f.answer_due_at').orderBy('f.id').limit(limit).execute(),
    q
      .selectFrom('feedback_items as f')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('f.agency_id', 'in', agencyIds)
      .where('f.status', 'in', OPEN)
      .where('f.answer_due_at', '<', now)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      kind: r.kind,
      agencyName: r.agency_name,
      receivedAt: r.received_at.toISOString(),
      answerDueAt: r.answer_due_at.toISOString(),
      escalatedAt: r.escalated_at?.toISOString() ?? null,
    })),
  };
}

const PAGE = 20;

/** The public Q&A: published answers, Vietnamese-aware search (vn_fold, as the catalogue), most helpful first. */
export async function searchQa(
  db: Kysely<Database>,
  query: TQaQuery,
): Promise<{ items: TQaItem[]; total: number }> {
  let qb = db
    .selectFrom('feedback_items as f')
    .innerJoin('agencies as a', 'a.id', 'f.agency_id')
    .where('f.published_at', 'is not', null);
  if (query.field) qb = qb.where('f.field', '=', query.field);
  if (query.agencyId) qb = qb.where('f.agency_id', '=', query.agencyId);
  if (query.faq === 'true') qb = qb.where('f.faq', '=', true);
  const q = query.q?.trim();
  if (q)
    qb = qb.where((eb) =>
      eb.or([
        eb(sql<string>`f.search_text`, 'like', sql<string>`'%' || vn_fold(${q}) || '%'`),
        eb(sql<boolean>`vn_fold(${q}) <% f.search_text`, '=', true),
      ]),
    );
  const total = await qb.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await qb
    .select([
      'f.id',
      'f.reference',
      'f.published_question',
      'f.published_answer',
      'f.field',
      'f.agency_id',
      'a.name as agency_name',
      'f.answered_at',
      'f.helpful',
      'f.not_helpful',
      'f.faq',
    ])
    .orderBy(sql`f.helpful - f.not_helpful`, 'desc')
    .orderBy('f.answered_at', 'desc')
    .orderBy('f.id')
    .limit(PAGE)
    .offset(((query.page ?? 1) - 1) * PAGE)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      question: r.published_question ?? '',
      answer: r.published_answer ?? '',
      field: r.field,
      agency: { id: r.agency_id, name: r.agency_name },
      answeredAt: (r.answered_at ?? new Date(0)).toISOString(),
      helpful: r.helpful,
      notHelpful: r.not_helpful,
      faq: r.faq,
    })),
  };
}
