import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { TDossierEventType } from '@motcua/contracts';
import { collectEvents } from './portal-outbox';
import { checkSignature } from './signing';
import { webhookEventOf } from './webhooks';
import { actor, asActor } from '../../test/harness';
import { integrationWorker, listeningDemoApp, sysAdmin } from './integration.test-helpers';

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A real subscriber on a local port: it records what it receives and may be told to fail. */
async function receiver() {
  const got: Received[] = [];
  const state = { failNext: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      if (state.failNext > 0) {
        state.failNext--;
        res.writeHead(500).end('busy');
      } else res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, got, state };
}

describe('webhooks to a real local subscriber', async () => {
  const t = await listeningDemoApp();
  const worker = integrationWorker(t);
  const sub = await receiver();
  let secret = '';

  it('maps dossier events to the webhook events subscribers choose', () => {
    const map = (e: TDossierEventType) => webhookEventOf(e);
    expect(map('submitted')).toBe('dossier.submitted');
    expect(map('registered')).toBe('dossier.submitted');
    expect(map('received')).toBe('dossier.received');
    expect(map('forwarded')).toBe('dossier.step_changed');
    expect(map('result_issued')).toBe('dossier.result_ready');
    expect(map('result_returned')).toBe('dossier.returned');
    expect(map('appraised')).toBeUndefined();
  });

  it('delivers signed, retries a refused delivery, logs it, and an admin replays it', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/admin/webhooks',
      headers: sysAdmin,
      payload: { name: 'x', url: 'ftp://example.org', events: ['dossier.received'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(await t.db.kysely.selectFrom('webhook_subscriptions').selectAll().execute()).toEqual([]);

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/webhooks',
      headers: sysAdmin,
      payload: {
        name: 'Phần mềm chuyên ngành',
        url: sub.url,
        events: ['dossier.received', 'feedback.answered'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string; secret: string }>();
    secret = created.json<{ secret: string }>().secret;
    expect(secret).toMatch(/^whsec_/);
    const list = await t.app.inject({ method: 'GET', url: '/api/admin/webhooks', headers: sysAdmin });
    expect(list.body).not.toContain(secret); // shown once

    sub.state.failNext = 1;
    await collectEvents(t.db, t.clock.now());
    const receivedEvents = await t.db.kysely
      .selectFrom('dossier_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('type', '=', 'received')
      .executeTakeFirstOrThrow();
    await worker.drain();
    t.clock.advance(60_000); // past the first backoff
    await worker.drain();

    const bodies = sub.got.map((g) => JSON.parse(g.body) as { deliveryId: string; event: string });
    const distinct = new Set(bodies.map((b) => b.deliveryId));
    expect(distinct.size).toBe(Number(receivedEvents.n));
    expect(sub.got.length).toBe(distinct.size + 1); // one refused, then delivered on retry
    expect(bodies.every((b) => b.event === 'dossier.received')).toBe(true);
    for (const g of sub.got) {
      expect(g.headers['x-webhook-event']).toBe('dossier.received');
      expect(checkSignature(secret, g.headers, g.body, t.clock.now())).toBe('ok');
      expect(checkSignature('whsec_other', g.headers, g.body, t.clock.now())).toBe('bad');
    }
    // A captured delivery replayed later is refused by its timestamp.
    expect(
      checkSignature(
        secret,
        sub.got[0]!.headers,
        sub.got[0]!.body,
        new Date(t.clock.now().getTime() + 3_600_000),
      ),
    ).toBe('stale');

    const log = await t.app.inject({
      method: 'GET',
      url: `/api/admin/webhooks/${id}/deliveries`,
      headers: sysAdmin,
    });
    const items = log.json<{
      items: { id: string; status: string; attempts: number; lastStatus: number }[];
    }>().items;
    expect(items.every((d) => d.status === 'delivered' && d.lastStatus === 204)).toBe(true);
    expect(items.filter((d) => d.attempts === 2)).toHaveLength(1);

    const before = sub.got.length;
    const replay = await t.app.inject({
      method: 'POST',
      url: `/api/admin/webhook-deliveries/${items[0]!.id}/replay`,
      headers: sysAdmin,
    });
    expect(replay.statusCode, replay.body).toBe(200);
    await worker.drain();
    expect(sub.got.length).toBe(before + 1);
    expect((JSON.parse(sub.got.at(-1)!.body) as { deliveryId: string }).deliveryId).toBe(items[0]!.id);

    const missing = await t.app.inject({
      method: 'POST',
      url: `/api/admin/webhook-deliveries/${crypto.randomUUID()}/replay`,
      headers: sysAdmin,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('delivers feedback.answered, signed, when an agency answers feedback (and nothing before)', async () => {
    const agency = await t.db.kysely
      .selectFrom('agencies')
      .select('id')
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/feedback',
      payload: { kind: 'question', content: 'Hỏi về lệ phí cấp giấy phép xây dựng', agencyId: agency.id },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const { id } = filed.json<{ id: string }>();
    await worker.drain();
    const before = sub.got.length;
    expect(sub.got.some((g) => g.headers['x-webhook-event'] === 'feedback.answered')).toBe(false);

    const official = actor({ kind: 'staff', roles: ['reception_officer'], agencyId: agency.id });
    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/office/feedback/${id}/answer`,
      headers: asActor(official),
      payload: { answer: 'Lệ phí theo Nghị quyết của HĐND tỉnh, nộp khi nhận kết quả.' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    await worker.drain();
    expect(sub.got.length).toBe(before + 1);
    const got = sub.got.at(-1)!;
    expect(got.headers['x-webhook-event']).toBe('feedback.answered');
    expect(checkSignature(secret, got.headers, got.body, t.clock.now())).toBe('ok');
    expect(JSON.parse(got.body)).toMatchObject({
      event: 'feedback.answered',
      feedback: { id, agencyId: agency.id, kind: 'question' },
    });
  });
});
