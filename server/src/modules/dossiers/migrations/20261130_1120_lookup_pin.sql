-- Public lookup by code alone no longer shows the applicant's (masked) name: that needs the lookup PIN printed on
-- the receipt and sent to the applicant (ADR 0014). Kept as given, never returned by the lookup; dossiers that already
-- have a code get one now (their next re-issued receipt or message carries it).
ALTER TABLE dossiers ADD COLUMN lookup_pin text;
UPDATE dossiers SET lookup_pin = lpad(floor(random() * 1000000)::int::text, 6, '0') WHERE code IS NOT NULL;

-- Which codes each client address looked up recently (one row per address and code), to see one client walking
-- a run of sequential codes. Rows older than a day are swept.
CREATE TABLE lookup_probes (
  client_ip  text        NOT NULL,
  code       text        NOT NULL,
  found      boolean     NOT NULL,
  last_at    timestamptz NOT NULL,
  PRIMARY KEY (client_ip, code)
);
CREATE INDEX lookup_probes_last_at_idx ON lookup_probes (last_at);

-- One open alert per client address while it keeps probing; a system administrator acknowledges it.
CREATE TABLE lookup_alerts (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  client_ip       text        NOT NULL,
  reason          text        NOT NULL CHECK (reason IN ('not_found', 'sequential')),
  codes_probed    integer     NOT NULL,
  not_found       integer     NOT NULL,
  longest_run     integer     NOT NULL,
  sample_codes    jsonb       NOT NULL,
  first_at        timestamptz NOT NULL,
  last_at         timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by uuid
);
CREATE UNIQUE INDEX lookup_alerts_open_idx ON lookup_alerts (client_ip) WHERE acknowledged_at IS NULL;
CREATE INDEX lookup_alerts_last_at_idx ON lookup_alerts (last_at DESC);
