-- A procedure version can take effect on a future date (issue 12): published with that date, it is `scheduled` until
-- then; the version in force is resolved by date (published_at ≤ t < superseded_at), so no job is needed to switch.
ALTER TABLE procedure_versions DROP CONSTRAINT procedure_versions_status_check;
ALTER TABLE procedure_versions ADD CONSTRAINT procedure_versions_status_check
  CHECK (status IN ('draft', 'scheduled', 'published', 'superseded'));
-- At most one version waiting for its date per procedure.
CREATE UNIQUE INDEX procedure_versions_one_scheduled_idx ON procedure_versions (procedure_code) WHERE status = 'scheduled';
-- When the version was announced (the editor published it); published_at is when it takes effect. The publication
-- deadline (001 Đ6, Đ22.3) is met by the announcement, whatever the effective date.
ALTER TABLE procedure_versions ADD COLUMN announced_at timestamptz;
