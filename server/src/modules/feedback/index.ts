/**
 * The feedback module's face to other modules: a dossier's complaints (its staff timeline), the rating link sent
 * with a returned result, the satisfaction counts and the overdue feedback the reports module reads.
 */
export { feedbackForDossier, overdueFeedback } from './feedback.read';
export { ratingLink } from './rating-token';
export { satisfactionCounts } from './satisfaction.service';
export { onFeedbackAnswered, type FeedbackAnswered } from './feedback-hooks';
