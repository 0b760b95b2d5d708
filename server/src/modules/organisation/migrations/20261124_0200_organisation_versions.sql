-- Optimistic concurrency for admin edits of units and agencies: every change bumps `version`, and an edit carrying a
-- stale version is refused (409) instead of silently overwriting someone else's change.
ALTER TABLE units ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE agencies ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE agencies ADD CONSTRAINT agencies_valid_range CHECK (valid_to IS NULL OR valid_to > valid_from);
-- At most one one-stop desk per agency (renamed in place, never a second one).
CREATE UNIQUE INDEX departments_one_desk_idx ON departments (agency_id) WHERE kind = 'one_stop_desk';
