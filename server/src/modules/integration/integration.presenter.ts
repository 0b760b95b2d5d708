import type { TPortalMessage, TSyncReport } from '@motcua/contracts';
import type { Selectable } from 'kysely';
import { instant } from '../dossiers';
import type {
  ApiClientsTable,
  PortalMessagesTable,
  SyncReportsTable,
  WebhookDeliveriesTable,
  WebhookSubscriptionsTable,
} from './integration.tables';

const maybe = (d: Date | null) => (d ? instant(d) : null);

const codeIn = (body: unknown): string | null => {
  const code = (body as { HoSo?: { MaHoSo?: unknown } } | null)?.HoSo?.MaHoSo;
  return typeof code === 'string' ? code : null;
};

export const presentPortalMessage = (m: Selectable<PortalMessagesTable>): TPortalMessage => ({
  id: m.id,
  dossierId: m.dossier_id,
  dossierCode: codeIn(m.body),
  kind: m.kind,
  seq: m.seq,
  status: m.status,
  attempts: m.attempts,
  lastError: m.last_error,
  createdAt: instant(m.created_at),
  sentAt: maybe(m.sent_at),
});

export const presentSyncReport = (r: Selectable<SyncReportsTable>): TSyncReport => ({
  id: r.id,
  from: instant(r.period_from),
  to: instant(r.period_to),
  checkedAt: instant(r.checked_at),
  checked: r.checked,
  divergent: r.divergent,
  repaired: r.repaired,
  remaining: r.remaining,
  items: r.items as TSyncReport['items'],
});

export const presentSubscription = (s: Selectable<WebhookSubscriptionsTable>) => ({
  id: s.id,
  name: s.name,
  url: s.url,
  events: s.events as never[],
  active: s.active,
  createdAt: instant(s.created_at),
});

export const presentDelivery = (d: Selectable<WebhookDeliveriesTable>) => ({
  id: d.id,
  subscriptionId: d.subscription_id,
  event: d.event,
  dossierId: d.dossier_id,
  status: d.status,
  attempts: d.attempts,
  lastStatus: d.last_status,
  lastError: d.last_error,
  createdAt: instant(d.created_at),
  deliveredAt: maybe(d.delivered_at),
});

export const presentApiClient = (c: Selectable<ApiClientsTable>) => ({
  id: c.id,
  name: c.name,
  keyPrefix: c.key_prefix,
  scopes: c.scopes as never[],
  actsAsUserId: c.acts_as_user_id,
  perMinute: c.per_minute,
  createdAt: instant(c.created_at),
  revokedAt: maybe(c.revoked_at),
});
