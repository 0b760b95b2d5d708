-- Portal messages written at the same instant (one action, or a test's fixed clock) keep the order they were
-- written in: newest first by time, then by this sequence, never by chance.
ALTER TABLE dossier_messages ADD COLUMN seq bigserial;
DROP INDEX dossier_messages_inbox_idx;
CREATE INDEX dossier_messages_inbox_idx ON dossier_messages (user_id, created_at DESC, seq DESC) WHERE channel = 'portal';
