import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';

/** What other modules learn when feedback is answered (integration: the `feedback.answered` webhook). */
export type FeedbackAnswered = {
  id: string;
  reference: string;
  kind: string;
  agencyId: string;
  dossierCode: string | null;
  answeredAt: Date;
};
type Listener = (trx: Transaction<Database>, f: FeedbackAnswered) => Promise<void>;
const listeners: Listener[] = [];

/** Registered once by the listening module; runs inside the answer's transaction. */
export function onFeedbackAnswered(listener: Listener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

export async function feedbackAnswered(trx: Transaction<Database>, f: FeedbackAnswered): Promise<void> {
  for (const l of listeners) await l(trx, f);
}
