-- Integration with outside systems (ADR 0027): the national portal, webhook subscribers, API clients, SMS lookup.

-- Which dossier events the collector has taken (anti-join: an event committed late is still taken next run).
CREATE TABLE integration_feed (
  event_id bigint PRIMARY KEY,
  collected_at timestamptz NOT NULL
);

-- The outbox towards the national portal: one message per dossier event, plus repairs from the consistency check.
CREATE TABLE portal_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL,
  event_id bigint,
  seq integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('event', 'repair')),
  body jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX portal_messages_status ON portal_messages (status, created_at);
CREATE INDEX portal_messages_dossier ON portal_messages (dossier_id);

-- Reports of the consistency checker.
CREATE TABLE sync_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  period_from timestamptz NOT NULL,
  period_to timestamptz NOT NULL,
  checked_at timestamptz NOT NULL,
  checked integer NOT NULL,
  divergent integer NOT NULL,
  repaired integer NOT NULL,
  remaining integer NOT NULL,
  items jsonb NOT NULL
);
CREATE INDEX sync_reports_checked ON sync_reports (checked_at DESC);

-- The national-portal simulator (another system; its own tables).
CREATE TABLE portal_sim_dossiers (
  dossier_ref text PRIMARY KEY,
  seq integer NOT NULL,
  body jsonb NOT NULL,
  history jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL
);
CREATE TABLE portal_sim_received (
  message_id text PRIMARY KEY,
  outcome text NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE TABLE portal_sim_settings (
  id integer PRIMARY KEY CHECK (id = 1),
  drop_rate double precision NOT NULL DEFAULT 0,
  fail_rate double precision NOT NULL DEFAULT 0,
  error_status integer NOT NULL DEFAULT 503,
  lag_ms integer NOT NULL DEFAULT 0
);
INSERT INTO portal_sim_settings (id) VALUES (1);

-- Webhooks: subscribers and every delivery.
CREATE TABLE webhook_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  url text NOT NULL,
  events text[] NOT NULL,
  secret text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL
);
CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id),
  event text NOT NULL,
  dossier_id uuid,
  body jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  last_status integer,
  last_error text,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz
);
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, created_at DESC);

-- Machine accounts: keys stored hashed, scopes, a per-client budget, and every call.
CREATE TABLE api_clients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  key_prefix text NOT NULL UNIQUE,
  key_hash text NOT NULL,
  scopes text[] NOT NULL,
  acts_as_user_id uuid NOT NULL,
  per_minute integer NOT NULL,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE TABLE api_client_calls (
  id bigserial PRIMARY KEY,
  client_id uuid NOT NULL REFERENCES api_clients (id),
  method text NOT NULL,
  route text NOT NULL,
  status integer NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX api_client_calls_client ON api_client_calls (client_id, at DESC);
