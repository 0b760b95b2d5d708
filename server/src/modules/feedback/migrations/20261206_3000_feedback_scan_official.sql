-- Feedback entered by staff from a letter keeps the scan of the letter (issue 16: "letter scanned"), stored in the
-- file store by its sha256; feedback naming an official records who was named, once matched to one staff account.
ALTER TABLE feedback_items ADD COLUMN scan_sha256 text;
ALTER TABLE feedback_items ADD COLUMN scan_media_type text;
ALTER TABLE feedback_items ADD COLUMN scan_name text;
ALTER TABLE feedback_items ADD COLUMN scan_size integer;
ALTER TABLE feedback_items ADD COLUMN official_id uuid;
