-- Reports: the counts of a whole province by day (issue 17, the province dashboard at volume).
--
-- The dashboard's daily trend for a province summed report_agency_counts over every agency of the province: every
-- measure of every agency, channel and day of the period (11,554 rows for a month of 30 agencies), to keep four
-- measures. The same counts without the agency are one row per channel, day and measure. Keyed by the dossier's
-- province (the province of its authority agency, which a transfer between agencies keeps), maintained by the same
-- function as the other count tables, at the same time.
CREATE TABLE report_province_counts (
  province_code text    NOT NULL,
  channel       text    NOT NULL,
  day           date    NOT NULL,
  measure       text    NOT NULL,
  n             integer NOT NULL,
  PRIMARY KEY (province_code, day, measure, channel)
) WITH (fillfactor = 50);

CREATE OR REPLACE FUNCTION report_apply(old_d dossiers, new_d dossiers) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_counts AS c (agency_id, procedure_code, channel, day, measure, n)
    SELECT agency_id, procedure_code, channel, day, measure, sum(n) FROM (
      SELECT old_d.authority_agency_id AS agency_id, old_d.procedure_code AS procedure_code, old_d.channel AS channel,
             f.day, f.measure, -1 AS n FROM report_facts(old_d) f WHERE old_d.id IS NOT NULL
      UNION ALL
      SELECT new_d.authority_agency_id, new_d.procedure_code, new_d.channel, f.day, f.measure, 1
        FROM report_facts(new_d) f WHERE new_d.id IS NOT NULL
    ) x GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 4, 5, 2, 3
    ON CONFLICT (agency_id, day, measure, procedure_code, channel) DO UPDATE SET n = c.n + EXCLUDED.n;
  INSERT INTO report_agency_counts AS c (agency_id, channel, day, measure, n)
    SELECT agency_id, channel, day, measure, sum(n) FROM (
      SELECT old_d.authority_agency_id AS agency_id, old_d.channel AS channel, f.day, f.measure, -1 AS n
        FROM report_facts(old_d) f WHERE old_d.id IS NOT NULL
      UNION ALL
      SELECT new_d.authority_agency_id, new_d.channel, f.day, f.measure, 1
        FROM report_facts(new_d) f WHERE new_d.id IS NOT NULL
    ) x GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 3, 4, 2
    ON CONFLICT (agency_id, day, measure, channel) DO UPDATE SET n = c.n + EXCLUDED.n;
  INSERT INTO report_agency_months AS c (agency_id, channel, month, measure, n)
    SELECT agency_id, channel, month, measure, sum(n) FROM (
      SELECT old_d.authority_agency_id AS agency_id, old_d.channel AS channel,
             date_trunc('month', f.day)::date AS month, f.measure, -1 AS n
        FROM report_facts(old_d) f WHERE old_d.id IS NOT NULL
      UNION ALL
      SELECT new_d.authority_agency_id, new_d.channel, date_trunc('month', f.day)::date, f.measure, 1
        FROM report_facts(new_d) f WHERE new_d.id IS NOT NULL
    ) x GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 3, 4, 2
    ON CONFLICT (agency_id, month, measure, channel) DO UPDATE SET n = c.n + EXCLUDED.n;
  INSERT INTO report_province_counts AS c (province_code, channel, day, measure, n)
    SELECT province_code, channel, day, measure, sum(n) FROM (
      SELECT old_d.province_code AS province_code, old_d.channel AS channel, f.day, f.measure, -1 AS n
        FROM report_facts(old_d) f WHERE old_d.id IS NOT NULL
      UNION ALL
      SELECT new_d.province_code, new_d.channel, f.day, f.measure, 1
        FROM report_facts(new_d) f WHERE new_d.id IS NOT NULL
    ) x GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 3, 4, 2
    ON CONFLICT (province_code, day, measure, channel) DO UPDATE SET n = c.n + EXCLUDED.n;
END $$;

CREATE OR REPLACE FUNCTION report_event_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.type = 'result_issued' THEN
    UPDATE dossiers SET resolved_at = NEW.at WHERE id = NEW.dossier_id AND resolved_at IS NULL;
  ELSIF NEW.type IN ('refused', 'withdrawn', 'stopped', 'result_returned') THEN
    UPDATE dossiers SET closed_at = NEW.at WHERE id = NEW.dossier_id AND closed_at IS NULL;
  ELSIF NEW.type IN ('supplement_requested', 'extended') THEN
    INSERT INTO report_counts AS c (agency_id, procedure_code, channel, day, measure, n)
      SELECT authority_agency_id, procedure_code, channel, report_day(NEW.at), NEW.type, 1
        FROM dossiers WHERE id = NEW.dossier_id
      ON CONFLICT (agency_id, day, measure, procedure_code, channel) DO UPDATE SET n = c.n + 1;
    INSERT INTO report_agency_counts AS c (agency_id, channel, day, measure, n)
      SELECT authority_agency_id, channel, report_day(NEW.at), NEW.type, 1 FROM dossiers WHERE id = NEW.dossier_id
      ON CONFLICT (agency_id, day, measure, channel) DO UPDATE SET n = c.n + 1;
    INSERT INTO report_agency_months AS c (agency_id, channel, month, measure, n)
      SELECT authority_agency_id, channel, date_trunc('month', report_day(NEW.at))::date, NEW.type, 1
        FROM dossiers WHERE id = NEW.dossier_id
      ON CONFLICT (agency_id, month, measure, channel) DO UPDATE SET n = c.n + 1;
    INSERT INTO report_province_counts AS c (province_code, channel, day, measure, n)
      SELECT province_code, channel, report_day(NEW.at), NEW.type, 1 FROM dossiers WHERE id = NEW.dossier_id
      ON CONFLICT (province_code, day, measure, channel) DO UPDATE SET n = c.n + 1;
  END IF;
  RETURN NULL;
END $$;

-- The dossiers that exist already (a generated year takes a while here: it reads every dossier once).
INSERT INTO report_province_counts (province_code, channel, day, measure, n)
  SELECT province_code, channel, day, measure, sum(n) FROM (
    SELECT d.province_code, d.channel, f.day, f.measure, count(*) AS n
    FROM dossiers d CROSS JOIN LATERAL report_facts(d) f GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT d.province_code, d.channel, report_day(e.at), e.type, count(*)
    FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
    WHERE e.type IN ('supplement_requested', 'extended') GROUP BY 1, 2, 3, 4
  ) x GROUP BY 1, 2, 3, 4;
