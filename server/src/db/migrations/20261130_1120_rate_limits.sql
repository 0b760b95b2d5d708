-- Per-address and global request limits, counted in the database so that every process behind the load balancer
-- counts together (an in-memory counter per process multiplies the limit by the number of processes).
-- One row per key (e.g. "GET /api/lookup/:code|203.0.113.9"): a fixed window, counted with one atomic upsert.
CREATE TABLE rate_limit_counters (
  key            text        PRIMARY KEY,
  hits           integer     NOT NULL,
  window_ends_at timestamptz NOT NULL
);
CREATE INDEX rate_limit_counters_ends_idx ON rate_limit_counters (window_ends_at);
