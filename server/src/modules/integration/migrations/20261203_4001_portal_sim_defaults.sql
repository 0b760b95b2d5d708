-- The simulator's settings row is written on first control, not by the migration: a freshly migrated database must be
-- empty for `motcua restore` (defaults are read when the row is absent).
DELETE FROM portal_sim_settings
WHERE id = 1 AND drop_rate = 0 AND fail_rate = 0 AND error_status = 503 AND lag_ms = 0;
