-- The processing workflow of a procedure version (issue 12): ordered steps with role, holder and budget. NULL = the
-- default workflow for the version's processing time (server/src/modules/catalogue/workflow.ts).
ALTER TABLE procedure_versions ADD COLUMN workflow jsonb;
