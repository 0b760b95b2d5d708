-- Administrative units as dated data: the seeds' province → district → commune and the two-level
-- province → commune in force since 2025-07-01 (unit codes of QĐ 19/2025/QĐ-TTg) live side by side.
CREATE TABLE units (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code          text NOT NULL,
  name          text NOT NULL,
  level         text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  parent_id     uuid REFERENCES units (id),
  province_code text NOT NULL,
  valid_from    date NOT NULL DEFAULT DATE '1900-01-01',
  valid_to      date,
  successor_id  uuid REFERENCES units (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
-- A code is reused only after the unit carrying it has ended.
CREATE UNIQUE INDEX units_code_current_idx ON units (code) WHERE valid_to IS NULL;
CREATE INDEX units_parent_idx ON units (parent_id);

-- Agencies (cơ quan): departments, public service centres, People's Committees, branches.
CREATE TABLE agencies (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  short_name       text NOT NULL,
  name             text NOT NULL,
  type             text NOT NULL,
  unit_id          uuid NOT NULL REFERENCES units (id),
  parent_agency_id uuid REFERENCES agencies (id),
  address          text,
  email            text,
  hotline          text,
  valid_from       date NOT NULL DEFAULT DATE '1900-01-01',
  valid_to         date,
  successor_id     uuid REFERENCES agencies (id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX agencies_short_name_current_idx ON agencies (upper(short_name)) WHERE valid_to IS NULL;
CREATE INDEX agencies_unit_idx ON agencies (unit_id);

-- Electronic identifier codes (mã định danh) with their validity history; an agency may be re-issued a code.
CREATE TABLE agency_codes (
  agency_id  uuid NOT NULL REFERENCES agencies (id),
  code       text NOT NULL,
  format     text NOT NULL CHECK (format IN ('qd20', 'legacy')),
  valid_from date NOT NULL DEFAULT DATE '1900-01-01',
  valid_to   date,
  PRIMARY KEY (agency_id, code, valid_from)
);
CREATE UNIQUE INDEX agency_codes_current_idx ON agency_codes (code) WHERE valid_to IS NULL;

-- The one-stop desk and specialist departments of an agency.
CREATE TABLE departments (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  name      text NOT NULL,
  kind      text NOT NULL CHECK (kind IN ('one_stop_desk', 'specialist')),
  active    boolean NOT NULL DEFAULT true
);
CREATE INDEX departments_agency_idx ON departments (agency_id);
