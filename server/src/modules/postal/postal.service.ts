import type { Kysely, Transaction } from 'kysely';
import {
  DOSSIER_STATUS_LABELS,
  type TPostalWebhook,
  type TShipment,
  type TShipmentStatus,
} from '@motcua/contracts';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import type { Actor } from '../../http/auth';
import { AppError } from '../../http/errors';
import { appendAudit, type AuditActor } from '../audit';
import {
  applyDossierAction,
  authorize,
  can,
  checkReturnGuards,
  findDossier,
  instant,
  notifyReturned,
  type DossierRow,
} from '../dossiers';
import type { PostalService } from './postal-service';
import {
  findShipment,
  insertEvent,
  insertShipment,
  listEvents,
  listShipments,
  updateShipment,
  type ShipmentRow,
} from './postal.repo';
import type { ActorContext } from '../../http/context';

type Trx = Transaction<Database>;
/** The part of a logged-in request's context (http/context.ts) the postal desk uses. */
type Ctx = Pick<ActorContext, 'actor' | 'audit' | 'now' | 'config'>;
const SHIPMENT_WHAT = { vi: 'bưu gửi', en: 'Shipment' };
const SEND_BY_POST = { vi: 'gửi kết quả qua bưu chính', en: 'sent by post' };
/** Events never move a shipment backwards (a late "in transit" after "delivered" is recorded, not applied). */
const ORDER: Record<TShipmentStatus, number> = {
  requested: 0,
  picked_up: 1,
  in_transit: 2,
  failed: 3,
  delivered: 4,
};

/** Desk staff of the dossier's agency, or the postal operator at the centre (001 Đ28). */
function mayHandle(actor: Actor, d: DossierRow): boolean {
  return actor.kind === 'staff' && (actor.roles.includes('postal_operator') || can(actor, 'process', d));
}

async function postalDossier(trx: Trx, actor: Actor, id: string): Promise<DossierRow> {
  const d = await findDossier(trx, id);
  if (!d || !mayHandle(actor, d)) return authorize<DossierRow>(actor, 'process', undefined);
  if (d.status !== 'result_ready' || d.result_channel !== 'post')
    throw new AppError('DOSSIER_STATE', { status: DOSSIER_STATUS_LABELS[d.status], action: SEND_BY_POST });
  return d;
}

/**
 * The result goes out by post: the postal service is asked to pick it up (its tracking number and fee come back),
 * or — without an integration — the operator records the pickup by hand with the tracking number on the slip.
 * The HTTP call happens between two transactions: the service may post its first event before it answers.
 */
export async function requestPickup(
  db: Kysely<Database>,
  ctx: Ctx,
  id: string,
  input: { trackingNo?: string; postalFee?: number },
  service: PostalService,
): Promise<string> {
  const shipment = await db.transaction().execute(async (trx) => {
    const d = await postalDossier(trx, ctx.actor, id);
    const existing = await findShipment(trx, { dossierId: d.id });
    if (existing?.tracking_no) throw new AppError('DUPLICATE', { what: SHIPMENT_WHAT });
    const shipmentId = existing?.id ?? (await openShipment(trx, d, !input.trackingNo, ctx.now));
    if (input.trackingNo) {
      await updateShipment(trx, shipmentId, {
        status: 'picked_up',
        tracking_no: input.trackingNo,
        postal_fee: input.postalFee ?? 0,
        updated_at: ctx.now,
      });
      await insertEvent(trx, {
        shipment_id: shipmentId,
        event_id: null,
        status: 'picked_up',
        at: ctx.now,
        note: null,
        recorded_by: ctx.actor.name,
      });
    }
    await appendAudit(trx, ctx.audit, {
      action: 'postal.pickup',
      target: { type: 'dossier', id: d.id },
      details: { manual: !!input.trackingNo, trackingNo: input.trackingNo ?? null },
    });
    return { id: shipmentId, d };
  });
  if (input.trackingNo) return shipment.id;
  await bookWithService(db, ctx.config, shipment, service, ctx.now);
  return shipment.id;
}

