import { z } from 'zod';
import { ZInstant } from './common';

export const MESSAGE_STATUSES = ['queued', 'sent', 'failed'] as const;

/** A message the local development gateway captured instead of sending (SMS, and email when no SMTP is set). */
export const ZLocalOutboxItem = z.object({
  id: z.string(),
  channel: z.enum(['email', 'sms']),
  to: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  createdAt: ZInstant,
});
export const ZLocalOutbox = z.object({ items: z.array(ZLocalOutboxItem), total: z.number().int() });

export const ZMessageLogItem = z.object({
  id: z.string(),
  channel: z.enum(['email', 'sms']),
  to: z.string(),
  template: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: ZInstant,
  sentAt: ZInstant.nullable(),
});
export const ZMessageLog = z.object({ items: z.array(ZMessageLogItem), total: z.number().int() });
