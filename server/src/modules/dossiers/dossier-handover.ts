import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { JobHandler } from '../../jobs/queue';
import { applyDossierAction, systemCtx } from './dossier-action';
import type { DossierRow } from './dossiers.repo';
import { calendarForAgency, findProcedureInForce } from './ports';
import { enterStep, nextStep } from './processing-steps';

export const HANDOVER_JOB = 'dossiers.hand-over';

/** The responsible specialist department of the authority agency, where the office steps are held. */
export async function startProcessing(trx: Transaction<Database>, d: DossierRow): Promise<string | null> {
  const p = await findProcedureInForce(trx, d.procedure_code, d.submitted_at);
  return p?.responsibleDepartmentIds[d.authority_agency_id] ?? null;
}

/**
 * Moves a received dossier to the agency with authority and its department ("in processing"), through the one action
 * pipeline as the system. Idempotent: a dossier already handed over (or a repeated job) changes nothing.
 */
export async function handOverDossier(
  trx: Transaction<Database>,
  dossierId: string,
  at: Date,
): Promise<boolean> {
  const locked = await trx
    .selectFrom('dossiers')
    .select(['status', 'version'])
    .where('id', '=', dossierId)
    .forUpdate()
    .executeTakeFirst();
  if (!locked || locked.status !== 'received') return false;
  await applyDossierAction(
    trx,
    systemCtx('intake', at),
    dossierId,
    'handed_over',
    locked.version,
    async (d) => {
      const department = await startProcessing(trx, d);
      // The step after reception of the pinned workflow (the return at the desk for an immediate result).
      const next = d.workflow && d.current_step ? nextStep(d.workflow, d.current_step) : null;
      const cal = await calendarForAgency(trx, d.authority_agency_id);
      return {
        set: {
          holding_agency_id: d.authority_agency_id,
          holding_department_id: department,
          handover_at: at,
          ...(next ? enterStep(cal, next, at) : {}),
        },
        event: { data: { agencyId: d.authority_agency_id, departmentId: department } },
        audit: { action: 'dossier.hand_over', details: { departmentId: department } },
      };
    },
  );
  return true;
}

/** Paper received after 15:00 is handed over at the start of the next working day (003 Đ12.2). */
export const handoverJob: JobHandler = async (payload, { db, now }) => {
  await db.kysely.transaction().execute((trx) => handOverDossier(trx, String(payload.dossierId), now));
};
