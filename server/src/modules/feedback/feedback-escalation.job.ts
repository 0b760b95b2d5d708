// Escalation (issue 16): a scheduled job finds feedback not answered by its due time and tells the heads (leaders)
// of the agency holding it by e-mail, once per item: escalated_at is set in the same transaction as the messages, so
// a rerun sends nothing again. Pattern of dossiers/processing-warnings.job.ts.
import type { Db } from '../../db/client';
import { enqueue, type JobHandler } from '../../jobs/queue';
import { queueMessage } from '../notifications';
import { appendAudit } from '../audit';
import { FEEDBACK_TEMPLATES } from './feedback.messages';
import { vnDateTime } from './feedback-rules';
import { agencyHeads, itemsQuery } from './feedback.repo';

export const ESCALATION_JOB = 'feedback.escalate';
export const ESCALATION_EVERY_MS = 15 * 60_000;
const BATCH = 200;

/** One pass: escalates every overdue open item not escalated yet. Returns how many were escalated. */
export async function escalateOverdueFeedback(db: Db, now: Date): Promise<number> {
  void FEEDBACK_TEMPLATES; // registered on import
  let total = 0;
  for (;;) {
    const n = await db.kysely.transaction().execute(async (trx) => {
      const rows = await itemsQuery(trx)
        .where('f.status', 'in', ['received', 'classified', 'forwarded'])
        .where('f.answer_due_at', '<', now)
        .where('f.escalated_at', 'is', null)
        .orderBy('f.answer_due_at')
        .limit(BATCH)
        .forUpdate('f')
        .skipLocked()
        .execute();
      for (const r of rows) {
        const heads = await agencyHeads(trx, r.agency_id);
        await trx.updateTable('feedback_items').set({ escalated_at: now }).where('id', '=', r.id).execute();
        for (const h of heads) {
          if (!h.email) continue;
          await queueMessage(trx, {
            channel: 'email',
            to: h.email,
            template: 'feedback.overdue',
            locale: h.preferred_locale ?? 'vi',
            now,
            params: { reference: r.reference, agency: r.agency_name, due: vnDateTime(r.answer_due_at) },
          });
        }
        await appendAudit(
          trx,
          { type: 'system', name: ESCALATION_JOB, at: now },
          {
            action: 'feedback.escalate',
            target: { type: 'feedback', id: r.id },
            details: { heads: heads.map((h) => h.id) },
          },
        );
      }
      return rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

export function nextEscalationRun(now: Date): Date {
  return new Date((Math.floor(now.getTime() / ESCALATION_EVERY_MS) + 1) * ESCALATION_EVERY_MS);
}

export async function scheduleEscalation(db: Db, now: Date): Promise<void> {
  const runAt = nextEscalationRun(now);
  await enqueue(
    db.kysely,
    ESCALATION_JOB,
    {},
    { runAt, dedupeKey: `${ESCALATION_JOB}@${runAt.toISOString()}` },
  );
}

export const escalationJob: JobHandler = async (_payload, { db, now }) => {
  await escalateOverdueFeedback(db, now);
  await scheduleEscalation(db, now);
};
