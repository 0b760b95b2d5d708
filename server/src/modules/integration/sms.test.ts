import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { Worker } from '../../jobs/queue';
import { createDemoDb, createTestApp } from '../../test/harness';
import { DELIVER_JOB, deliverMessage } from '../notifications/notifications.service';
import { signedHeaders } from './signing';
import { parseSmsLookup, smsTime } from './sms-lookup';

/** The SMS gateway's simulator: a local HTTP server taking {to, text, reference}, as SMS_GATEWAY_URL expects. */
async function smsGateway() {
  const sent: { to: string; text: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      sent.push(JSON.parse(body) as { to: string; text: string });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, sent };
}

describe('SMS lookup', async () => {
  const gw = await smsGateway();
  const t = await createTestApp({ smsGatewayUrl: gw.url }, await createDemoDb());
  const worker = new Worker(
    t.db,
    { [DELIVER_JOB]: deliverMessage },
    {
      pollMs: 10,
      concurrency: 2,
      log: pino({ level: 'silent' }),
      clock: t.clock,
    },
  );
  const secret = t.deps.config.smsInbound.secret;
  const sms = (from: string, text: string, key = secret) => {
    const payload = JSON.stringify({ from, text });
    return t.app.inject({
      method: 'POST',
      url: '/api/sms/inbound',
      headers: signedHeaders(key, t.clock.now(), payload),
      payload,
    });
  };
  const outgoing = async () => {
    await worker.drain();
    return gw.sent.splice(0).filter((m) => m.to.startsWith('091200000')); // not the demo office's own messages
  };

  it('reads the keyword and the code', () => {
    expect(parseSmsLookup('  hs 000.00.15.h99-260302-0001 ', 'HS')).toEqual({
      kind: 'lookup',
      code: '000.00.15.H99-260302-0001',
    });
    expect(parseSmsLookup('HELLO', 'HS')).toEqual({ kind: 'malformed', reason: 'keyword' });
    expect(parseSmsLookup('HS', 'HS')).toEqual({ kind: 'malformed', reason: 'code' });
    expect(smsTime('2026-12-03T16:30:00.000+07:00')).toBe('03/12/2026 16:30');
  });

  it('answers by SMS with the same facts as the web lookup', async () => {
    const d = await t.db.kysely
      .selectFrom('dossiers')
      .select('code')
      .where('code', 'is not', null)
      .where('status', '=', 'in_processing')
      .limit(1)
      .executeTakeFirstOrThrow();
    const web = await t.app.inject({ method: 'GET', url: `/api/lookup/${d.code}` });
    const facts = web.json<{ status: string; procedureName: string; appointmentAt: string }>();
    const res = await sms('0912000001', `HS ${d.code}`);
    expect(res.statusCode, res.body).toBe(200);
    const [out] = await outgoing();
    expect(out!.to).toBe('0912000001');
    expect(out!.text).toBe(res.json<{ reply: string }>().reply);
    expect(out!.text).toContain(d.code!);
    expect(out!.text).toContain('Đang giải quyết');
    expect(out!.text).toContain(facts.procedureName);
    expect(out!.text).toContain(smsTime(facts.appointmentAt));
  });

  it('helps with unknown and malformed codes', async () => {
    await sms('0912000002', 'HS 000.00.15.H99-260302-9999');
    await sms('0912000002', 'tra cuu giup toi');
    await sms('0912000002', 'HS abc');
    // Three replies; the queue sends jobs due at the same instant in no fixed order.
    const texts = (await outgoing()).map((m) => m.text);
    expect(texts).toHaveLength(3);
    const unknown = texts.filter((t) => /^Không tìm thấy hồ sơ có mã 000\.00\.15\.H99-260302-9999/.test(t));
    expect(unknown).toHaveLength(1);
    expect(texts.filter((t) => !unknown.includes(t) && t.includes('HS <mã hồ sơ>'))).toHaveLength(2);
  });

  it('limits each phone number, counted in the database, and refuses unsigned messages', async () => {
    for (let i = 0; i < 5; i++) expect((await sms('0912000003', 'HS x')).statusCode).toBe(200);
    const limited = await sms('0912000003', 'HS x');
    expect(limited.statusCode).toBe(429);
    expect((await sms('0912000004', 'HS x')).statusCode).toBe(200); // another number is not affected
    expect(await outgoing()).toHaveLength(6);
    const counter = await t.db.kysely
      .selectFrom('rate_limit_counters')
      .select('hits')
      .where('key', '=', 'sms-lookup|0912000003')
      .executeTakeFirstOrThrow();
    expect(counter.hits).toBe(6);

    const forged = await sms('0912000005', 'HS x', 'a-secret-that-is-not-the-gateways');
    expect(forged.statusCode).toBe(401);
    expect(await outgoing()).toHaveLength(0);
  });
});
