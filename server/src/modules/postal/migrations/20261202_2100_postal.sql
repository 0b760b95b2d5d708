-- Return of results by post (issue 15, 001 Đ28, QĐ 45/2016/QĐ-TTg): one shipment per dossier whose applicant chose
-- the post, its tracking number and postal fee, and every delivery event (from the postal service's signed webhook or
-- recorded by hand by the postal operator at the desk).
CREATE TABLE postal_shipments (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id   uuid NOT NULL UNIQUE,
  agency_id    uuid NOT NULL,
  recipient    text NOT NULL,
  address      text NOT NULL,
  phone        text,
  status       text NOT NULL CHECK (status IN ('requested', 'picked_up', 'in_transit', 'delivered', 'failed')),
  tracking_no  text UNIQUE,
  postal_fee   bigint NOT NULL DEFAULT 0 CHECK (postal_fee >= 0),
  -- Whether the pickup went through the postal service's API (false: recorded by hand).
  integrated   boolean NOT NULL,
  requested_at timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);

CREATE TABLE postal_events (
  id          bigserial PRIMARY KEY,
  shipment_id uuid NOT NULL REFERENCES postal_shipments (id),
  -- The postal service's event id (webhooks are applied once); null for events recorded by hand.
  event_id    text UNIQUE,
  status      text NOT NULL,
  at          timestamptz NOT NULL,
  note        text,
  recorded_by text
);

-- The local postal service simulator's own parcels (demo and tests only).
CREATE TABLE postal_sim_parcels (
  tracking_no  text PRIMARY KEY,
  reference    text NOT NULL,
  address      text NOT NULL,
  webhook_url  text NOT NULL,
  fee          bigint NOT NULL,
  created_at   timestamptz NOT NULL
);
