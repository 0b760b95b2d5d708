-- Procedure catalogue (danh mục TTHC, SPEC §3; 000 Đ4, 001 Đ5–6, 002 Đ5.1.a).
-- A procedure is identified by its code; its content lives in versions. Editing a published procedure creates
-- a new version and every version is kept, because each dossier references the version in force when submitted.

-- Downloadable form templates (mẫu đơn, tờ khai), stored in the database so backups carry them; deduplicated by hash.
CREATE TABLE procedure_forms (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name       text NOT NULL,
  file_name  text NOT NULL,
  media_type text NOT NULL,
  sha256     text NOT NULL UNIQUE,
  content    bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per procedure code; the catalogue fields of the current published version are copied here so search
-- reads one table through one trigram index.
CREATE TABLE procedures (
  code                 text PRIMARY KEY CHECK (code ~ '^[0-9A-Za-z.\-]{1,40}$'),
  status               text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
  current_version_id   uuid,
  name                 text NOT NULL,
  field                text NOT NULL,
  levels               text[] NOT NULL DEFAULT '{}',
  service_level        text NOT NULL,
  processing_time      jsonb NOT NULL,
  agency_ids           uuid[] NOT NULL DEFAULT '{}',
  search_text          text GENERATED ALWAYS AS (vn_fold(code || ' ' || name || ' ' || field)) STORED,
  retired_at           timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX procedures_search_trgm_idx ON procedures USING gin (search_text gin_trgm_ops);
CREATE INDEX procedures_field_idx ON procedures (field);
CREATE INDEX procedures_agencies_idx ON procedures USING gin (agency_ids);

CREATE TABLE procedure_versions (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  procedure_code       text NOT NULL REFERENCES procedures (code),
  version_no           integer NOT NULL CHECK (version_no > 0),
  status               text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'superseded')),
  name                 text NOT NULL,
  field                text NOT NULL,
  levels               text[] NOT NULL,
  steps                jsonb NOT NULL,
  methods              text[] NOT NULL,
  processing_time      jsonb NOT NULL,
  subjects             jsonb NOT NULL,
  results              jsonb NOT NULL,
  fees                 jsonb NOT NULL,
  conditions           jsonb NOT NULL,
  legal_basis          jsonb NOT NULL,
  service_level        text NOT NULL CHECK (service_level IN ('full_online', 'partial_online', 'information_only')),
  digitally_signed_result boolean NOT NULL DEFAULT false,
  inter_agency         boolean NOT NULL DEFAULT false,
  boundary_free        boolean NOT NULL DEFAULT false,
  eform                jsonb,
  -- The announcing decision (quyết định công bố) and the 5-working-day publication deadline (001 Đ6, Đ22.3).
  decision_number      text,
  decision_date        date,
  publication_deadline date,
  change_note          text,
  created_by           text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  published_at         timestamptz,
  superseded_at        timestamptz,
  UNIQUE (procedure_code, version_no),
  CHECK (status = 'draft' OR published_at IS NOT NULL)
);
-- At most one draft and one published version per procedure.
CREATE UNIQUE INDEX procedure_versions_one_draft_idx ON procedure_versions (procedure_code) WHERE status = 'draft';
CREATE UNIQUE INDEX procedure_versions_one_published_idx ON procedure_versions (procedure_code) WHERE status = 'published';
-- procedures.current_version_id is kept by the service, not a foreign key: versions already reference procedures,
-- and the backup orders tables by foreign keys, which must not form a cycle.

-- Implementing agencies and inter-agency (liên thông) partners of a version, referencing real agencies.
CREATE TABLE procedure_version_agencies (
  version_id uuid NOT NULL REFERENCES procedure_versions (id) ON DELETE CASCADE,
  agency_id  uuid NOT NULL REFERENCES agencies (id),
  role       text NOT NULL CHECK (role IN ('implementing', 'inter_agency')),
  position   integer NOT NULL DEFAULT 0,
  PRIMARY KEY (version_id, agency_id, role)
);
CREATE INDEX procedure_version_agencies_agency_idx ON procedure_version_agencies (agency_id);

-- Dossier components (thành phần hồ sơ) with copies, whether an original must be shown and the form template.
CREATE TABLE procedure_components (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version_id        uuid NOT NULL REFERENCES procedure_versions (id) ON DELETE CASCADE,
  position          integer NOT NULL,
  name              text NOT NULL,
  originals         integer NOT NULL DEFAULT 0 CHECK (originals >= 0),
  copies            integer NOT NULL DEFAULT 0 CHECK (copies >= 0),
  original_required boolean NOT NULL DEFAULT false,
  required          boolean NOT NULL DEFAULT true,
  form_id           uuid REFERENCES procedure_forms (id),
  UNIQUE (version_id, position)
);
