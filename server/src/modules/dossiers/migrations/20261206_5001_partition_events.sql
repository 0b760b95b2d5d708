-- dossier_events is partitioned by month of `at` (issue 19, ADR 0029): the table grows without end (tens of millions
-- of rows a year in a big province), and a query that names a period then reads only that period's partitions; an old
-- month can be detached to archive storage whole (`npx motcua partitions detach`).
-- Months are Vietnam months (+07, no daylight saving): what reports and registers call a month. The primary key must
-- include the partition key, so it is (id, at); (dossier_id, seq) stays indexed but unique only per partition — the
-- appending transaction holds the dossier row (its version update), which is what keeps seq free of races.
-- A DEFAULT partition takes anything outside the created months (back-entered history, far future), so an insert never
-- fails for a missing month; the daily `dossiers.partitions` job creates the coming months ahead.
ALTER TABLE dossier_events RENAME TO dossier_events_unpartitioned;
ALTER INDEX dossier_events_pkey RENAME TO dossier_events_unpartitioned_pkey;
ALTER INDEX dossier_events_dossier_id_seq_key RENAME TO dossier_events_unpartitioned_dossier_id_seq_key;

CREATE TABLE dossier_events (
  id          bigint      NOT NULL DEFAULT nextval('dossier_events_id_seq'),
  dossier_id  uuid        NOT NULL REFERENCES dossiers (id),
  seq         integer     NOT NULL,
  type        text        NOT NULL,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_type  text        NOT NULL,
  actor_id    uuid,
  actor_name  text,
  channel     text,
  reason      text,
  data        jsonb       NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE INDEX dossier_events_dossier_idx ON dossier_events (dossier_id, seq);
CREATE INDEX dossier_events_at_idx ON dossier_events (at);
CREATE TABLE dossier_events_default PARTITION OF dossier_events DEFAULT;

-- The months of the events there are (none: from last month), up to three months ahead.
DO $$
DECLARE
  m date;
  last date := (date_trunc('month', now() AT TIME ZONE INTERVAL '+07:00') + interval '3 months')::date;
BEGIN
  SELECT least(coalesce(min(at), now()), now() - interval '1 month') INTO m FROM dossier_events_unpartitioned;
  m := date_trunc('month', m AT TIME ZONE INTERVAL '+07:00')::date;
  WHILE m <= last LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF dossier_events FOR VALUES FROM (%L) TO (%L)',
      'dossier_events_' || to_char(m, 'YYYY_MM'),
      (m::text || ' 00:00:00+07')::timestamptz,
      ((m + interval '1 month')::date::text || ' 00:00:00+07')::timestamptz);
    m := (m + interval '1 month')::date;
  END LOOP;
END $$;

-- Rows first (no trigger has run on them twice), then every trigger the old table had, as it was defined.
INSERT INTO dossier_events SELECT * FROM dossier_events_unpartitioned;
ALTER SEQUENCE dossier_events_id_seq OWNED BY dossier_events.id;
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger
            WHERE tgrelid = 'dossier_events_unpartitioned'::regclass AND NOT tgisinternal LOOP
    EXECUTE regexp_replace(t.def, ' ON (public\.)?dossier_events_unpartitioned ', ' ON dossier_events ');
  END LOOP;
END $$;
DROP TABLE dossier_events_unpartitioned;
ANALYZE dossier_events;
