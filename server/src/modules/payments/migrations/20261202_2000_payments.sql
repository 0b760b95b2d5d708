-- Fees and charges (issue 15, 003 Đ16): one charge per dossier that owes a fee, the payments made against it by any
-- channel, the electronic receipt (biên lai) of each paid one, and at most one refund per payment.
CREATE TABLE fee_charges (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id   uuid NOT NULL UNIQUE,
  -- The agency the fee is collected for (the dossier's agency with authority); reconciliation is per agency.
  agency_id    uuid NOT NULL,
  amount       bigint NOT NULL CHECK (amount > 0),
  moment       text NOT NULL CHECK (moment IN ('submission', 'result')),
  description  text NOT NULL,
  created_at   timestamptz NOT NULL
);

CREATE TABLE payments (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  charge_id        uuid NOT NULL REFERENCES fee_charges (id),
  dossier_id       uuid NOT NULL,
  agency_id        uuid NOT NULL,
  channel          text NOT NULL CHECK (channel IN ('desk', 'bank_transfer', 'postal', 'online')),
  status           text NOT NULL CHECK (status IN ('pending', 'paid', 'cancelled')),
  amount           bigint NOT NULL CHECK (amount > 0),
  -- Our order reference (sent to the gateway; printed on the receipt).
  order_ref        text NOT NULL UNIQUE,
  reference        text,
  -- The gateway's transaction id: a callback is applied once per transaction id.
  gateway_txn_id   text UNIQUE,
  receipt_no       text,
  receipt_sha256   text,
  recorded_by      uuid,
  recorded_by_name text,
  created_at       timestamptz NOT NULL,
  paid_at          timestamptz,
  UNIQUE (agency_id, receipt_no)
);
-- One paid payment per charge: two channels racing to pay the same fee cannot both win.
CREATE UNIQUE INDEX payments_one_paid ON payments (charge_id) WHERE status = 'paid';
CREATE INDEX payments_agency_paid ON payments (agency_id, paid_at) WHERE status = 'paid';

CREATE TABLE payment_refunds (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  payment_id       uuid NOT NULL UNIQUE REFERENCES payments (id),
  agency_id        uuid NOT NULL,
  amount           bigint NOT NULL CHECK (amount > 0),
  ground           text NOT NULL CHECK (ground IN ('agency_failed', 'refused_not_applicant')),
  reason           text NOT NULL,
  refunded_at      timestamptz NOT NULL,
  recorded_by      uuid,
  recorded_by_name text
);

-- Every gateway callback applied, by transaction id, with the hash of what it said: a repeat of the same callback
-- is acknowledged without effect, the same id with other content is a replay and refused.
CREATE TABLE gateway_callbacks (
  transaction_id text PRIMARY KEY,
  order_ref      text NOT NULL,
  body_hash      text NOT NULL,
  received_at    timestamptz NOT NULL
);

CREATE TABLE payment_receipt_counters (
  agency_id  uuid NOT NULL,
  year       int NOT NULL,
  last_value int NOT NULL,
  PRIMARY KEY (agency_id, year)
);

-- The local payment gateway simulator's own orders (it stands for another system; only demo and tests use it).
CREATE TABLE gateway_sim_orders (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  merchant_id   text NOT NULL,
  order_ref     text NOT NULL,
  amount        bigint NOT NULL,
  description   text NOT NULL,
  return_url    text NOT NULL,
  callback_url  text NOT NULL,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'success', 'cancelled')),
  transaction_id text,
  created_at    timestamptz NOT NULL
);
