-- The procedure's name as published in the version a dossier (or draft) references: lists and the public lookup
-- show it without reaching into the catalogue, and a later renaming does not rewrite history.
ALTER TABLE dossiers ADD COLUMN procedure_name text NOT NULL DEFAULT '';
ALTER TABLE dossier_drafts ADD COLUMN procedure_name text NOT NULL DEFAULT '';
