import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { Worker } from '../../jobs/queue';
import { DELIVER_JOB, deliverMessage, useDeliverySettings } from '../notifications/notifications.service';
import { renderTemplate } from '../notifications/notifications.templates';
import { MESSAGE_KINDS } from '@motcua/contracts';
import './dossier-messages';
import type { Actor } from '../../http/auth';
import { detail, intakeFixture } from './dossiers.test-helpers';
import { vnDateTime } from './dossier-notify';

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
  useDeliverySettings({
    smtpUrl: io.smtpUrl,
    smtpFrom: 'Một Cửa <no-reply@anhoa.example>',
    smsGatewayUrl: io.smsUrl,
  });
  const worker = new Worker(
    f.db,
    { [DELIVER_JOB]: deliverMessage },
    { pollMs: 10, concurrency: 4, log: f.deps.log, clock: f.deps.clock },
  );

  it('templates exist in Vietnamese and English for every message', () => {
    const p = {
      ref: 'R',
      code: 'C',
      procedure: 'P',
      appointment: 'A',
      reason: 'X',
      lookupUrl: 'U',
      pin: '1',
      resultUrl: 'D',
      ratingUrl: 'E',
    };
    for (const k of MESSAGE_KINDS) {
      expect(renderTemplate(`dossier.${k}`, 'vi', p).subject).not.toBe(
        renderTemplate(`dossier.${k}`, 'en', p).subject,
      );
    }
  });

  it('a supplement request reaches the applicant by email (real SMTP) and SMS (retried), logged with status', async () => {
    const d = detail(await f.submit(f.citizenA), 201);
    f.clock.advance(20 * 60_000); // the desk looks at it twenty minutes later
    await f.inject(f.clerk('STTTT'), 'POST', `/api/reception/dossiers/${d.id}/request-supplement`, {
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
    expect(io.mails.map((m) => m.to)).toContain('an@example.vn');
    // The SMS gateway failed once: that message is logged as failed and its job waits for the retry.
    const failed = await f.db.kysely
      .selectFrom('messages')
      .select(['status', 'last_error'])
      .where('channel', '=', 'sms')
      .execute();
    expect(failed.some((m) => m.status === 'failed' && m.last_error)).toBe(true);
    await f.db.kysely
      .updateTable('jobs')
      .set({ run_at: f.deps.clock.now() })
      .where('status', '=', 'pending')
      .execute();
    await worker.drain();
    const rows = await f.db.kysely.selectFrom('messages').select(['channel', 'status', 'template']).execute();
    expect(rows.filter((r) => r.template === 'dossier.supplement_requested').map((r) => r.status)).toEqual([
      'sent',
      'sent',
    ]);
    expect(io.sms.some((s) => s.text.includes('Chưa nộp đề án'))).toBe(true);
    expect(io.mails.map((m) => m.raw).join('\n')).toContain('Subject:');
    const inbox = await f.inject(f.citizenA, 'GET', '/api/dossier-messages');
    expect(inbox.json<{ items: Array<{ kind: string; body: string }> }>().items[0]).toMatchObject({
      kind: 'supplement_requested',
    });
  });

  it('an applicant who chose English gets English email, SMS and inbox text; others fall back to their request', async () => {
    // citizenB has an account that prefers English, chosen on /tai-khoan.
    await f.db.kysely
      .insertInto('users')
      .values({
        id: f.citizenB.userId,
        kind: 'citizen',
        email: 'binh@example.vn',
        phone: '0987654321',
        // Online submissions notify only verified contacts (dossier-notify.ts).
        email_verified_at: new Date('2026-01-05T02:00:00Z'),
        phone_verified_at: new Date('2026-01-05T02:00:00Z'),
        full_name: f.citizenB.name,
        status: 'active',
      })
      .execute();
    const pref = await f.inject(f.citizenB, 'PATCH', '/api/me/profile', { preferredLocale: 'en' });
    expect(pref.statusCode, pref.body).toBe(200);
    expect(pref.json<{ profile: { preferredLocale: string } }>().profile.preferredLocale).toBe('en');
    const applicant = {
      kind: 'citizen' as const,
      name: f.citizenB.name,
      idNumber: '099201009999',
      address: 'Số 3 đường Trần Phú',
      phone: '0987654321',
      email: 'binh@example.vn',
    };
    // Her browser says Vietnamese; the account's choice wins.
    const d = detail(await f.submit(f.citizenB, { applicant }, undefined), 201);
    await f.inject(f.clerk('STTTT'), 'POST', `/api/reception/dossiers/${d.id}/accept`, {
      expectedVersion: d.version,
    });
    // An applicant without a preference gets the language of the submission request.
    const other = detail(
      await f.inject(
        f.citizenA,
        'POST',
        '/api/dossiers',
        await submitBody(f, f.citizenA, 'english@example.vn'),
        { 'accept-language': 'en-GB,en;q=0.9' },
      ),
      201,
    );
    await worker.drain();
    const to = (addr: string) =>
      io.mails
        .filter((m) => m.to === addr)
        .map((m) => m.raw)
        .join('\n');
    expect(to('binh@example.vn')).toContain('Subject: Online submission');
    expect(to('binh@example.vn')).toMatch(/Subject: Dossier \S+ received/);
    expect(to('binh@example.vn')).not.toContain('Subject: =?');
    // Online: the message goes to the account's verified address, not to the one typed into the form.
    expect(to('an@example.vn')).toContain('Subject: Online submission');
    expect(to('english@example.vn')).toBe('');
    const rows = await f.db.kysely
      .selectFrom('messages')
      .select(['recipient', 'locale', 'body'])
      .where('recipient', 'in', ['binh@example.vn', '0987654321'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.every((r) => r.locale === 'en')).toBe(true);
    const inbox = await f.inject(f.citizenB, 'GET', '/api/dossier-messages');
    expect(inbox.json<{ items: Array<{ body: string }> }>().items[0]!.body).toContain('Your dossier');
    expect(other.status).toBe('submitted');
    // Her request's language is recorded too; the account's choice came first.
    const mine = await f.db.kysely
      .selectFrom('dossiers')
      .select('locale')
      .where('id', '=', d.id)
      .executeTakeFirst();
    expect(mine?.locale).toBe('vi');
  });
});

/** An online submission body for `who` with its own email address (uploads two scans). */
async function submitBody(f: Awaited<ReturnType<typeof intakeFixture>>, who: Actor, email: string) {
  const [a, b] = [await f.upload(who), await f.upload(who)];
  return {
    procedureCode: '1.004227',
    applicant: {
      kind: 'citizen',
      name: who.name,
      idNumber: '099201001111',
      address: 'Số 1',
      phone: null,
      email,
    },
    formData: { tenTrang: 'Tin tức', tenMien: 'tintuc.anhoa.vn' },
    attachments: [
      { componentCode: 'don', fileIds: [a.id] },
      { componentCode: 'quyet-dinh', fileIds: [b.id] },
    ],
  };
}

describe('dates in messages', () => {
  it('print the date first, then the 24-hour time, in Việt Nam', () => {
    expect(vnDateTime(new Date('2026-02-03T02:05:00Z'))).toBe('03/02/2026 09:05');
    expect(vnDateTime(new Date('2026-12-31T16:59:00Z'))).toBe('31/12/2026 23:59');
    expect(vnDateTime(new Date('2026-12-31T17:00:00Z'))).toBe('01/01/2027 00:00');
  });
});
