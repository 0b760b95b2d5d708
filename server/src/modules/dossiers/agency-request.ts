// One "outstanding request to another agency" (issue 14): a consultation (ADR 0020) and an inter-agency partner's
// part (ADR 0026) are both work asked of another agency, with a due time in THAT agency's calendar, a once-only
// overdue flag on the dossier run by the processing warnings job, and e-mails to the people concerned. The two
// features keep their own tables, events and wording; the due time, the flag, the warning loop and the mail live here.
import type { Transaction } from 'kysely';
import type { TDossierEventType, TStaffRole } from '@motcua/contracts';
import type { Db } from '../../db/client';
import type { Database } from '../../db/schema';
import { AppError } from '../../http/errors';
import { findPreferredLocale } from '../accounts';
import { queueMessage } from '../notifications';
import { applyDossierAction, systemCtx } from './dossier-action';
import type { DossierRow } from './dossiers.repo';

type Trx = Transaction<Database>;

/** Where an outstanding request can still be flagged on the dossier (the states that accept the overdue events). */
export const REQUEST_RUNNING: ReadonlySet<string> = new Set(['in_processing', 'processing_supplement']);

/** Active staff of an agency holding one of `roles` (in one department when named), for the request's e-mails. */
export function staffOf(
  trx: Trx,
  agencyId: string,
  roles: readonly TStaffRole[],
  departmentId?: string | null,
) {
  let q = trx
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.email'])
    .distinct()
    .where('u.kind', '=', 'staff')
    .where('u.status', '=', 'active')
    .where('r.role', 'in', [...roles])
    .where('u.agency_id', '=', agencyId);
  if (departmentId) q = q.where('u.department_id', '=', departmentId);
  return q.orderBy('u.id').execute();
}

/** One e-mail per person with an address, in the person's preferred language, through the outbox. */
export async function mailEach(
  trx: Trx,
  people: readonly { id: string; email: string | null }[],
  template: string,
  params: Record<string, string>,
  now: Date,
) {
  for (const p of people) {
    if (!p.email) continue;
    const locale = (await findPreferredLocale(trx, p.id)) ?? 'vi';
    await queueMessage(trx, { channel: 'email', to: p.email, template, locale, now, params });
  }
}

/**
 * The overdue flag on the dossier: a system event through the one pipeline. False when someone acted on the dossier
 * meanwhile (the version guard is the first write): the next run flags it.
 */
export async function flagOnDossier(
  trx: Trx,
  d: DossierRow,
  event: Extract<TDossierEventType, 'consultation_overdue' | 'interagency_overdue'>,
  data: Record<string, unknown>,
  auditDetails: Record<string, unknown>,
  now: Date,
): Promise<boolean> {
  const source = event === 'consultation_overdue' ? 'consultation-warnings' : 'interagency-warnings';
  try {
    await applyDossierAction(trx, systemCtx(source, now), d.id, event, d.version, () => ({
      event: { data },
      audit: { action: `dossier.${event}`, details: auditDetails },
    }));
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === 'CONFLICT') return false;
    throw err;
  }
}

const BATCH = 200;

/**
 * The warning loop: batches of open requests past due and not yet flagged, one transaction a batch, until a batch is
 * short or flags nothing (every one lost a race: the next run takes them). Returns how many were flagged.
 */
export async function flagOverdueRequests<T>(
  db: Db,
  now: Date,
  overdue: (trx: Trx, now: Date, limit: number) => Promise<T[]>,
  flag: (trx: Trx, request: T, now: Date) => Promise<boolean>,
): Promise<number> {
  let flagged = 0;
  for (;;) {
    const [n, done] = await db.kysely.transaction().execute(async (trx) => {
      const batch = await overdue(trx, now, BATCH);
      let count = 0;
      for (const r of batch) if (await flag(trx, r, now)) count++;
      return [batch.length, count] as const;
    });
    flagged += done;
    if (n < BATCH || done === 0) break;
  }
  return flagged;
}
