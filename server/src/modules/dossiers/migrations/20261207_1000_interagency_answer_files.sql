-- A partner agency's answer carries attachments (issue 14): the ids of the files it uploaded and attached when it
-- returned its part, as a consultation answer does (dossier_consultations.answer_file_ids).
ALTER TABLE dossier_interagency_tasks ADD COLUMN answer_file_ids jsonb NOT NULL DEFAULT '[]';
