-- Keyset pages of "Hồ sơ của tôi" and the reception queue (issue 19): each page is one index range in the list's
-- order, so neither a deep page nor a big table costs more. These replace the (owner, created_at) and the
-- submitted-only queue indexes, which sorted by another column than the lists do.
DROP INDEX IF EXISTS dossiers_applicant_idx;
DROP INDEX IF EXISTS dossiers_organisation_idx;
DROP INDEX IF EXISTS dossiers_reception_queue_idx;
CREATE INDEX dossiers_applicant_idx ON dossiers (applicant_user_id, submitted_at, id);
CREATE INDEX dossiers_organisation_idx ON dossiers (organisation_id, submitted_at, id)
  WHERE organisation_id IS NOT NULL;
CREATE INDEX dossiers_reception_queue_idx
  ON dossiers (receiving_agency_id, status, (coalesce(reception_due_at, 'infinity'::timestamptz)), submitted_at, id);
