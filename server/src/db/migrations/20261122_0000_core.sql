-- Extensions for Vietnamese search, available on PGlite and PostgreSQL alike.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE; an IMMUTABLE wrapper lets indexes use it. Folds case and Vietnamese diacritics (đ → d).
CREATE OR REPLACE FUNCTION vn_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- Job queue and transactional outbox: rows are written in the business transaction that causes them.
CREATE TABLE jobs (
  id           bigserial PRIMARY KEY,
  type         text        NOT NULL,
  payload      jsonb       NOT NULL DEFAULT '{}'::jsonb,
  status       text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'dead')),
  attempts     integer     NOT NULL DEFAULT 0,
  max_attempts integer     NOT NULL DEFAULT 8,
  run_at       timestamptz NOT NULL DEFAULT now(),
  locked_at    timestamptz,
  locked_by    text,
  last_error   text,
  dedupe_key   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz
);
CREATE INDEX jobs_ready_idx ON jobs (run_at) WHERE status = 'pending';
CREATE INDEX jobs_running_idx ON jobs (locked_at) WHERE status = 'running';
CREATE UNIQUE INDEX jobs_dedupe_idx ON jobs (dedupe_key) WHERE dedupe_key IS NOT NULL;

-- Append-only audit log; each row's hash covers the previous row's hash.
CREATE TABLE audit_log (
  seq         bigint      PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor_type  text        NOT NULL,
  actor_id    text,
  actor_name  text,
  action      text        NOT NULL,
  target_type text,
  target_id   text,
  details     jsonb       NOT NULL DEFAULT '{}'::jsonb,
  ip          text,
  user_agent  text,
  request_id  text,
  prev_hash   text        NOT NULL,
  hash        text        NOT NULL
);
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);

-- Stored responses of mutating requests, so a retry with the same Idempotency-Key gets the same answer.
CREATE TABLE idempotency_keys (
  scope        text        NOT NULL,
  key          text        NOT NULL,
  request_hash text        NOT NULL,
  status_code  integer     NOT NULL,
  response     jsonb       NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

-- Which demo/seed sets have been loaded, so seeding runs once.
CREATE TABLE seed_runs (
  name      text PRIMARY KEY,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

-- Append-only tables refuse UPDATE and DELETE; only someone who disables the trigger can tamper, and the hash chain shows it.
CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
