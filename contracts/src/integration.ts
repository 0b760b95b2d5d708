import { z } from 'zod';
import { ZInstant } from './common';

/** Outside systems (ADR 0027): national-portal sync, webhooks, API clients, SMS lookup. */

export const WEBHOOK_EVENTS = [
  'dossier.submitted',
  'dossier.received',
  'dossier.step_changed',
  'dossier.result_ready',
  'dossier.returned',
  'feedback.answered',
] as const;
export const ZWebhookEvent = z.enum(WEBHOOK_EVENTS);
export type TWebhookEvent = z.infer<typeof ZWebhookEvent>;

export const ZPortalMessage = z.object({
  id: z.uuid(),
  dossierId: z.uuid(),
  /** The dossier code the message carries (null before the dossier has one). */
  dossierCode: z.string().nullable(),
  kind: z.enum(['event', 'repair']),
  seq: z.number().int(),
  status: z.enum(['pending', 'sent', 'dead']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: ZInstant,
  sentAt: ZInstant.nullable(),
});
export type TPortalMessage = z.infer<typeof ZPortalMessage>;
export const ZPortalMessageList = z.object({ items: z.array(ZPortalMessage) });
/** The sync backlog: messages the portal has not acknowledged (the same figures as the /metrics gauges). */
export const ZPortalSyncBacklog = z.object({
  pending: z.number().int(),
  dead: z.number().int(),
  /** When the oldest unacknowledged message was queued (null when none). */
  oldestAt: ZInstant.nullable(),
});
export type TPortalSyncBacklog = z.infer<typeof ZPortalSyncBacklog>;
export const ZPortalMessageQuery = z.object({ status: z.enum(['pending', 'sent', 'dead']).default('dead') });

export const ZSyncCheckInput = z
  .object({ from: ZInstant, to: ZInstant, repair: z.boolean().default(false) })
  .refine((v) => Date.parse(v.from) < Date.parse(v.to), { message: 'from must be before to', path: ['to'] })
  .refine((v) => Date.parse(v.to) - Date.parse(v.from) <= 366 * 86_400_000, {
    message: 'at most one year',
    path: ['to'],
  });
export const ZSyncDivergence = z.object({
  dossierId: z.uuid(),
  code: z.string().nullable(),
  differences: z.array(z.object({ field: z.string(), local: z.unknown(), remote: z.unknown() })),
  repaired: z.boolean(),
});
export const ZSyncReport = z.object({
  id: z.uuid(),
  from: ZInstant,
  to: ZInstant,
  checkedAt: ZInstant,
  checked: z.number().int(),
  divergent: z.number().int(),
  repaired: z.number().int(),
  remaining: z.number().int(),
  items: z.array(ZSyncDivergence),
});
export type TSyncReport = z.infer<typeof ZSyncReport>;
export const ZSyncReportList = z.object({ items: z.array(ZSyncReport) });

export const ZWebhookSubscriptionInput = z.object({
  name: z.string().trim().min(1).max(120),
  url: z.url({ protocol: /^https?$/ }).max(500),
  events: z.array(ZWebhookEvent).min(1).max(WEBHOOK_EVENTS.length),
});
export const ZWebhookSubscription = z.object({
  id: z.uuid(),
  name: z.string(),
  url: z.string(),
  events: z.array(ZWebhookEvent),
  active: z.boolean(),
  createdAt: ZInstant,
});
/** The secret is shown once, in the answer to the creation. */
export const ZWebhookSubscriptionCreated = ZWebhookSubscription.extend({ secret: z.string() });
export const ZWebhookSubscriptionList = z.object({ items: z.array(ZWebhookSubscription) });
export const ZWebhookDelivery = z.object({
  id: z.uuid(),
  subscriptionId: z.uuid(),
  event: z.string(),
  dossierId: z.uuid().nullable(),
  status: z.enum(['pending', 'delivered', 'dead']),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: ZInstant,
  deliveredAt: ZInstant.nullable(),
});
export const ZWebhookDeliveryList = z.object({ items: z.array(ZWebhookDelivery) });

export const API_SCOPES = ['lookup:read', 'dossiers:read', 'dossiers:submit', 'steps:update'] as const;
export const ZApiScope = z.enum(API_SCOPES);
export type TApiScope = z.infer<typeof ZApiScope>;
export const ZApiClientInput = z.object({
  name: z.string().trim().min(1).max(120),
  scopes: z.array(ZApiScope).min(1).max(API_SCOPES.length),
  /** The staff account whose agency and roles the client acts with. */
  actsAsUserId: z.uuid(),
  perMinute: z.number().int().min(1).max(10_000).default(60),
});
export const ZApiClient = z.object({
  id: z.uuid(),
  name: z.string(),
  keyPrefix: z.string(),
  scopes: z.array(ZApiScope),
  actsAsUserId: z.uuid(),
  perMinute: z.number().int(),
  createdAt: ZInstant,
  revokedAt: ZInstant.nullable(),
});
/** The key is shown once: only its hash is stored. */
export const ZApiClientCreated = ZApiClient.extend({ key: z.string() });
export const ZApiClientList = z.object({ items: z.array(ZApiClient) });
export const ZApiClientCall = z.object({
  method: z.string(),
  route: z.string(),
  status: z.number().int(),
  at: ZInstant,
});
export const ZApiClientCallList = z.object({ items: z.array(ZApiClientCall) });

export const ZSmsInbound = z.object({
  from: z.string().regex(/^\+?[0-9]{8,15}$/),
  text: z.string().max(480),
  messageId: z.string().max(100).optional(),
});
export const ZSmsInboundAnswer = z.object({ reply: z.string() });
