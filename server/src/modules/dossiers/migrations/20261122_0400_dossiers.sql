-- Dossiers: the current state is a projection of the append-only dossier_events; `version` guards every action.
CREATE TABLE dossiers (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Root administrative unit: the distribution key when one deployment hosts many provinces.
  province_code         text        NOT NULL,
  -- Given at submission so the applicant has a reference before the dossier code exists.
  submission_ref        text        NOT NULL UNIQUE,
  -- Dossier code (mã hồ sơ): assigned once at acceptance, never changed.
  code                  text        UNIQUE,
  procedure_code        text        NOT NULL,
  procedure_version_id  uuid        NOT NULL,
  channel               text        NOT NULL CHECK (channel IN ('online', 'counter', 'post')),
  postal_tracking_no    text,
  status                text        NOT NULL,
  version               integer     NOT NULL DEFAULT 1,
  applicant_user_id     uuid,
  organisation_id       uuid,
  applicant             jsonb       NOT NULL,
  form_data             jsonb       NOT NULL DEFAULT '{}'::jsonb,
  -- The three places of SPEC §5: where it was received, who decides, where the result goes.
  receiving_agency_id   uuid        NOT NULL REFERENCES agencies (id),
  authority_agency_id   uuid        NOT NULL REFERENCES agencies (id),
  result_agency_id      uuid        NOT NULL REFERENCES agencies (id),
  holding_agency_id     uuid        REFERENCES agencies (id),
  holding_department_id uuid        REFERENCES departments (id),
  submitted_at          timestamptz NOT NULL,
  reception_due_at      timestamptz,
  received_at           timestamptz,
  appointment_at        timestamptz,
  handover_at           timestamptz,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossiers_reception_queue_idx ON dossiers (receiving_agency_id, reception_due_at) WHERE status = 'submitted';
CREATE INDEX dossiers_applicant_idx ON dossiers (applicant_user_id, created_at DESC);
CREATE INDEX dossiers_organisation_idx ON dossiers (organisation_id, created_at DESC) WHERE organisation_id IS NOT NULL;
CREATE INDEX dossiers_holding_idx ON dossiers (holding_agency_id, status);

CREATE TABLE dossier_events (
  id          bigserial   PRIMARY KEY,
  dossier_id  uuid        NOT NULL REFERENCES dossiers (id),
  seq         integer     NOT NULL,
  type        text        NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_type  text        NOT NULL,
  actor_id    uuid,
  actor_name  text,
  channel     text,
  reason      text,
  data        jsonb       NOT NULL DEFAULT '{}'::jsonb,
  UNIQUE (dossier_id, seq)
);
CREATE TRIGGER dossier_events_append_only BEFORE UPDATE OR DELETE ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- One counter row per agency and day; the accepting transaction increments it under a row lock, so codes are
-- unique across processes and never come from process memory.
CREATE TABLE dossier_code_counters (
  agency_code text    NOT NULL,
  day         date    NOT NULL,
  last_value  integer NOT NULL,
  PRIMARY KEY (agency_code, day)
);
