-- Every upload attempt of a person, so the per-minute rate and the bytes-per-day quota are counted in the database
-- and shared by all server processes. Rows older than two days are swept by the next attempt of the same person.
CREATE TABLE upload_attempts (
  id         bigserial   PRIMARY KEY,
  user_id    uuid        NOT NULL,
  bytes      bigint      NOT NULL,
  status     text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'refused')),
  created_at timestamptz NOT NULL
);
CREATE INDEX upload_attempts_user_idx ON upload_attempts (user_id, created_at);
