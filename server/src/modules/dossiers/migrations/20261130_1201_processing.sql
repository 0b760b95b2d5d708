-- Processing (issue 12): the workflow and processing time pinned at receipt (running dossiers keep their version's),
-- and the projection of the current step (its key, when it was entered, when it is due, who holds it).
ALTER TABLE dossiers ADD COLUMN workflow jsonb;
ALTER TABLE dossiers ADD COLUMN processing_time jsonb;
ALTER TABLE dossiers ADD COLUMN current_step text;
ALTER TABLE dossiers ADD COLUMN step_entered_at timestamptz;
ALTER TABLE dossiers ADD COLUMN step_due_at timestamptz;
ALTER TABLE dossiers ADD COLUMN handler_id uuid;
-- The inbox: a unit's dossiers in processing by step due time (keyset on (step_due_at, id)).
CREATE INDEX dossiers_inbox_idx ON dossiers (holding_agency_id, step_due_at, id) WHERE current_step IS NOT NULL;