async function openShipment(trx: Trx, d: DossierRow, integrated: boolean, now: Date): Promise<string> {
  const a = d.applicant;
  return insertShipment(trx, {
    dossier_id: d.id,
    agency_id: d.holding_agency_id ?? d.authority_agency_id,
    recipient: a.name,
    address: a.address ?? '',
    phone: a.phone,
    status: 'requested',
    tracking_no: null,
    integrated,
    requested_at: now,
    updated_at: now,
  });
}

/** Asks the postal service to pick the result up; its tracking number and fee are recorded when it answers. */
async function bookWithService(
  db: Kysely<Database>,
  config: Config,
  shipment: { id: string; d: DossierRow },
  service: PostalService,
  now: Date,
): Promise<void> {
  const a = shipment.d.applicant;
  const booked = await service.requestPickup({
    reference: shipment.d.code ?? shipment.d.submission_ref,
    recipient: a.name,
    address: a.address ?? '',
    phone: a.phone,
    webhookUrl: `${config.publicUrl}/api/postal/webhook`,
    now,
  });
  await db.transaction().execute(async (trx) => {
    await updateShipment(trx, shipment.id, {
      tracking_no: booked.trackingNo,
      postal_fee: booked.fee,
      updated_at: now,
    });
    await insertEvent(trx, {
      shipment_id: shipment.id,
      event_id: null,
      status: 'requested',
      at: now,
      note: booked.trackingNo,
      recorded_by: null,
    });
  });
}

/**
 * The automatic pickup (a job queued when the result became ready or a fee was paid): a dossier whose applicant chose
 * the post, with its result ready, nothing booked yet and every return guard satisfied (a fee due with the result is
 * paid), is booked with the postal service. Anything else is left alone, so running it again changes nothing.
 * Returns the shipment booked, or null.
 */
export async function autoPickup(
  db: Kysely<Database>,
  config: Config,
  dossierId: string,
  now: Date,
  service: PostalService,
): Promise<string | null> {
  const shipment = await db.transaction().execute(async (trx) => {
    // One booking at a time per dossier: the row lock orders this run against another run or the desk.
    await trx.selectFrom('dossiers').select('id').where('id', '=', dossierId).forUpdate().execute();
    const d = await findDossier(trx, dossierId);
    if (!d || d.status !== 'result_ready' || d.result_channel !== 'post') return null;
    const existing = await findShipment(trx, { dossierId: d.id });
    if (existing?.tracking_no || (existing && !existing.integrated)) return null;
    try {
      await checkReturnGuards(trx, d, now, 'desk');
    } catch (err) {
      if (err instanceof AppError) return null; // waits: the payment queues this again
      throw err;
    }
    const id = existing?.id ?? (await openShipment(trx, d, true, now));
    await appendAudit(
      trx,
      { type: 'system', name: 'postal-auto-pickup', at: now },
      {
        action: 'postal.pickup',
        target: { type: 'dossier', id: d.id },
        details: { manual: false, automatic: true, trackingNo: null },
      },
    );
    return { id, d };
  });
  if (!shipment) return null;
  await bookWithService(db, config, shipment, service, now);
  return shipment.id;
}

/**
 * One delivery event (webhook or by hand): recorded, applied when it moves the shipment forward; "delivered" returns
 * the result — the dossier is closed through the action pipeline (result_returned), by the system.
 */
