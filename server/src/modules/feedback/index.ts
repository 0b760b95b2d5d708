/**
 * The feedback module's face to other modules: a dossier's complaints (its staff timeline), the rating link sent
 * with a returned result, and the satisfaction counts the reports module reads.
 */
export { feedbackForDossier } from './feedback.read';
export { ratingLink } from './rating-token';
export { satisfactionCounts } from './satisfaction.service';
export { onFeedbackAnswered, type FeedbackAnswered } from './feedback-hooks';
