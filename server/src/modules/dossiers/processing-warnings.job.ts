// Warnings (issue 12, "Office work"): a scheduled job tells the holder of a step — its handler, or the holders of the
// step's role in its unit when nobody is assigned — by e-mail when the step is due soon (within one working day of
// the unit's calendar) and when it is overdue. Once per step instance and kind: a row in processing_warnings keyed by
// (dossier, step entry, kind) is written in the same transaction as the messages, so a rerun sends nothing again.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/client';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { enqueue, type JobHandler } from '../../jobs/queue';
import { findPreferredLocale } from '../accounts';
import { queueMessage, registerTemplates, type MessageTemplate } from '../notifications';
import { vnDateTime } from './dossier-notify';
import { dueSoonUntil } from './processing-inbox.service';
import { flagOverdueConsultations } from './consultation-warnings';
import { flagOverdueInteragency } from './interagency-warnings';
import { allAgencyIds } from '../organisation';

export const WARNINGS_JOB = 'dossiers.processing-warnings';
/** How often the job runs; its runs fall on multiples of this, so every process schedules the same runs. */
export const WARNINGS_EVERY_MS = 15 * 60_000;

export const WARNING_TEMPLATES: Record<'processing.due_soon' | 'processing.overdue', MessageTemplate> = {
  'processing.due_soon': {
    vi: {
      subject: 'Hồ sơ {code} sắp đến hạn bước “{step}”',
      text: 'Hồ sơ {code} (“{procedure}”) sắp đến hạn xử lý bước “{step}”: hạn {due}. Vui lòng xử lý trong mục “Hồ sơ cần xử lý”.',
    },
    en: {
      subject: 'Dossier {code}: step “{step}” due soon',
      text: 'Dossier {code} (“{procedure}”) is due soon at step “{step}”: due {due}. Please handle it in “Dossiers to process”.',
    },
  },
  'processing.overdue': {
    vi: {
      subject: 'Hồ sơ {code} quá hạn bước “{step}”',
      text: 'Hồ sơ {code} (“{procedure}”) đã quá hạn xử lý bước “{step}” (hạn {due}). Vui lòng xử lý ngay trong mục “Hồ sơ cần xử lý”.',
    },
    en: {
      subject: 'Dossier {code}: step “{step}” overdue',
      text: 'Dossier {code} (“{procedure}”) is overdue at step “{step}” (due {due}). Please handle it now in “Dossiers to process”.',
    },
  },
};
registerTemplates(WARNING_TEMPLATES);

type Kind = 'due_soon' | 'overdue';
type Candidate = {
  id: string;
  code: string | null;
  procedure_name: string;
  current_step: string;
  step_name: string | null;
  step_name_en: string | null;
  step_role: string | null;
  step_unit_id: string | null;
  step_entered_at: Date;
  step_due_at: Date;
  handler_id: string | null;
};

const BATCH = 500;

/** Running steps held in `agencyId` not yet warned of `kind`: overdue = due before now; due soon = in [now, soon]. */
async function candidates(trx: Transaction<Database>, agencyId: string, kind: Kind, now: Date, soon: Date) {
  const res = await sql<Candidate>`
    SELECT d.id, d.code, d.procedure_name, d.current_step, d.step_role, d.step_unit_id, d.step_entered_at,
           d.step_due_at, d.handler_id, s.step->'name'->>'vi' AS step_name, s.step->'name'->>'en' AS step_name_en
      FROM dossiers d
     CROSS JOIN LATERAL (SELECT jsonb_path_query_first(d.workflow,
                         ('$.steps[*] ? (@.key == "' || d.current_step || '")')::jsonpath) AS step) s
     WHERE d.holding_agency_id = ${agencyId} AND d.current_step IS NOT NULL AND d.step_due_at IS NOT NULL
       AND d.status <> 'result_ready'
       AND ${kind === 'overdue' ? sql`d.step_due_at < ${now}` : sql`d.step_due_at >= ${now} AND d.step_due_at <= ${soon}`}
       AND NOT EXISTS (SELECT 1 FROM processing_warnings w
                        WHERE w.dossier_id = d.id AND w.step_entered_at = d.step_entered_at AND w.kind = ${kind})
     ORDER BY d.step_due_at, d.id
     LIMIT ${BATCH}
       FOR UPDATE OF d SKIP LOCKED`.execute(trx);
  return res.rows;
}

