import { describe, expect, it } from 'vitest';
import type { TDossierDetail, TShipment } from '@motcua/contracts';
import { actor } from '../../test/harness';
import { detail } from '../dossiers/dossiers.test-helpers';
import { at } from '../dossiers/processing-office.test-helpers';
import { sign } from '../payments';
import { postalFixture } from './postal.test-helpers';

describe('results returned by post (issue 15, 001 Đ28)', async () => {
  const { f, desk, base, toResult } = await postalFixture(40);
  const operator = actor({
    kind: 'staff',
    userId: '00000000-0000-4000-a000-000000000099',
    name: 'Ngô Văn Minh',
    roles: ['postal_operator'],
    agencyId: f.agency('TTPVHCC'),
  });

  const pickup = (who: typeof desk, d: Pick<TDossierDetail, 'id'>, body: object = {}) =>
    f.inject(who, 'POST', `/api/postal/dossiers/${d.id}/pickup`, body);
  const now = () => Math.floor(f.clock.now().getTime() / 1000);
  const webhook = (fields: Record<string, string | number>, secret = f.deps.config.postalService.secret) =>
    fetch(`${base}/api/postal/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...fields, signature: sign(secret, fields) }),
    });
  const dossier = async (d: Pick<TDossierDetail, 'id'>) =>
    detail(await f.inject(f.citizenA, 'GET', `/api/dossiers/${d.id}`));

  it('books a pickup with the postal service; signed delivery events close the dossier through the pipeline', async () => {
    const counter = await toResult('counter');
    expect((await pickup(desk, counter)).json().code).toBe('DOSSIER_STATE');
    const d = await toResult('post');
    expect((await pickup(f.citizenA, d)).statusCode).toBe(403);
    expect((await pickup(f.clerk('SXD', 3), d)).statusCode).toBe(404);

    const res = await pickup(desk, d);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<TShipment>();
    expect(s).toMatchObject({
      status: 'requested',
      postalFee: 32000,
      integrated: true,
      address: 'Số 12 đường Lê Lợi, phường An Hòa',
    });
    expect(s.trackingNo).toMatch(/^EB\d{9}VN$/);
    expect((await pickup(desk, d)).statusCode).toBe(409);

    // Refused webhooks change nothing.
    const good = {
      trackingNo: s.trackingNo!,
      status: 'delivered',
      eventId: 'E-1',
      at: f.clock.now().toISOString(),
      timestamp: now(),
    };
    expect((await webhook(good, 'not-the-postal-secret')).status).toBe(401);
    expect((await webhook({ ...good, trackingNo: 'EB000000000VN' })).status).toBe(404);
    expect((await webhook({ ...good, timestamp: now() - 3600 })).status).toBe(409);
    expect((await dossier(d)).status).toBe('result_ready');

    // The simulator's parcel: picked up, then delivered — over real HTTP to our webhook.
    const event = (status: string) =>
      fetch(`${base}/postal-sim/api/parcels/${s.trackingNo}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status }),
      });
    expect((await event('picked_up')).status).toBe(200);
    expect((await dossier(d)).status).toBe('result_ready');
    f.clock.set(at('2026-03-02T10:00'));
    expect((await event('delivered')).status).toBe(200);
    const closed = await dossier(d);
    expect(closed.status).toBe('returned');
    expect(closed.events.at(-1)).toMatchObject({
      type: 'result_returned',
      actor: { type: 'system' },
      data: { at: 'post', trackingNo: s.trackingNo },
    });
    // The applicant gets the result-returned message with the satisfaction-rating link (issue 16).
    const returnedMsg = await f.db.kysely
      .selectFrom('messages')
      .select('body')
      .where('template', '=', 'dossier.result_returned')
      .where('body', 'like', `%${d.code}%`)
      .executeTakeFirst();
    expect(returnedMsg?.body).toMatch(new RegExp(`token=${d.id}`));
    const mine = (await f.inject(f.citizenA, 'GET', `/api/dossiers/${d.id}/shipments`)).json<{
      items: TShipment[];
    }>();
    expect(mine.items[0]!.events.map((e) => e.status)).toEqual(['requested', 'picked_up', 'delivered']);
    // A repeated delivery event is acknowledged and changes nothing.
    const repeat = { ...good, eventId: 'E-9', timestamp: now() };
    expect(await (await webhook(repeat)).json()).toEqual({ ok: true, duplicate: false });
    expect(await (await webhook(repeat)).json()).toEqual({ ok: true, duplicate: true });
    expect((await dossier(d)).status).toBe('returned');
  });

  it('the postal operator records pickup and delivery by hand, with the postal fee', async () => {
    const d = await toResult('post', '2026-02-13T09:00');
    const res = await pickup(operator, d, { trackingNo: 'RR123456785VN', postalFee: 28000 });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<TShipment>();
    expect(s).toMatchObject({
      status: 'picked_up',
      integrated: false,
      postalFee: 28000,
      trackingNo: 'RR123456785VN',
    });
    const listed = (await f.inject(operator, 'GET', '/api/postal/shipments')).json<{ items: TShipment[] }>();
    expect(listed.items.map((x) => x.id)).toContain(s.id);
    const delivered = await f.inject(operator, 'POST', `/api/postal/shipments/${s.id}/events`, {
      status: 'delivered',
    });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json<TShipment>().status).toBe('delivered');
    expect((await dossier(d)).status).toBe('returned');
  });

  it('lists results not collected after their appointment', async () => {
    const d = await toResult('counter', '2026-02-16T09:00');
    const list = async () =>
      (await f.inject(desk, 'GET', '/api/postal/uncollected'))
        .json<{ items: { id: string }[] }>()
        .items.map((i) => i.id);
    expect(await list()).not.toContain(d.id);
    f.clock.set(new Date(new Date(d.appointmentAt!).getTime() + 60_000));
    expect(await list()).toContain(d.id);
    expect((await f.inject(f.citizenA, 'GET', '/api/postal/uncollected')).statusCode).toBe(403);
  });
});
