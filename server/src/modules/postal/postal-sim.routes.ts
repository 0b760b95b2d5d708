import { randomBytes, randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { localeOf } from '../../http/errors';
import { sign, signatureValid, timestampFresh } from '../payments';

/**
 * A local stand-in for the public postal service (demo and tests; used when POSTAL_SERVICE_URL is unset): it books
 * pickups (tracking number, fee) and, when its parcel page or API says so, posts signed delivery events to our
 * webhook over real HTTP. Hidden from our OpenAPI document.
 */
export const SIM_POSTAL_FEE = 32000;

const ZPickup = z.object({
  reference: z.string().min(1).max(64),
  recipient: z.string().min(1).max(300),
  address: z.string().max(500),
  phone: z.string().max(30),
  webhookUrl: z.url(),
  timestamp: z.number().int(),
  signature: z.string().max(128),
});
const ZEvent = z.object({
  status: z.enum(['picked_up', 'in_transit', 'delivered', 'failed']),
  note: z.string().max(500).optional(),
});

const TEXT = {
  title: { vi: 'Bưu chính công ích (mô phỏng)', en: 'Public postal service (simulator)' },
  tracking: { vi: 'Số hiệu bưu gửi', en: 'Tracking number' },
  address: { vi: 'Địa chỉ nhận', en: 'Delivery address' },
  picked_up: { vi: 'Đã nhận bưu gửi', en: 'Picked up' },
  in_transit: { vi: 'Đang vận chuyển', en: 'In transit' },
  delivered: { vi: 'Phát thành công', en: 'Delivered' },
  failed: { vi: 'Phát không thành công', en: 'Delivery failed' },
} as const;

const SCRIPT = `document.querySelectorAll('button[data-status]').forEach(function (b) {
  b.addEventListener('click', function () {
    fetch('/postal-sim/api/parcels/' + document.body.dataset.tracking + '/events', {
      method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: b.dataset.status })
    }).then(function (r) { return r.json(); }).then(function (j) {
      var p = document.createElement('p'); p.textContent = j.ok ? '✓ ' + b.textContent : String(j.error);
      document.querySelector('main').append(p);
    });
  });
});`;

export async function postalSimulator(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // Read per request: the configuration may be replaced after boot (the public address once the port is known).
  const cfg = () => app.deps.config;
  const db = () => app.deps.db.kysely;

  app.post('/postal-sim/api/pickups', { schema: { hide: true, body: ZPickup } }, async (req, reply) => {
    const { signature, ...fields } = req.body;
    const now = app.deps.clock.now();
    if (
      !signatureValid(cfg().postalService.secret, fields, signature) ||
      !timestampFresh(fields.timestamp, now)
    )
      return reply.code(401).send({ error: 'bad signature' });
    // UPU S10 shape: two letters, eight digits and a check digit, the country.
    const trackingNo = `EB${String(randomInt(0, 1e9)).padStart(9, '0')}VN`;
    await db()
      .insertInto('postal_sim_parcels')
      .values({
        tracking_no: trackingNo,
        reference: fields.reference,
        address: fields.address,
        webhook_url: fields.webhookUrl,
        fee: SIM_POSTAL_FEE,
        created_at: now,
      })
      .execute();
    return { trackingNo, fee: SIM_POSTAL_FEE };
  });

  const parcel = (t: string) =>
    db().selectFrom('postal_sim_parcels').selectAll().where('tracking_no', '=', t).executeTakeFirst();

  app.post(
    '/postal-sim/api/parcels/:trackingNo/events',
    { schema: { hide: true, body: ZEvent } },
    async (req, reply) => {
      const p = await parcel((req.params as { trackingNo: string }).trackingNo);
      if (!p) return reply.code(404).send({ error: 'unknown parcel' });
      const now = app.deps.clock.now();
      const fields = {
        trackingNo: p.tracking_no,
        status: req.body.status,
        eventId: `EV${randomBytes(6).toString('hex').toUpperCase()}`,
        at: now.toISOString(),
        ...(req.body.note ? { note: req.body.note } : {}),
        timestamp: Math.floor(now.getTime() / 1000),
      };
      const res = await fetch(p.webhook_url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...fields, signature: sign(cfg().postalService.secret, fields) }),
        signal: AbortSignal.timeout(10_000),
      }).catch(() => null);
      if (!res?.ok) return reply.code(502).send({ error: `webhook refused (${res?.status ?? 'no answer'})` });
      return { ok: true, eventId: fields.eventId };
    },
  );

  app.get('/postal-sim/sim.js', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').send(SCRIPT),
  );

  app.get('/postal-sim/parcels/:trackingNo', { schema: { hide: true } }, async (req, reply) => {
    const p = await parcel((req.params as { trackingNo: string }).trackingNo);
    if (!p) return reply.code(404).send({ error: 'unknown parcel' });
    const l = localeOf(req);
    const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const buttons = (['picked_up', 'in_transit', 'delivered', 'failed'] as const)
      .map((s) => `<button data-status="${s}">${esc(TEXT[s][l])}</button>`)
      .join(' ');
    return reply.type('text/html; charset=utf-8')
      .send(`<!doctype html><html lang="${l}"><head><meta charset="utf-8">
<title>${esc(TEXT.title[l])}</title></head><body data-tracking="${esc(p.tracking_no)}"
style="font-family: sans-serif; max-width: 36rem; margin: 2rem auto"><main><h1>${esc(TEXT.title[l])}</h1>
<p>${esc(TEXT.tracking[l])}: <strong>${esc(p.tracking_no)}</strong></p><p>${esc(TEXT.address[l])}: ${esc(p.address)}</p>
<p>${buttons}</p></main><script src="/postal-sim/sim.js"></script></body></html>`);
  });
}
