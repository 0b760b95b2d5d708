import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../db/schema';

/** Tables of the integration module (ADR 0027); migrations in `migrations/20261203_4*.sql`. */
export type IntegrationFeedTable = { event_id: number; collected_at: Date };

export type PortalMessagesTable = {
  id: Generated<string>;
  dossier_id: string;
  event_id: number | null;
  seq: number;
  kind: 'event' | 'repair';
  body: Json<Record<string, unknown>>;
  status: Generated<'pending' | 'sent' | 'dead'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
};

export type SyncReportsTable = {
  id: Generated<string>;
  period_from: Date;
  period_to: Date;
  checked_at: Date;
  checked: number;
  divergent: number;
  repaired: number;
  remaining: number;
  items: Json<unknown[]>;
};

export type PortalSimDossiersTable = {
  dossier_ref: string;
  seq: number;
  body: Json<Record<string, unknown>>;
  history: Json<unknown[]>;
  updated_at: Date;
};
export type PortalSimReceivedTable = { message_id: string; outcome: string; received_at: Date };
export type PortalSimSettingsTable = {
  id: number;
  drop_rate: number;
  fail_rate: number;
  error_status: number;
  lag_ms: number;
};

export type WebhookSubscriptionsTable = {
  id: Generated<string>;
  name: string;
  url: string;
  events: string[];
  secret: string;
  active: Generated<boolean>;
  created_at: Date;
};
export type WebhookDeliveriesTable = {
  id: Generated<string>;
  subscription_id: string;
  event: string;
  dossier_id: string | null;
  body: Json<Record<string, unknown>>;
  status: Generated<'pending' | 'delivered' | 'dead'>;
  attempts: Generated<number>;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
};

export type ApiClientsTable = {
  id: Generated<string>;
  name: string;
  key_prefix: string;
  key_hash: string;
  scopes: string[];
  acts_as_user_id: string;
  per_minute: number;
  created_at: Date;
  revoked_at: Date | null;
};
export type ApiClientCallsTable = {
  id: Generated<number>;
  client_id: string;
  method: string;
  route: string;
  status: number;
  at: Timestamp;
};

export type IntegrationTables = {
  integration_feed: IntegrationFeedTable;
  portal_messages: PortalMessagesTable;
  sync_reports: SyncReportsTable;
  portal_sim_dossiers: PortalSimDossiersTable;
  portal_sim_received: PortalSimReceivedTable;
  portal_sim_settings: PortalSimSettingsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  api_clients: ApiClientsTable;
  api_client_calls: ApiClientCallsTable;
};