export async function applyShipmentEvent(
  trx: Trx,
  s: ShipmentRow,
  e: {
    status: TShipmentStatus;
    at: Date;
    note: string | null;
    eventId: string | null;
    recordedBy: string | null;
  },
  audit: AuditActor,
  now: Date,
  config: Pick<Config, 'publicUrl' | 'feedback'>,
): Promise<void> {
  await insertEvent(trx, {
    shipment_id: s.id,
    event_id: e.eventId,
    status: e.status,
    at: e.at,
    note: e.note,
    recorded_by: e.recordedBy,
  });
  if (ORDER[e.status] <= ORDER[s.status] && s.status !== 'failed') return;
  await updateShipment(trx, s.id, { status: e.status, updated_at: now });
  if (e.status !== 'delivered') return;
  const d = await findDossier(trx, s.dossier_id);
  if (d?.status !== 'result_ready') return;
  await applyDossierAction(
    trx,
    { actor: { kind: 'system', name: 'postal' }, audit, now },
    d.id,
    'result_returned',
    d.version,
    () => ({
      set: { current_step: null, step_due_at: null, handler_id: null },
      event: {
        data: {
          step: d.current_step,
          at: 'post',
          trackingNo: s.tracking_no,
          deliveredAt: e.at.toISOString(),
          recordedBy: e.recordedBy,
        },
      },
      audit: { action: 'dossier.return', details: { channel: 'post', trackingNo: s.tracking_no } },
      // The applicant gets the result-returned message with the satisfaction-rating link (issue 16).
      afterAudit: (row) => notifyReturned(trx, { now, config }, row),
    }),
  );
}

/** The postal operator records an event by hand (no integration, 001 Đ28). */
export async function recordShipmentEvent(
  trx: Trx,
  ctx: Ctx,
  shipmentId: string,
  input: {
    status: 'picked_up' | 'delivered' | 'failed';
    trackingNo?: string;
    postalFee?: number;
    note?: string;
  },
): Promise<void> {
  const s = await findShipment(trx, { id: shipmentId });
  const d = s ? await findDossier(trx, s.dossier_id) : undefined;
  if (!s || !d || !mayHandle(ctx.actor, d)) throw new AppError('NOT_FOUND', { what: SHIPMENT_WHAT });
  if (input.trackingNo && !s.tracking_no)
    await updateShipment(trx, s.id, { tracking_no: input.trackingNo, updated_at: ctx.now });
  if (input.postalFee !== undefined)
    await updateShipment(trx, s.id, { postal_fee: input.postalFee, updated_at: ctx.now });
  await applyShipmentEvent(
    trx,
    (await findShipment(trx, { id: s.id }))!,
    {
      status: input.status,
      at: ctx.now,
      note: input.note ?? null,
      eventId: null,
      recordedBy: ctx.actor.name,
    },
    ctx.audit,
    ctx.now,
    ctx.config,
  );
}

/** A verified webhook: applied once per event id; an unknown tracking number is 404 and changes nothing. */
export async function applyWebhook(
  trx: Trx,
  w: TPostalWebhook,
  audit: AuditActor,
  now: Date,
  config: Pick<Config, 'publicUrl' | 'feedback'>,
): Promise<void> {
  const s = await findShipment(trx, { trackingNo: w.trackingNo });
  if (!s) throw new AppError('NOT_FOUND', { what: SHIPMENT_WHAT });
  await applyShipmentEvent(
    trx,
    s,
    { status: w.status, at: new Date(w.at), note: w.note ?? null, eventId: w.eventId, recordedBy: null },
    audit,
    now,
    config,
  );
}

export async function shipmentsFor(
  q: Kysely<Database> | Trx,
  opts: { agencyId?: string; dossierIds?: string[] },
): Promise<TShipment[]> {
  const rows = await listShipments(q, opts);
  const events = await listEvents(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    dossierId: r.dossier_id,
    dossierCode: r.code ?? null,
    status: r.status,
    trackingNo: r.tracking_no,
    address: r.address,
    postalFee: r.postal_fee,
    integrated: r.integrated,
    events: events
      .filter((e) => e.shipment_id === r.id)
      .map((e) => ({ status: e.status, at: instant(e.at), note: e.note })),
  }));
}
