import type { Transaction } from 'kysely';
import type { TDossierStatus } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import { statusOf } from './dossier-state';
import { listEventFacts } from './dossiers.repo';
import { processingClockOf } from './processing-clock';
import { calendarForAgency, findProcedureInForce } from './ports';

export type Replayed = { status: TDossierStatus; appointmentAt: Date | null };

/**
 * What a dossier's events say it is: the status from the state machine and the appointment from the processing
 * clock, in the authority's calendar and the processing time of the version it was submitted under. The stored
 * columns are a projection of this; the replay test holds them equal for every dossier.
 */
export async function replayDossier(trx: Transaction<Database>, id: string): Promise<Replayed> {
  const d = await trx
    .selectFrom('dossiers')
    .select(['procedure_code', 'submitted_at', 'authority_agency_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const events = await listEventFacts(trx, id);
  const status = statusOf(events.map((e) => e.type));
  if (!events.some((e) => e.type === 'received')) return { status, appointmentAt: null };
  const p = await findProcedureInForce(trx, d.procedure_code, d.submitted_at);
  if (!p) throw new Error(`Procedure ${d.procedure_code} of dossier ${id} is not available`);
  const cal = await calendarForAgency(trx, d.authority_agency_id);
  const last = events[events.length - 1]!.at;
  return { status, appointmentAt: processingClockOf(cal, p.processingTime, events, last).due };
}
