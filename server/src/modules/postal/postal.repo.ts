import type { Insertable, Transaction } from 'kysely';
import type { TShipmentStatus } from '@motcua/contracts';
import type { Database } from '../../db/schema';
import type { Kdb } from '../../db/client';

const COLUMNS = [
  'id',
  'dossier_id',
  'agency_id',
  'recipient',
  'address',
  'phone',
  'status',
  'tracking_no',
  'postal_fee',
  'integrated',
  'requested_at',
  'updated_at',
] as const;

export async function findShipment(
  q: Kdb,
  where: { dossierId: string } | { id: string } | { trackingNo: string },
) {
  let query = q.selectFrom('postal_shipments').select(COLUMNS);
  if ('dossierId' in where) query = query.where('dossier_id', '=', where.dossierId);
  else if ('id' in where) query = query.where('id', '=', where.id);
  else query = query.where('tracking_no', '=', where.trackingNo);
  return query.executeTakeFirst();
}
export type ShipmentRow = NonNullable<Awaited<ReturnType<typeof findShipment>>>;

export async function insertShipment(
  trx: Transaction<Database>,
  v: Insertable<Database['postal_shipments']>,
) {
  const r = await trx.insertInto('postal_shipments').values(v).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateShipment(
  trx: Transaction<Database>,
  id: string,
  set: { status?: TShipmentStatus; tracking_no?: string; postal_fee?: number; updated_at: Date },
) {
  await trx.updateTable('postal_shipments').set(set).where('id', '=', id).execute();
}

export async function insertEvent(trx: Transaction<Database>, v: Insertable<Database['postal_events']>) {
  await trx.insertInto('postal_events').values(v).execute();
}

export async function findEvent(q: Kdb, eventId: string) {
  return q
    .selectFrom('postal_events')
    .select(['shipment_id', 'status'])
    .where('event_id', '=', eventId)
    .executeTakeFirst();
}

export async function listShipments(q: Kdb, opts: { agencyId?: string; dossierIds?: string[] }) {
  let query = q.selectFrom('postal_shipments as s').leftJoin('dossiers as d', 'd.id', 's.dossier_id');
  if (opts.agencyId) query = query.where('s.agency_id', '=', opts.agencyId);
  if (opts.dossierIds) {
    if (opts.dossierIds.length === 0) return [];
    query = query.where('s.dossier_id', 'in', opts.dossierIds);
  }
  return query
    .select(COLUMNS.map((c) => `s.${c}` as const))
    .select('d.code')
    .orderBy('s.updated_at', 'desc')
    .orderBy('s.id')
    .limit(200)
    .execute();
}

export async function listEvents(q: Kdb, shipmentIds: string[]) {
  if (shipmentIds.length === 0) return [];
  return q
    .selectFrom('postal_events')
    .select(['shipment_id', 'status', 'at', 'note'])
    .where('shipment_id', 'in', shipmentIds)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