/** The handler, or the active staff with the step's role in the step's unit (department or agency). */
async function recipients(trx: Transaction<Database>, c: Candidate) {
  const q = trx
    .selectFrom('users as u')
    .select(['u.id', 'u.email'])
    .where('u.kind', '=', 'staff')
    .where('u.status', '=', 'active');
  if (c.handler_id) return q.where('u.id', '=', c.handler_id).execute();
  if (!c.step_role || !c.step_unit_id) return [];
  const unit = c.step_unit_id;
  return q
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .where('r.role', '=', c.step_role as never)
    .where((w) => w.or([w('u.department_id', '=', unit), w('u.agency_id', '=', unit)]))
    .orderBy('u.id')
    .execute();
}

async function warn(trx: Transaction<Database>, c: Candidate, kind: Kind, now: Date): Promise<number> {
  const people = await recipients(trx, c);
  const inserted = await trx
    .insertInto('processing_warnings')
    .values({
      dossier_id: c.id,
      step_entered_at: c.step_entered_at,
      kind,
      step: c.current_step,
      recipients: people.filter((p) => p.email).length,
      sent_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('dossier_id')
    .executeTakeFirst();
  if (!inserted) return 0;
  for (const p of people) {
    if (!p.email) continue;
    const locale = (await findPreferredLocale(trx, p.id)) ?? 'vi';
    await queueMessage(trx, {
      channel: 'email',
      to: p.email,
      template: `processing.${kind}`,
      locale,
      now,
      params: {
        code: c.code ?? '',
        procedure: c.procedure_name,
        step: (locale === 'en' ? c.step_name_en : c.step_name) ?? c.current_step,
        due: vnDateTime(c.step_due_at),
      },
    });
  }
  return 1;
}

/** One pass over every agency: warnings of steps due soon and overdue. Returns how many steps were warned. */
export async function sendProcessingWarnings(db: Db, now: Date): Promise<number> {
  let warned = 0;
  for (const id of await allAgencyIds(db.kysely)) {
    const soon = await dueSoonUntil(db, id, now).catch((err: unknown) => {
      if (err instanceof AppError) return null; // an agency without a calendar unit holds no steps
      throw err;
    });
    if (!soon) continue;
    for (const kind of ['overdue', 'due_soon'] as const) {
      for (;;) {
        const [n, sent] = await db.kysely.transaction().execute(async (trx) => {
          const batch = await candidates(trx, id, kind, now, soon);
          let count = 0;
          for (const c of batch) count += await warn(trx, c, kind, now);
          return [batch.length, count] as const;
        });
        warned += sent;
        if (n < BATCH) break;
      }
    }
  }
  return warned;
}

/** The next run: the next multiple of the period after `now` (the same instant for every process, so deduplicated). */
export function nextWarningsRun(now: Date): Date {
  return new Date((Math.floor(now.getTime() / WARNINGS_EVERY_MS) + 1) * WARNINGS_EVERY_MS);
}

/** Schedules the next run unless it is already scheduled (dedupe key of the run's instant). */
export async function scheduleWarnings(db: Db, now: Date): Promise<void> {
  const runAt = nextWarningsRun(now);
  await enqueue(db.kysely, WARNINGS_JOB, {}, { runAt, dedupeKey: `${WARNINGS_JOB}@${runAt.toISOString()}` });
}

export const warningsJob: JobHandler = async (_payload, { db, now }) => {
  await sendProcessingWarnings(db, now);
  await flagOverdueConsultations(db, now);
  await flagOverdueInteragency(db, now);
  await scheduleWarnings(db, now);
};
