-- The lookup guard reads an address's most recent probes (ADR 0014): newest first per address, so a busy address
-- (a kiosk, an office behind one address) costs one short index range on every lookup.
CREATE INDEX lookup_probes_recent_idx ON lookup_probes (client_ip, last_at DESC);
