import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A captured message: envelope recipient and the raw MIME text. */
export type CapturedMail = { to: string; raw: string };

/** A real SMTP server on loopback that keeps every message, as the accounts journeys do. */
export async function startSmtpCapture(): Promise<{
  url: string;
  mails: CapturedMail[];
  close(): Promise<void>;
}> {
  const mails: CapturedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo[0]?.address ?? '', raw });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((r) => smtp.close(() => r())),
  };
}

/** The decoded text of a message body (quoted-printable or base64 parts), for assertions in Vietnamese. */
export function mailText(raw: string): string {
  const body = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n');
  const qp = body.replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/g, (m) => {
    const bytes = m
      .split('=')
      .filter(Boolean)
      .map((h) => parseInt(h, 16));
    return Buffer.from(bytes).toString('utf8');
  });
  const b64 = body
    .split(/\r?\n/)
    .filter((l) => /^[A-Za-z0-9+/=]{16,}$/.test(l))
    .join('');
  return `${qp}\n${b64 ? Buffer.from(b64, 'base64').toString('utf8') : ''}`;
}
