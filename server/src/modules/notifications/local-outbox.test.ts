import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/harness';
import { worker } from '../accounts/accounts.test-helpers';
import { localGateway } from './notifications.gateways';
import { deliverMessage, queueMessage } from './notifications.service';
import { registerTemplates } from './notifications.templates';

registerTemplates({
  'test.once': {
    vi: { subject: 'Thông báo thử', text: 'Xin chào {name}' },
    en: { subject: 'Test notice', text: 'Hello {name}' },
  },
});

describe('local gateway: each message in the sink once (issue 19, the soak)', async () => {
  const { db, deps } = await createTestApp();
  const queue = (to: string) =>
    db.kysely.transaction().execute((trx) =>
      queueMessage(trx, {
        channel: 'email',
        to,
        template: 'test.once',
        params: { name: 'An' },
        now: deps.clock.now(),
      }),
    );
  const inSink = async (id: string) =>
    (await db.kysely.selectFrom('local_outbox').select('id').where('message_id', '=', id).execute()).length;

  it('a delivery run again after its worker died between the sink and "sent" does not deliver twice', async () => {
    const id = await queue('mot-lan@example.vn');
    const m = await db.kysely
      .selectFrom('messages')
      .select(['id', 'channel', 'recipient', 'subject', 'body'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // The first run handed the message to the sink, then the process was SIGKILLed: the message is still queued and
    // its job is taken again.
    await localGateway.send(m, db.kysely);
    await worker(deps).drain();
    expect(await inSink(id)).toBe(1);
    const row = await db.kysely
      .selectFrom('messages')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
  });

  it('two runs of one delivery at once (a lease that ran out) put it there once', async () => {
    const id = await queue('hai-lan@example.vn');
    const ctx = { db, log: deps.log, jobId: 0, attempt: 1, now: deps.clock.now() };
    await Promise.all([deliverMessage({ messageId: id }, ctx), deliverMessage({ messageId: id }, ctx)]);
    expect(await inSink(id)).toBe(1);
  });
});
