-- Forms issued during processing are stored with the dossier too (issue 12): the apology and extension (Mẫu 04), the
-- notice that processing stopped (TT 03/2025 Mẫu 05), and a result document generated from the procedure's template.
ALTER TABLE dossier_documents DROP CONSTRAINT IF EXISTS dossier_documents_kind_check;
ALTER TABLE dossier_documents ADD CONSTRAINT dossier_documents_kind_check
  CHECK (kind IN ('receipt', 'supplement_request', 'refusal', 'apology', 'stop_processing', 'result'));
