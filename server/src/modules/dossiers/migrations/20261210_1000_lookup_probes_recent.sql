-- The lookup guard reads an address's most recent probes (ADR 0014) when a process first sees the address and after
-- each flush: newest first per address, one short index range however many codes a busy address looked up.
CREATE INDEX lookup_probes_recent_idx ON lookup_probes (client_ip, last_at DESC);
