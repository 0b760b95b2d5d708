import { z } from 'zod';

/**
 * Feedback and complaints (phản ánh, kiến nghị), the public Q&A and the satisfaction evaluation (issue 16;
 * 000 Đ14, ND 20/2008, TT 01/2018).
 */
export const FEEDBACK_KINDS = ['question', 'complaint'] as const;
export type TFeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_CHANNELS = ['portal', 'email', 'letter', 'phone'] as const;
export type TFeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];
export const FEEDBACK_STATUSES = ['received', 'classified', 'forwarded', 'not_accepted', 'answered'] as const;
export type TFeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_CLASSIFICATIONS = [
  'not_accepted',
  'staff_conduct',
  'within_competence',
  'outside_competence',
] as const;
export type TFeedbackClassification = (typeof FEEDBACK_CLASSIFICATIONS)[number];

const ZInstant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().max(max);

export const ZFeedbackContact = z.object({
  name: text(200).optional(),
  email: z.email().max(254).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .-]{8,20}$/)
    .optional(),
});
export type TFeedbackContact = z.infer<typeof ZFeedbackContact>;

/** POST /api/feedback — no login needed; staff entering a letter or call give its channel. */
export const ZFeedbackCreate = z.object({
  kind: z.enum(FEEDBACK_KINDS),
  content: text(5000),
  dossierCode: text(64).optional(),
  procedureCode: text(64).optional(),
  agencyId: z.uuid().optional(),
  officialName: text(200).optional(),
  contact: ZFeedbackContact.optional(),
  consentToPublish: z.boolean().optional(),
  channel: z.enum(FEEDBACK_CHANNELS).optional(),
});
export type TFeedbackCreate = z.infer<typeof ZFeedbackCreate>;

export const ZFeedbackCreated = z.object({ id: z.uuid(), reference: z.string(), answerDueAt: ZInstant });
export type TFeedbackCreated = z.infer<typeof ZFeedbackCreated>;

/** One item as the office sees it. */
export const ZFeedbackItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(FEEDBACK_KINDS),
  channel: z.enum(FEEDBACK_CHANNELS),
  status: z.enum(FEEDBACK_STATUSES),
  content: z.string(),
  contact: z.object({
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  dossierId: z.uuid().nullable(),
  dossierCode: z.string().nullable(),
  procedureCode: z.string().nullable(),
  officialName: z.string().nullable(),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  forwardedFrom: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  consentToPublish: z.boolean(),
  classification: z.enum(FEEDBACK_CLASSIFICATIONS).nullable(),
  classificationReason: z.string().nullable(),
  receivedAt: ZInstant,
  answerDueAt: ZInstant,
  /** Within one working day of the due time and not answered. */
  dueSoon: z.boolean(),
  overdue: z.boolean(),
  escalatedAt: ZInstant.nullable(),
  answer: z.string().nullable(),
  answeredAt: ZInstant.nullable(),
  published: z.boolean(),
  faq: z.boolean(),
  /** The scan of the letter, for feedback entered from a letter (GET /api/office/feedback/{id}/scan). */
  scan: z.object({ name: z.string(), mediaType: z.string(), size: z.number().int() }).nullable(),
});
export type TFeedbackItem = z.infer<typeof ZFeedbackItem>;
export const ZFeedbackList = z.object({ items: z.array(ZFeedbackItem) });
export type TFeedbackList = z.infer<typeof ZFeedbackList>;

/** The leader's dashboard (issue 16): feedback past its answer time in the leader's agencies, oldest due first. */
export const ZOverdueFeedback = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      kind: z.enum(FEEDBACK_KINDS),
      agencyName: z.string(),
      receivedAt: ZInstant,
      answerDueAt: ZInstant,
      /** When the unit's head was told (the escalation job); null until then. */
      escalatedAt: ZInstant.nullable(),
    }),
  ),
});
export type TOverdueFeedback = z.infer<typeof ZOverdueFeedback>;

export const ZFeedbackListQuery = z.object({
  status: z.enum(['open', 'answered', 'all']).optional(),
  dossierId: z.uuid().optional(),
});

/** Classify (ND 20/2008 Đ9): not accepted needs a reason; outside competence names the agency it goes to. */
export const ZFeedbackClassify = z.object({
  classification: z.enum(FEEDBACK_CLASSIFICATIONS),
  reason: text(2000).optional(),
  forwardToAgencyId: z.uuid().optional(),
});
export type TFeedbackClassify = z.infer<typeof ZFeedbackClassify>;

/** The written answer; when the sender agreed, the published texts (personal data removed; defaults redacted). */
export const ZFeedbackAnswer = z.object({
  answer: text(10000).min(1),
  publishedQuestion: text(5000).optional(),
  publishedAnswer: text(10000).optional(),
});
export type TFeedbackAnswer = z.infer<typeof ZFeedbackAnswer>;

