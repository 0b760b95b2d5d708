import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema';

export type MessageChannel = 'email' | 'sms';
export type MessageStatus = 'queued' | 'sent' | 'failed';

export type MessagesTable = {
  id: Generated<string>;
  channel: MessageChannel;
  recipient: string;
  template: string;
  locale: 'vi' | 'en';
  subject: string | null;
  body: string;
  status: Generated<MessageStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  gateway: string | null;
  created_at: Timestamp;
  sent_at: Date | null;
};

export type LocalOutboxTable = {
  id: Generated<string>;
  message_id: string | null;
  channel: MessageChannel;
  recipient: string;
  subject: string | null;
  body: string;
  created_at: Timestamp;
};

export type NotificationsTables = { messages: MessagesTable; local_outbox: LocalOutboxTable };
