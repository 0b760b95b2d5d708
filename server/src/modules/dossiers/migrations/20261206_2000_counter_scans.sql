-- Components received on paper at the counter and scanned into the dossier (ND 45/2020 Đ18, conversion of paper
-- documents to electronic; issue 15): who certified the scan as true to the paper, and when. Null for files the
-- applicant sent electronically and for paper components without a scan.
ALTER TABLE dossier_attachments
  ADD COLUMN scan_certified_by uuid,
  ADD COLUMN scan_certified_by_name text,
  ADD COLUMN scan_certified_at timestamptz;
