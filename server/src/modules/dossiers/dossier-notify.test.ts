import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { Worker } from '../../jobs/queue';
import { DELIVER_JOB, deliverMessageJob } from './dossier-notify';
import { renderMessage } from './dossier-messages';
import { detail, intakeFixture } from './dossiers.test-helpers';

type Mail = { to: string; raw: string };

/** A real SMTP server in-process, and an SMS gateway that fails its first call (to see the queue retry). */
async function mailAndSms() {
  const mails: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const sms: Array<{ to: string; text: string }> = [];
  let calls = 0;
  const gw = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls += 1;
      if (calls === 1) return void res.writeHead(503).end();
      sms.push(JSON.parse(body) as { to: string; text: string });
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((r) => gw.listen(0, '127.0.0.1', r));
  const gwPort = (gw.address() as AddressInfo).port;
  afterAll(async () => {
    await new Promise<void>((r) => smtp.close(() => r()));
    await new Promise<void>((r) => gw.close(() => r()));
  });
  return { mails, sms, smtpUrl: `smtp://127.0.0.1:${smtpPort}`, smsUrl: `http://127.0.0.1:${gwPort}/send` };
}

describe('notifications', async () => {
  const io = await mailAndSms();
  const f = await intakeFixture({ smtpUrl: io.smtpUrl, smsGatewayUrl: io.smsUrl });
  const worker = new Worker(
    f.db,
    { [DELIVER_JOB]: deliverMessageJob(f.deps.config) },
    { pollMs: 10, concurrency: 4, log: f.deps.log },
  );

  it('templates exist in Vietnamese and English for every message', () => {
    const p = { ref: 'R', code: 'C', procedure: 'P', appointment: 'A', reason: 'X', lookupUrl: 'U' };
    for (const k of ['submitted', 'received', 'supplement_requested', 'refused'] as const) {
      expect(renderMessage(k, 'vi', p).subject).not.toBe(renderMessage(k, 'en', p).subject);
    }
  });

  it('a supplement request reaches the applicant by email (real SMTP) and SMS (retried), logged with status', async () => {
    const d = detail(await f.submit(f.citizenA), 201);
    const clerk = f.clerk('STTTT');
    await f.inject(clerk, 'POST', `/api/reception/dossiers/${d.id}/request-supplement`, {
      expectedVersion: d.version,
      items: [
        {
          component: 'Đề án hoạt động',
          problem: 'missing',
          reason: 'Chưa nộp đề án',
          guidance: 'Nộp đề án theo mẫu',
        },
      ],
    });
    await worker.drain();
    const mail = io.mails.find((m) => m.raw.includes('=?UTF-8?') || m.raw.includes('Subject'));
    expect(io.mails.length).toBeGreaterThanOrEqual(2);
    expect(mail?.to).toBe('an@example.vn');
    // The SMS gateway failed once: the job is pending again, with the error logged on the message.
    const smsStates = await f.db.kysely
      .selectFrom('dossier_messages')
      .select('status')
      .where('channel', '=', 'sms')
      .execute();
    expect(smsStates.some((s) => s.status === 'failed')).toBe(true);
    // Retry now instead of waiting for the backoff.
    await f.db.kysely
      .updateTable('jobs')
      .set({ run_at: new Date() })
      .where('status', '=', 'pending')
      .execute();
    await worker.drain();
    const rows = await f.db.kysely
      .selectFrom('dossier_messages')
      .select(['channel', 'status', 'attempts'])
      .where('dossier_id', '=', d.id)
      .execute();
    expect(rows.filter((r) => r.channel !== 'portal').every((r) => r.status === 'sent')).toBe(true);
    expect(io.sms.some((s) => s.text.includes('Chưa nộp đề án'))).toBe(true);
    const raw = io.mails.map((m) => m.raw).join('\n');
    expect(raw).toContain('Subject:');
  });

  it('without SMTP/SMS configured, the message is logged as skipped rather than lost silently', async () => {
    const g = await intakeFixture();
    const d = detail(await g.submit(g.citizenA), 201);
    const w = new Worker(
      g.db,
      { [DELIVER_JOB]: deliverMessageJob(g.deps.config) },
      { pollMs: 10, concurrency: 2, log: g.deps.log },
    );
    await w.drain();
    const rows = await g.db.kysely
      .selectFrom('dossier_messages')
      .select(['channel', 'status', 'last_error'])
      .where('dossier_id', '=', d.id)
      .execute();
    expect(rows.find((r) => r.channel === 'email')).toMatchObject({
      status: 'skipped',
      last_error: 'SMTP_URL is not configured',
    });
  });
});
