import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/harness';
import { Client, worker } from '../accounts/accounts.test-helpers';

type Captured = { to: string[]; raw: string };

/** A real SMTP server on a free port, keeping what it receives. */
async function startSmtp(): Promise<{ url: string; mails: Captured[]; close(): Promise<void> }> {
  const mails: Captured[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((r) => server.close(() => r())) };
}

describe('notifications: SMTP and HTTP SMS gateway delivery through the outbox', async () => {
  const smtp = await startSmtp();
  const sms: { to: string; text: string }[] = [];
  let smsFailNext = false;
  const smsServer = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (smsFailNext) {
        smsFailNext = false;
        res.statusCode = 503;
        return res.end();
      }
      sms.push(JSON.parse(body) as { to: string; text: string });
      res.statusCode = 202;
      res.end('{}');
    });
  });
  await new Promise<void>((r) => smsServer.listen(0, '127.0.0.1', r));
  const smsUrl = `http://127.0.0.1:${(smsServer.address() as AddressInfo).port}/send`;
  afterAll(async () => {
    await smtp.close();
    await new Promise((r) => smsServer.close(r));
  });
  const { app, db, deps } = await createTestApp({ smtpUrl: smtp.url, smsGatewayUrl: smsUrl });

  it('sends the activation code by email to the SMTP server, and the code from the mail activates the account', async () => {
    const c = new Client(app);
    const reg = await c.post('/api/auth/register', {
      fullName: 'Trương Văn Nam',
      email: 'nam@example.vn',
      password: 'Song-Hong-2026',
    });
    expect(reg.statusCode).toBe(201);
    expect(smtp.mails).toHaveLength(0); // nothing leaves before the worker runs the outbox
    await worker(deps).drain();
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['nam@example.vn']);
    expect(mail.raw).toMatch(/^Subject: /m);
    const code = /\b(\d{6})\b/.exec(
      mail.raw
        .split(/\r?\n\r?\n/)
        .slice(1)
        .join('\n'),
    )?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect((await c.post('/api/auth/verify', { login: 'nam@example.vn', code })).statusCode).toBe(200);
    const msg = await db.kysely
      .selectFrom('messages')
      .selectAll()
      .where('recipient', '=', 'nam@example.vn')
      .executeTakeFirstOrThrow();
    expect(msg).toMatchObject({ status: 'sent', gateway: 'smtp', attempts: 1 });
  });

  it('sends SMS through the HTTP gateway and records a failed attempt before the retry succeeds', async () => {
    smsFailNext = true;
    const c = new Client(app);
    await c.post('/api/auth/register', {
      fullName: 'Trương Thị Na',
      phone: '0966123123',
      password: 'Song-Hong-2026',
    });
    await worker(deps).drain();
    const failed = await db.kysely
      .selectFrom('messages')
      .selectAll()
      .where('recipient', '=', '0966123123')
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, last_error: 'SMS gateway answered 503' });
    await db.kysely
      .updateTable('jobs')
      .set({ run_at: deps.clock.now() })
      .where('status', '=', 'pending')
      .execute();
    await worker(deps).drain();
    expect(sms).toHaveLength(1);
    expect(sms[0]!.to).toBe('0966123123');
    const code = /\b(\d{6})\b/.exec(sms[0]!.text)?.[1];
    expect((await c.post('/api/auth/verify', { login: '0966123123', code })).statusCode).toBe(200);
    const sent = await db.kysely
      .selectFrom('messages')
      .selectAll()
      .where('recipient', '=', '0966123123')
      .executeTakeFirstOrThrow();
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, gateway: 'sms-http' });
  });
});
