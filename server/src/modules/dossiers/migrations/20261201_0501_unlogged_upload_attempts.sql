-- Upload attempts only feed the per-person rate and daily quota: they need not survive a crash (the windows then
-- start afresh), so they skip the write-ahead log and an upload does not wait for a disk flush to count itself.
ALTER TABLE upload_attempts SET UNLOGGED;
