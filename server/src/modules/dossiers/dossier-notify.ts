import type { Transaction } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { TApplicant } from '@motcua/contracts';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import { enqueue, type JobHandler } from '../../jobs/queue';
import { renderBilingual, type MessageKind, type MessageParams } from './dossier-messages';
import type { DossierRow } from './dossiers.repo';
import { procedureName } from './ports';

export const DELIVER_JOB = 'dossiers.deliver-message';

/** Set by the module at boot: where the public lookup page lives (QR codes and messages link to it). */
export function lookupUrl(config: Pick<Config, 'publicUrl'>, code: string): string {
  return `${config.publicUrl.replace(/\/$/, '')}/tra-cuu/${encodeURIComponent(code)}`;
}

function vnDateTime(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(t.getUTCHours())}:${two(t.getUTCMinutes())} ngày ${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

/**
 * Tells the applicant about a state change through every channel they have: the portal inbox (if they have an
 * account), email, SMS. Each message is a row with its delivery status, written in the caller's transaction with the
 * job that delivers it (transactional outbox); the queue retries failed deliveries.
 * The notifications module of the accounts issue can take over delivery by replacing this one function.
 */
export async function notifyApplicant(
  trx: Transaction<Database>,
  d: DossierRow,
  kind: MessageKind,
  now: Date,
  extra: { reason?: string; publicUrl?: string } = {},
): Promise<void> {
  const applicant = d.applicant as TApplicant;
  const params: MessageParams = {
    ref: d.submission_ref,
    code: d.code,
    procedure: procedureName(d.procedure_code),
    appointment: d.appointment_at ? vnDateTime(d.appointment_at) : null,
    reason: extra.reason ?? null,
    lookupUrl: d.code && extra.publicUrl ? lookupUrl({ publicUrl: extra.publicUrl }, d.code) : null,
  };
  const text = renderBilingual(kind, params);
  const base = {
    dossier_id: d.id,
    user_id: d.applicant_user_id,
    kind,
    locale: 'vi+en',
    ...text,
    created_at: now,
  };
  const rows: Array<{ channel: 'portal' | 'email' | 'sms'; recipient: string | null }> = [];
  if (d.applicant_user_id) rows.push({ channel: 'portal', recipient: null });
  if (applicant.email) rows.push({ channel: 'email', recipient: applicant.email });
  if (applicant.phone) rows.push({ channel: 'sms', recipient: applicant.phone });
  for (const r of rows) {
    const msg = await trx
      .insertInto('dossier_messages')
      .values({
        ...base,
        ...r,
        // The inbox is this table: a portal message is delivered by being written.
        status: r.channel === 'portal' ? 'sent' : 'pending',
        sent_at: r.channel === 'portal' ? now : null,
        last_error: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (r.channel !== 'portal')
      await enqueue(trx, DELIVER_JOB, { messageId: msg.id }, { dedupeKey: `msg:${msg.id}` });
  }
}

const transports = new Map<string, Transporter>();

/** Delivers one email or SMS; a throw makes the queue retry with backoff, and the attempt is logged on the row. */
export function deliverMessageJob(config: Config): JobHandler {
  return async (payload, { db, attempt }) => {
    const id = String(payload.messageId);
    const msg = await db.kysely
      .selectFrom('dossier_messages')
      .select(['id', 'channel', 'recipient', 'subject', 'body', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!msg || msg.status === 'sent' || !msg.recipient) return;
    const mark = (status: 'sent' | 'failed' | 'skipped', error: string | null) =>
      db.kysely
        .updateTable('dossier_messages')
        .set({ status, attempts: attempt, last_error: error, sent_at: status === 'sent' ? new Date() : null })
        .where('id', '=', id)
        .execute();
    try {
      if (msg.channel === 'email') {
        if (!config.smtpUrl) return void (await mark('skipped', 'SMTP_URL is not configured'));
        let t = transports.get(config.smtpUrl);
        if (!t) transports.set(config.smtpUrl, (t = nodemailer.createTransport(config.smtpUrl)));
        await t.sendMail({ from: config.smtpFrom, to: msg.recipient, subject: msg.subject, text: msg.body });
      } else {
        if (!config.smsGatewayUrl) return void (await mark('skipped', 'SMS_GATEWAY_URL is not configured'));
        // SMS is one short text; the Vietnamese part, without diacritics-dependent encoding concerns left to the gateway.
        const res = await fetch(config.smsGatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            to: msg.recipient,
            text: msg.body.split('\n\n---\n')[0],
            reference: msg.id,
          }),
        });
        if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
      }
      await mark('sent', null);
    } catch (err) {
      await mark('failed', err instanceof Error ? err.message : String(err));
      throw err;
    }
  };
}
