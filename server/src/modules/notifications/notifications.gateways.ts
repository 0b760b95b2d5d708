import nodemailer, { type Transporter } from 'nodemailer';
import type { Kdb } from '../../db/client';

export type OutgoingMessage = {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
};

/** A way out of the system for one channel. `send` throws when the message was not accepted. */
export type Gateway = { name: string; send(message: OutgoingMessage, db: Kdb): Promise<void> };

/**
 * Development gateway: keeps the message in local_outbox, readable in the admin area. Once per message: a delivery
 * run again (its worker died before marking the message sent) finds it there and adds nothing.
 */
export const localGateway: Gateway = {
  name: 'local',
  async send(m, db) {
    await db
      .insertInto('local_outbox')
      .values({
        message_id: m.id,
        channel: m.channel,
        recipient: m.recipient,
        subject: m.subject,
        body: m.body,
      })
      .onConflict((oc) => oc.column('message_id').where('message_id', 'is not', null).doNothing())
      .execute();
  },
};

const transports = new Map<string, Transporter>();

/** Email through the SMTP server in SMTP_URL (nodemailer); one pooled transport per URL. */
export function smtpGateway(smtpUrl: string, from: string): Gateway {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  const t = transport;
  return {
    name: 'smtp',
    async send(m) {
      await t.sendMail({ from, to: m.recipient, subject: m.subject ?? '', text: m.body });
    },
  };
}

/**
 * SMS through an HTTP gateway: POST {to, text, reference} as JSON to SMS_GATEWAY_URL; any 2xx means accepted.
 * Providers differ in their APIs; a small adapter service in front of the provider speaks this shape.
 */
export function httpSmsGateway(url: string, fetchImpl: typeof fetch = fetch): Gateway {
  return {
    name: 'sms-http',
    async send(m) {
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: m.recipient, text: m.body, reference: m.id }),
        signal: AbortSignal.timeout(15_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}

export type DeliverySettings = {
  smtpUrl: string | undefined;
  smtpFrom: string;
  smsGatewayUrl: string | undefined;
};

export function gatewayFor(channel: 'email' | 'sms', s: DeliverySettings): Gateway {
  if (channel === 'email') return s.smtpUrl ? smtpGateway(s.smtpUrl, s.smtpFrom) : localGateway;
  return s.smsGatewayUrl ? httpSmsGateway(s.smsGatewayUrl) : localGateway;
}

export async function closeTransports(): Promise<void> {
  for (const t of transports.values()) t.close();
  transports.clear();
}
