import { sql, type Kysely, type Transaction } from 'kysely';
import type { TDossierEventType } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { DossierSnapshot, EventFact } from './portal-message';

type Ex = Kysely<Database> | Transaction<Database>;

/** What the national portal is told about dossiers: their current state and the number of their last event. */
export async function dossierSnapshots(db: Ex, ids: string[]): Promise<Map<string, DossierSnapshot>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as r', 'r.id', 'd.receiving_agency_id')
    .leftJoin('agencies as h', 'h.id', 'd.holding_agency_id')
    .select([
      'd.id',
      'd.code',
      'd.procedure_code',
      'd.procedure_name',
      'd.channel',
      'd.status',
      'd.applicant',
      'd.submitted_at',
      'd.received_at',
      'd.appointment_at',
      'r.name as receiving_name',
      'h.name as holding_name',
      sql<number>`(SELECT max(e.seq) FROM dossier_events e WHERE e.dossier_id = d.id)`.as('seq'),
      sql<Date | null>`(SELECT max(e.at) FROM dossier_events e
        WHERE e.dossier_id = d.id AND e.type = 'result_returned')`.as('returned_at'),
    ])
    .where('d.id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        code: r.code,
        procedureCode: r.procedure_code,
        procedureName: r.procedure_name,
        channel: r.channel,
        status: r.status,
        applicantName: (r.applicant as { name: string }).name,
        receivingAgency: r.receiving_name,
        holdingAgency: r.holding_name,
        submittedAt: r.submitted_at,
        receivedAt: r.received_at,
        appointmentAt: r.appointment_at,
        returnedAt: r.returned_at ? new Date(r.returned_at) : null,
        seq: Number(r.seq ?? 0),
      },
    ]),
  );
}

export type FeedEvent = EventFact & { id: number; dossierId: string };

/**
 * Dossier events not yet collected, oldest first. An anti-join rather than a cursor over ids: an event whose
 * transaction commits after a later id was collected is still found on the next run.
 */
export async function uncollectedEvents(db: Ex, limit: number): Promise<FeedEvent[]> {
  const rows = await db
    .selectFrom('dossier_events as e')
    .select(['e.id', 'e.dossier_id', 'e.type', 'e.seq', 'e.at', 'e.actor_name'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('integration_feed as f').select('f.event_id').whereRef('f.event_id', '=', 'e.id')),
      ),
    )
    .orderBy('e.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    dossierId: r.dossier_id,
    type: r.type as TDossierEventType,
    seq: r.seq,
    at: new Date(r.at),
    actorName: r.actor_name,
  }));
}

/** Dossiers with an event in [from, to): the set the consistency check compares. */
export async function dossiersActiveIn(db: Ex, from: Date, to: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('dossier_events')
    .select('dossier_id')
    .distinct()
    .where('at', '>=', from)
    .where('at', '<', to)
    .execute();
  return rows.map((r) => r.dossier_id);
}