export const ZFeedbackFaq = z.object({ faq: z.boolean() });

/** The public Q&A. */
export const ZQaItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  question: z.string(),
  answer: z.string(),
  field: z.string().nullable(),
  agency: z.object({ id: z.uuid(), name: z.string() }),
  answeredAt: ZInstant,
  helpful: z.number().int(),
  notHelpful: z.number().int(),
  faq: z.boolean(),
});
export type TQaItem = z.infer<typeof ZQaItem>;
export const ZQaList = z.object({ items: z.array(ZQaItem), total: z.number().int() });
export type TQaList = z.infer<typeof ZQaList>;
export const ZQaQuery = z.object({
  q: text(200).optional(),
  field: text(200).optional(),
  agencyId: z.uuid().optional(),
  faq: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(1000).optional(),
});
export type TQaQuery = z.infer<typeof ZQaQuery>;
/** A reader's mark: `voter` is a random key kept by the browser (one mark per reader). */
export const ZQaVote = z.object({
  helpful: z.boolean(),
  voter: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});

// ---------- satisfaction evaluation (TT 01/2018) ----------

/** The assessment indicators, each scored 2 / 1 / 0. */
export const RATING_INDICATORS = [
  'total_time',
  'agency_time',
  'supplements',
  'online',
  'agencies_contacted',
  'publication',
  'staff_attitude',
  'feedback_handling',
] as const;
export type TRatingIndicator = (typeof RATING_INDICATORS)[number];
/** What the system fills from the dossier's record (shown, not asked). */
export const KNOWN_INDICATORS = [
  'total_time',
  'agency_time',
  'supplements',
  'online',
] as const satisfies readonly TRatingIndicator[];
export const ASKED_INDICATORS = [
  'agencies_contacted',
  'publication',
  'staff_attitude',
  'feedback_handling',
] as const satisfies readonly TRatingIndicator[];
export const OVERALL_SATISFACTION = ['very_satisfied', 'satisfied', 'not_satisfied'] as const;
export type TOverallSatisfaction = (typeof OVERALL_SATISFACTION)[number];

const ZScore = z.union([z.literal(0), z.literal(1), z.literal(2)]);

/** GET /api/satisfaction/rate?token= — what the rating page shows. */
export const ZRatingForm = z.object({
  dossierCode: z.string(),
  procedureName: z.string(),
  agencyName: z.string(),
  known: z.array(z.object({ key: z.enum(RATING_INDICATORS), score: ZScore })),
  asked: z.array(z.enum(RATING_INDICATORS)),
  rated: z.boolean(),
});
export type TRatingForm = z.infer<typeof ZRatingForm>;

export const ZRatingSubmit = z.object({
  token: z.string().min(10).max(200),
  indicators: z.object({
    agencies_contacted: ZScore,
    publication: ZScore,
    staff_attitude: ZScore,
    feedback_handling: ZScore,
  }),
  overall: z.enum(OVERALL_SATISFACTION),
  comment: text(2000).optional(),
});
export type TRatingSubmit = z.infer<typeof ZRatingSubmit>;
export const ZRatingSaved = z.object({
  period: z.string(),
  score: z.number().int(),
  maxScore: z.number().int(),
});

/** POST /api/satisfaction/desk-links — the desk starts a rating on its tablet for a returned dossier. */
export const ZDeskRatingStart = z.object({ dossierCode: text(64).min(1) });
export const ZDeskRatingLink = z.object({ token: z.string(), path: z.string() });

export const ZRatingPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const ZSatisfactionQuery = z.object({
  period: ZRatingPeriod.optional(),
  by: z.enum(['agency', 'desk', 'official', 'field']).optional(),
});
export const ZSatisfactionRow = z.object({
  key: z.string(),
  name: z.string(),
  ratings: z.number().int(),
  score: z.number().int(),
  maxScore: z.number().int(),
  /** Score against the maximum, in percent (one decimal). */
  percent: z.number(),
  verySatisfied: z.number().int(),
  satisfied: z.number().int(),
  notSatisfied: z.number().int(),
});
export type TSatisfactionRow = z.infer<typeof ZSatisfactionRow>;
export const ZSatisfactionSummary = z.object({
  period: z.string(),
  closed: z.boolean(),
  by: z.enum(['agency', 'desk', 'official', 'field']),
  rows: z.array(ZSatisfactionRow),
});
export type TSatisfactionSummary = z.infer<typeof ZSatisfactionSummary>;
export const ZSatisfactionPeriods = z.object({
  items: z.array(z.object({ period: z.string(), closedAt: ZInstant.nullable(), ratings: z.number().int() })),
});
export type TSatisfactionPeriods = z.infer<typeof ZSatisfactionPeriods>;
