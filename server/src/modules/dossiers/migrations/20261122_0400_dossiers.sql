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
  result_channel        text        NOT NULL DEFAULT 'online',
  sets                  integer     NOT NULL DEFAULT 1,
  attachments_revision  integer     NOT NULL DEFAULT 1,
  -- The latest supplement request / refusal, projected from the events for display.
  supplement_items      jsonb,
  refusal               jsonb,
  register_book         text,
  register_entry        integer,
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

-- Uploaded files (bytes in the content-addressed FileStore); a dossier refers to them through attachment rows.
CREATE TABLE dossier_files (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_user_id uuid        NOT NULL,
  sha256        text        NOT NULL,
  name          text        NOT NULL,
  media_type    text        NOT NULL,
  size          bigint      NOT NULL,
  pages         integer     NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_files_owner_idx ON dossier_files (owner_user_id, created_at DESC);

-- Every revision of a dossier's attachments is kept: an amendment or supplement appends a new revision, the
-- dossier row points at the current one. Rows are never updated or deleted.
CREATE TABLE dossier_attachments (
  id             bigserial PRIMARY KEY,
  dossier_id     uuid      NOT NULL REFERENCES dossiers (id),
  revision       integer   NOT NULL,
  component_code text      NOT NULL,
  component_name text      NOT NULL,
  copy_kind      text      CHECK (copy_kind IN ('original', 'certified_copy', 'photocopy')),
  copies         integer,
  original_shown boolean,
  page_count     integer   NOT NULL DEFAULT 0,
  file_ids       uuid[]    NOT NULL,
  UNIQUE (dossier_id, revision, component_code)
);
CREATE TRIGGER dossier_attachments_append_only BEFORE UPDATE OR DELETE ON dossier_attachments
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Rendered forms (Mẫu 01 receipt, 02 supplement request, 03 refusal), bytes in the FileStore.
CREATE TABLE dossier_documents (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id   uuid        NOT NULL REFERENCES dossiers (id),
  kind         text        NOT NULL CHECK (kind IN ('receipt', 'supplement_request', 'refusal')),
  template_set text        NOT NULL,
  sha256       text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_documents_dossier_idx ON dossier_documents (dossier_id);

-- Drafts: autosaved, resumable on any device; `version` stops two devices overwriting each other.
CREATE TABLE dossier_drafts (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_user_id  uuid        NOT NULL,
  procedure_code text        NOT NULL,
  content        jsonb       NOT NULL,
  version        integer     NOT NULL DEFAULT 1,
  closed_at      timestamptz,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_drafts_owner_idx ON dossier_drafts (owner_user_id, updated_at DESC) WHERE closed_at IS NULL;

-- Register book (Sổ theo dõi hồ sơ) entry numbers per receiving agency and year, from the database.
CREATE TABLE dossier_register_counters (
  agency_id  uuid    NOT NULL,
  year       integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (agency_id, year)
);

-- Every message to an applicant (portal inbox, email, SMS) with its delivery status; the queue delivers and retries.
CREATE TABLE dossier_messages (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id     uuid        NOT NULL REFERENCES dossiers (id),
  user_id        uuid,
  kind           text        NOT NULL,
  channel        text        NOT NULL CHECK (channel IN ('portal', 'email', 'sms')),
  recipient      text,
  locale         text        NOT NULL,
  subject        text        NOT NULL,
  body           text        NOT NULL,
  status         text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
  attempts       integer     NOT NULL DEFAULT 0,
  last_error     text,
  sent_at        timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_messages_inbox_idx ON dossier_messages (user_id, created_at DESC) WHERE channel = 'portal';
