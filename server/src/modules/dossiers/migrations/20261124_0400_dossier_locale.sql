-- The language of the submission request (Accept-Language): the applicant's messages fall back to it when their
-- account has no preferred language. Null for counter and postal dossiers (Vietnamese).
ALTER TABLE dossiers ADD COLUMN locale text CHECK (locale IN ('vi', 'en'));
