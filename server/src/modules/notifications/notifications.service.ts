import type { Transaction } from 'kysely';
import type { Locale } from '@motcua/contracts';
import { loadConfig } from '../../config';
import type { Db } from '../../db/client';
import type { Database } from '../../db/schema';
import { enqueue, type JobHandler } from '../../jobs/queue';
import { gatewayFor, type DeliverySettings } from './notifications.gateways';
import { renderTemplate } from './notifications.templates';

export const DELIVER_JOB = 'notifications.deliver';

export type QueueMessageInput = {
  channel: 'email' | 'sms';
  to: string;
  template: string;
  params: Record<string, string | number>;
  locale?: Locale;
  /** The caller's time: delivery is due from then. */
  now: Date;
};

/**
 * Writes a message into the outbox inside the caller's transaction and schedules its delivery: it is sent
 * exactly when the change that caused it commits. Returns the message id (its row records delivery status).
 */
export async function queueMessage(trx: Transaction<Database>, input: QueueMessageInput): Promise<string> {
  const locale = input.locale ?? 'vi';
  const { subject, text } = renderTemplate(input.template, locale, input.params);
  const cap = currentCap();
  const capped = (await sentToday(trx, input.to, sourceOf(input.template), input.now)) >= cap;
  const row = await trx
    .insertInto('messages')
    .values({
      channel: input.channel,
      recipient: input.to,
      template: input.template,
      locale,
      subject: input.channel === 'email' ? subject : null,
      body: text,
      // Kept, not sent, so support sees what was held back and why.
      ...(capped ? { status: 'failed' as const } : {}),
      last_error: capped ? `${CAP_REACHED} (${cap})` : null,
      gateway: null,
      sent_at: null,
      created_at: input.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (!capped) await enqueue(trx, DELIVER_JOB, { messageId: row.id }, { maxAttempts: 6, runAt: input.now });
  return row.id;
}

export const CAP_REACHED = 'daily limit for this address reached';

/** The module a template belongs to (`accounts.verify` → `accounts`): each has its own daily allowance. */
const sourceOf = (template: string) => template.split('.')[0] ?? template;

/**
 * Messages of one module to one address in the last 24 hours (the database's clock, the one created_at uses).
 * Counted per module so that messages anyone can trigger (registration notices, codes) cannot use up the
 * allowance of an applicant's dossier messages.
 */
async function sentToday(trx: Transaction<Database>, to: string, source: string, now: Date): Promise<number> {
  const row = await trx
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('recipient', '=', to)
    .where('template', 'like', `${source}.%`)
    .where('created_at', '>', new Date(now.getTime() - 86_400_000))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Alias under the name other modules look for. */
export const sendNotification = queueMessage;

/*
 * The worker does not see the HTTP app's configuration object, so the app's setup hook hands it over here;
 * a worker-only process reads it from the environment through config.ts.
 */
let settings: DeliverySettings | undefined;
let dailyCap: number | undefined;
export function useDeliverySettings(s: DeliverySettings & { messagesPerDestinationPerDay?: number }): void {
  settings = { smtpUrl: s.smtpUrl, smtpFrom: s.smtpFrom, smsGatewayUrl: s.smsGatewayUrl };
  dailyCap = s.messagesPerDestinationPerDay ?? dailyCap;
}
function currentCap(): number {
  return dailyCap ?? loadConfig().messagesPerDestinationPerDay;
}
function currentSettings(): DeliverySettings {
  return settings ?? loadConfig();
}

/** Job: hands one message to its gateway and records the outcome; a failure is retried by the queue. */
export const deliverMessage: JobHandler = async (payload, ctx) => {
  const id = String(payload.messageId);
  const m = await ctx.db.kysely
    .selectFrom('messages')
    .select(['id', 'channel', 'recipient', 'subject', 'body', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!m || m.status === 'sent') return;
  const gateway = gatewayFor(m.channel, currentSettings());
  try {
    await gateway.send(m, ctx.db.kysely);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await ctx.db.kysely
      .updateTable('messages')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_error: message.slice(0, 1000),
        gateway: gateway.name,
        status: 'failed',
      }))
      .where('id', '=', id)
      .execute();
    throw err;
  }
  await ctx.db.kysely
    .updateTable('messages')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      status: 'sent',
      sent_at: ctx.now,
      last_error: null,
      gateway: gateway.name,
    }))
    .where('id', '=', id)
    .execute();
};

export async function findLocalOutbox(db: Db, opts: { to?: string; limit: number; offset: number }) {
  let q = db.kysely.selectFrom('local_outbox');
  if (opts.to) q = q.where('recipient', '=', opts.to);
  const [rows, total] = await Promise.all([
    q
      .select(['id', 'channel', 'recipient', 'subject', 'body', 'created_at'])
      .orderBy('created_at', 'desc')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findMessages(db: Db, opts: { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    db.kysely
      .selectFrom('messages')
      .select([
        'id',
        'channel',
        'recipient',
        'template',
        'status',
        'attempts',
        'last_error',
        'created_at',
        'sent_at',
      ])
      .orderBy('created_at', 'desc')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    db.kysely
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
