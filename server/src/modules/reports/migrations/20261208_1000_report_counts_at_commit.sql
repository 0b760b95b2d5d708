-- Reports: the counts of a changed dossier cost a few statements, not a planning each time (issue 12).
--
-- report_apply was a SQL function: PostgreSQL parses and plans its three INSERTs (with report_facts inlined in each)
-- on every call, and that planning was most of the database's work for an online submission. The same statements in
-- PL/pgSQL are planned once per connection and reused.
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
END $$;

-- Every submission to an agency on a day adds 1 to the same three count rows (report_counts, report_agency_counts,
-- report_agency_months). Counted when the dossier row was written, early in the submitting transaction, those row
-- locks were held until its commit and queued every other submission to the agency behind it. Counted at commit (a
-- deferred constraint trigger: the same function, with the same OLD and NEW of each change), the locks are held only
-- while committing. Within the transaction the counts do not yet include its own changes; nothing reads them there.
DROP TRIGGER dossiers_report_counts ON dossiers;
CREATE CONSTRAINT TRIGGER dossiers_report_counts AFTER INSERT OR UPDATE OR DELETE ON dossiers
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION report_dossier_changed();
