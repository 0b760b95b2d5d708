import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { localeOf } from '../../http/errors';
import { sign, signatureValid, timestampFresh } from './signed-message';

/**
 * A local stand-in for an online payment gateway (demo and tests; used when PAYMENT_GATEWAY_URL is unset). It is
 * another system: its own table, its own page where the "citizen" confirms or cancels, and it calls our callback
 * over real HTTP with the same HMAC signing a real gateway uses. Hidden from our OpenAPI document.
 */
const ZOrder = z.object({
  merchantId: z.string().min(1).max(64),
  orderRef: z.string().min(1).max(64),
  amount: z.number().int().positive(),
  description: z.string().max(500),
  returnUrl: z.url(),
  callbackUrl: z.url(),
  timestamp: z.number().int(),
  signature: z.string().max(128),
});

const TEXT = {
  title: { vi: 'Cổng thanh toán (mô phỏng)', en: 'Payment gateway (simulator)' },
  merchant: { vi: 'Đơn vị nhận tiền', en: 'Merchant' },
  order: { vi: 'Mã đơn hàng', en: 'Order' },
  content: { vi: 'Nội dung', en: 'Description' },
  amount: { vi: 'Số tiền', en: 'Amount' },
  confirm: { vi: 'Xác nhận thanh toán', en: 'Confirm payment' },
  cancel: { vi: 'Hủy giao dịch', en: 'Cancel' },
  closed: { vi: 'Đơn hàng đã được xử lý.', en: 'This order has already been handled.' },
  note: {
    vi: 'Trang mô phỏng dùng cho bản trình diễn và kiểm thử; không có tiền thật được chuyển.',
    en: 'A simulator page for the demo and tests; no real money moves.',
  },
} as const;

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const SCRIPT = `document.querySelectorAll('button[data-decision]').forEach(function (b) {
  b.addEventListener('click', function () {
    document.querySelectorAll('button').forEach(function (x) { x.disabled = true; });
    fetch(location.pathname + '/' + b.dataset.decision, { method: 'POST', credentials: 'omit' })
      .then(function (r) { return r.json(); })
      .then(function (j) { if (j.redirect) location.href = j.redirect; else document.body.append(String(j.error)); });
  });
});`;

export async function gatewaySimulator(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // Read per request: the configuration may be replaced after boot (the public address once the port is known).
  const cfg = () => app.deps.config;
  const db = () => app.deps.db.kysely;

  app.post('/gateway-sim/api/orders', { schema: { hide: true, body: ZOrder } }, async (req, reply) => {
    const { signature, ...fields } = req.body;
    const now = app.deps.clock.now();
    if (
      fields.merchantId !== cfg().paymentGateway.merchantId ||
      !signatureValid(cfg().paymentGateway.secret, fields, signature) ||
      !timestampFresh(fields.timestamp, now)
    )
      return reply.code(401).send({ error: 'bad signature' });
    const row = await db()
      .insertInto('gateway_sim_orders')
      .values({
        merchant_id: fields.merchantId,
        order_ref: fields.orderRef,
        amount: fields.amount,
        description: fields.description,
        return_url: fields.returnUrl,
        callback_url: fields.callbackUrl,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { payUrl: `${cfg().publicUrl}/gateway-sim/pay/${row.id}` };
  });

  const findOrder = (id: string) =>
    z.uuid().safeParse(id).success
      ? db().selectFrom('gateway_sim_orders').selectAll().where('id', '=', id).executeTakeFirst()
      : Promise.resolve(undefined);

  app.get('/gateway-sim/sim.js', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').send(SCRIPT),
  );

  app.get('/gateway-sim/pay/:id', { schema: { hide: true } }, async (req, reply) => {
    const o = await findOrder((req.params as { id: string }).id);
    if (!o) return reply.code(404).send({ error: 'unknown order' });
    const l = localeOf(req);
    const t = (k: keyof typeof TEXT) => esc(TEXT[k][l]);
    const money = new Intl.NumberFormat(l === 'vi' ? 'vi-VN' : 'en-US').format(o.amount);
    const actions =
      o.status === 'open'
        ? `<p><button data-decision="confirm">${t('confirm')}</button> <button data-decision="cancel">${t('cancel')}</button></p>`
        : `<p>${t('closed')}</p>`;
    const html = `<!doctype html><html lang="${l}"><head><meta charset="utf-8"><title>${t('title')}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem">
<main><h1>${t('title')}</h1><dl>
<dt>${t('merchant')}</dt><dd>${esc(o.merchant_id)}</dd>
<dt>${t('order')}</dt><dd>${esc(o.order_ref)}</dd>
<dt>${t('content')}</dt><dd>${esc(o.description)}</dd>
<dt>${t('amount')}</dt><dd><strong>${money} VND</strong></dd></dl>
${actions}<p><small>${t('note')}</small></p></main>
<script src="/gateway-sim/sim.js"></script></body></html>`;
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.post('/gateway-sim/pay/:id/:decision', { schema: { hide: true } }, async (req, reply) => {
    const { id, decision } = req.params as { id: string; decision: string };
    const o = await findOrder(id);
    if (!o || !['confirm', 'cancel'].includes(decision))
      return reply.code(404).send({ error: 'unknown order' });
    if (o.status !== 'open') return reply.code(409).send({ error: 'order closed' });
    const status = decision === 'confirm' ? 'success' : 'cancelled';
    const fields = {
      merchantId: o.merchant_id,
      orderRef: o.order_ref,
      transactionId: `SIM${randomBytes(6).toString('hex').toUpperCase()}`,
      amount: o.amount,
      status,
      timestamp: Math.floor(app.deps.clock.now().getTime() / 1000),
    };
    const res = await fetch(o.callback_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...fields, signature: sign(cfg().paymentGateway.secret, fields) }),
      signal: AbortSignal.timeout(10_000),
    }).catch(() => null);
    if (!res?.ok) return reply.code(502).send({ error: `callback refused (${res?.status ?? 'no answer'})` });
    await db()
      .updateTable('gateway_sim_orders')
      .set({ status, transaction_id: fields.transactionId })
      .where('id', '=', o.id)
      .execute();
    const back = new URL(o.return_url);
    back.searchParams.set('ket-qua', status);
    return { redirect: back.toString() };
  });
}
