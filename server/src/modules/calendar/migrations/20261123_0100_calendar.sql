-- Working calendar data (issue 5). The arithmetic lives in pure code; these tables hold what it is fed.

-- At most one row: the deployment's default way of counting working days, and a version stamp bumped by every
-- calendar change so that every app instance sees admin changes on its next lookup (no TTL). Absent means
-- version 0 and 'hours'; the first change creates it, so a freshly migrated database stays empty (restore).
CREATE TABLE calendar_state (
  id             int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  day_count_mode text NOT NULL DEFAULT 'hours' CHECK (day_count_mode IN ('hours', 'civil')),
  version        bigint NOT NULL DEFAULT 1,
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- A unit's own weekly working hours and reception windows (WeeklyHours JSON); units without a row
-- inherit from the nearest ancestor that has one, and the national default at the top.
CREATE TABLE calendar_unit_hours (
  unit_id    uuid PRIMARY KEY REFERENCES units (id),
  weekly     jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);

-- The official national schedule of a year (OfficialSchedule JSON, validated by parseOfficialSchedule).
CREATE TABLE calendar_official_schedules (
  year        int PRIMARY KEY CHECK (year BETWEEN 1900 AND 2199),
  schedule    jsonb NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  imported_by text
);

-- Closures, extra working days and Saturday reception announced by a unit (003 Đ9.2.a).
-- They apply to the unit and its descendants; the nearest unit's announcement wins for a date.
CREATE TABLE calendar_unit_days (
  unit_id      uuid NOT NULL REFERENCES units (id),
  date         date NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('closed', 'working', 'reception')),
  reason       text NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  hours        jsonb,
  announced_by text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (unit_id, date)
);
