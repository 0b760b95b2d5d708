-- Signed results (issue 15): every signed result document, content-addressed (sha256 of the signed PDF in the file
-- store), linked to its dossier and never changed. A correction is a new row naming the one it supersedes and why
-- (003 Đ15); the current result of a dossier is the one nothing supersedes.
CREATE TABLE signed_results (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id     uuid        NOT NULL,
  dossier_code   text        NOT NULL,
  document_number text       NOT NULL,
  kind           text        NOT NULL CHECK (kind IN ('granted', 'refused')),
  sha256         text        NOT NULL UNIQUE,
  agency_id      uuid        NOT NULL,
  signer_name    text        NOT NULL,
  signed_by      uuid,
  signed_at      timestamptz NOT NULL,
  signer_kind    text        NOT NULL CHECK (signer_kind IN ('local', 'remote')),
  supersedes_id  uuid UNIQUE REFERENCES signed_results (id),
  correction_reason text,
  CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL))
);
CREATE INDEX signed_results_dossier ON signed_results (dossier_id, signed_at);
CREATE INDEX signed_results_code ON signed_results (dossier_code);
