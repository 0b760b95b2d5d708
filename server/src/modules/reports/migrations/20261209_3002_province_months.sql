-- Reports: the counts of a whole province by month (issue 17), beside the days (20261209_3001).
--
-- A whole province's totals and its breakdown by channel summed every agency's month rows (per agency, channel and
-- measure of every month up to the day asked: 13,000 rows read for 2,160 kept in June of a generated year). By
-- province they are one row per channel, month and measure; the days at either edge of a period come from
-- report_province_counts. Maintained with the other count tables by report_apply and report_event_added.
CREATE TABLE report_province_months (
  province_code text    NOT NULL,
  channel       text    NOT NULL,
  month         date    NOT NULL,
  measure       text    NOT NULL,
  n             integer NOT NULL,
  PRIMARY KEY (province_code, month, measure, channel)
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
  INSERT INTO report_province_months AS c (province_code, channel, month, measure, n)
    SELECT province_code, channel, month, measure, sum(n) FROM (
      SELECT old_d.province_code AS province_code, old_d.channel AS channel,
             date_trunc('month', f.day)::date AS month, f.measure, -1 AS n
        FROM report_facts(old_d) f WHERE old_d.id IS NOT NULL
      UNION ALL
      SELECT new_d.province_code, new_d.channel, date_trunc('month', f.day)::date, f.measure, 1
        FROM report_facts(new_d) f WHERE new_d.id IS NOT NULL
    ) x GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 3, 4, 2
    ON CONFLICT (province_code, month, measure, channel) DO UPDATE SET n = c.n + EXCLUDED.n;
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
    INSERT INTO report_province_months AS c (province_code, channel, month, measure, n)
      SELECT province_code, channel, date_trunc('month', report_day(NEW.at))::date, NEW.type, 1
        FROM dossiers WHERE id = NEW.dossier_id
      ON CONFLICT (province_code, month, measure, channel) DO UPDATE SET n = c.n + 1;
  END IF;
  RETURN NULL;
END $$;

-- The dossiers that exist already: their days, by month.
INSERT INTO report_province_months (province_code, channel, month, measure, n)
  SELECT province_code, channel, date_trunc('month', day)::date, measure, sum(n) FROM report_province_counts
  GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0;
