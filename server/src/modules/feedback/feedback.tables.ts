import type { ColumnType, Generated } from 'kysely';
import type {
  TFeedbackChannel,
  TFeedbackClassification,
  TFeedbackKind,
  TFeedbackStatus,
  TOverallSatisfaction,
} from '@motcua/contracts';
import type { Json } from '../../db/schema';

export type FeedbackItemsTable = {
  id: Generated<string>;
  reference: string;
  kind: TFeedbackKind;
  channel: TFeedbackChannel;
  content: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  user_id: string | null;
  dossier_id: string | null;
  dossier_code: string | null;
  procedure_code: string | null;
  official_name: string | null;
  field: string | null;
  agency_id: string;
  consent_to_publish: boolean;
  status: TFeedbackStatus;
  classification: TFeedbackClassification | null;
  classification_reason: string | null;
  classified_at: Date | null;
  forwarded_from: string | null;
  forwarded_at: Date | null;
  received_at: Date;
  answer_due_at: Date;
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  escalated_at: Date | null;
  published_question: string | null;
  published_answer: string | null;
  published_at: Date | null;
  faq: Generated<boolean>;
  helpful: Generated<number>;
  not_helpful: Generated<number>;
  search_text: Generated<string>;
  scan_sha256: ColumnType<string | null, string | null | undefined, string | null>;
  scan_media_type: ColumnType<string | null, string | null | undefined, string | null>;
  scan_name: ColumnType<string | null, string | null | undefined, string | null>;
  scan_size: ColumnType<number | null, number | null | undefined, number | null>;
  official_id: ColumnType<string | null, string | null | undefined, string | null>;
};

export type FeedbackVotesTable = {
  feedback_id: string;
  voter: string;
  helpful: boolean;
  at: Date;
};

/** Indicator key → score 2/1/0 and whether the system filled it from the dossier's record. */
export type IndicatorScores = Record<string, { score: number; known: boolean }>;

export type SatisfactionRatingsTable = {
  id: Generated<string>;
  dossier_id: string;
  dossier_code: string;
  agency_id: string;
  desk_id: string;
  official_id: string | null;
  field: string | null;
  period: string;
  channel: 'link' | 'desk';
  indicators: Json<IndicatorScores>;
  score: number;
  max_score: number;
  overall: TOverallSatisfaction;
  comment: string | null;
  rated_at: Date;
};

export type SatisfactionPeriodsTable = {
  period: string;
  closed_at: Date;
  closed_by: string;
};

export type FeedbackTables = {
  feedback_items: FeedbackItemsTable;
  feedback_votes: FeedbackVotesTable;
  satisfaction_ratings: SatisfactionRatingsTable;
  satisfaction_periods: SatisfactionPeriodsTable;
};
