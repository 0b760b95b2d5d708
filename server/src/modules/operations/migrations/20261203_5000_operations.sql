-- Operations (issue 18, ADR 0028): finished backup sets, declared outage windows, dossiers entered after an outage.

CREATE TABLE backup_runs (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind        text NOT NULL CHECK (kind IN ('daily', 'weekly', 'manual')),
  name        text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL,
  row_count   bigint NOT NULL,
  file_count  integer NOT NULL,
  removed     jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX backup_runs_kind_created ON backup_runs (kind, created_at DESC);

-- An outage (004 Đ7.3): the system was down from starts_at to ends_at; the desk worked on paper meanwhile.
-- agency_id NULL = every agency (the whole system was down).
CREATE TABLE outage_windows (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id         uuid REFERENCES agencies (id),
  starts_at         timestamptz NOT NULL,
  ends_at           timestamptz NOT NULL,
  reason            text NOT NULL,
  declared_by       uuid,
  declared_by_name  text,
  declared_at       timestamptz NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX outage_windows_starts ON outage_windows (starts_at);

-- A dossier received on paper during an outage and entered afterwards with its original times.
CREATE TABLE back_entries (
  dossier_id        uuid PRIMARY KEY REFERENCES dossiers (id),
  outage_id         uuid NOT NULL REFERENCES outage_windows (id),
  agency_id         uuid NOT NULL REFERENCES agencies (id),
  received_at       timestamptz NOT NULL,
  entered_at        timestamptz NOT NULL,
  entered_by        uuid NOT NULL,
  entered_by_name   text
);
CREATE INDEX back_entries_outage ON back_entries (outage_id, received_at);
CREATE INDEX back_entries_agency ON back_entries (agency_id, received_at);

-- /metrics counts dossiers by status and the overdue ones from this index alone (index-only scans).
CREATE INDEX dossiers_status_appointment_idx ON dossiers (status, appointment_at);
