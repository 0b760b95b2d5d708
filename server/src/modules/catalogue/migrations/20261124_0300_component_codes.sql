-- A stable code per dossier component (thành phần hồ sơ): intake keys attachments by it. Stored versions get the
-- codes their components had implicitly (their position, from 1), which is what dossiers already hold.
ALTER TABLE procedure_components ADD COLUMN code text;
UPDATE procedure_components SET code = 'TP' || (position + 1);
ALTER TABLE procedure_components ALTER COLUMN code SET NOT NULL;
CREATE UNIQUE INDEX procedure_components_code_idx ON procedure_components (version_id, code);
