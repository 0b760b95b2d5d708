-- Reports (issue 17): counts maintained as dossiers change, never recomputed (ADR 0025).
--
-- Two times the dossier row did not carry: when the result was issued (resolved) and when the dossier reached its
-- final status (refused, withdrawn, stopped, returned). They are copied from the events by a trigger on
-- dossier_events, so a plain GROUP BY over dossiers can recompute every count (the tests and bench/reports do).
ALTER TABLE dossiers ADD COLUMN resolved_at timestamptz;
ALTER TABLE dossiers ADD COLUMN closed_at timestamptz;

-- Day in Vietnam (UTC+7, no daylight saving) of an instant: every report counts by this day.
CREATE FUNCTION report_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ((t AT TIME ZONE 'UTC') + interval '7 hours')::date
$$;

-- The facts one dossier row contributes: (day, measure) pairs, each at most once.
--   submitted       day of submission (online or at the counter)
--   received        day of acceptance (the processing clock starts)
--   due             appointment day of a received dossier (its final appointment)
--   resolved_early  result issued on a day before the appointment day
--   resolved_on_time result issued on the appointment day, not after the appointment time
--   resolved_late   result issued after the appointment time
--   refused / withdrawn / stopped / returned   day the dossier reached that final status
--   settled         day a received dossier stopped being in progress (result issued or stopped)
--   due_settled     max(appointment day, settled day): with `due`, the dossiers in progress and late at the end of a
--                   day B are Σ due(day ≤ B) − Σ due_settled(day ≤ B) (due ≤ B < settled)
CREATE FUNCTION report_facts(d dossiers) RETURNS TABLE (day date, measure text) LANGUAGE sql IMMUTABLE AS $$
  SELECT v.day, v.measure FROM (VALUES
    (report_day(d.submitted_at), 'submitted', true),
    (report_day(d.received_at), 'received', d.received_at IS NOT NULL),
    (report_day(d.appointment_at), 'due', d.received_at IS NOT NULL AND d.appointment_at IS NOT NULL),
    (report_day(d.resolved_at),
      CASE WHEN d.appointment_at IS NOT NULL AND d.resolved_at > d.appointment_at THEN 'resolved_late'
           WHEN d.appointment_at IS NOT NULL AND report_day(d.resolved_at) < report_day(d.appointment_at)
             THEN 'resolved_early'
           ELSE 'resolved_on_time' END,
      d.resolved_at IS NOT NULL),
    (report_day(d.closed_at), d.status,
      d.closed_at IS NOT NULL AND d.status IN ('refused', 'withdrawn', 'stopped', 'returned')),
    (report_day(COALESCE(d.resolved_at, CASE WHEN d.status = 'stopped' THEN d.closed_at END)), 'settled',
      d.received_at IS NOT NULL
      AND COALESCE(d.resolved_at, CASE WHEN d.status = 'stopped' THEN d.closed_at END) IS NOT NULL),
    (greatest(report_day(d.appointment_at),
      report_day(COALESCE(d.resolved_at, CASE WHEN d.status = 'stopped' THEN d.closed_at END))), 'due_settled',
      d.received_at IS NOT NULL AND d.appointment_at IS NOT NULL
      AND COALESCE(d.resolved_at, CASE WHEN d.status = 'stopped' THEN d.closed_at END) IS NOT NULL)
  ) v (day, measure, counted) WHERE v.counted
$$;

-- Counts per authority agency × procedure × channel × day × measure (the drill-down's grain).
CREATE TABLE report_counts (
  agency_id      uuid    NOT NULL,
  procedure_code text    NOT NULL,
  channel        text    NOT NULL,
  day            date    NOT NULL,
  measure        text    NOT NULL,
  n              integer NOT NULL,
  PRIMARY KEY (agency_id, day, measure, procedure_code, channel)
);
-- The same without the procedure: what the dashboard, the periodic report and the index read for a whole agency.
CREATE TABLE report_agency_counts (
  agency_id uuid    NOT NULL,
  channel   text    NOT NULL,
  day       date    NOT NULL,
  measure   text    NOT NULL,
  n         integer NOT NULL,
  PRIMARY KEY (agency_id, day, measure, channel)
);
-- The same per month (first day of the month): what sums over long spans read (carried over, in progress).
CREATE TABLE report_agency_months (
  agency_id uuid    NOT NULL,
  channel   text    NOT NULL,
  month     date    NOT NULL,
  measure   text    NOT NULL,
  n         integer NOT NULL,
  PRIMARY KEY (agency_id, month, measure, channel)
);
-- Time spent in each workflow step, per agency and day the step ended (the slowest steps).
CREATE TABLE report_step_counts (
  agency_id uuid    NOT NULL,
  step      text    NOT NULL,
  day       date    NOT NULL,
  n         integer NOT NULL,
  minutes   bigint  NOT NULL,
  PRIMARY KEY (agency_id, day, step)
);

-- Applies signed facts in key order (two transactions never lock the same count rows in opposite orders).
CREATE FUNCTION report_apply(old_d dossiers, new_d dossiers) RETURNS void LANGUAGE sql AS $$
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
$$;

CREATE FUNCTION report_dossier_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  none dossiers;
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM report_apply(none, NEW);
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM report_apply(OLD, none);
    RETURN NULL;
  END IF;
  IF (OLD.authority_agency_id, OLD.procedure_code, OLD.channel, OLD.status, OLD.submitted_at, OLD.received_at,
      OLD.appointment_at, OLD.resolved_at, OLD.closed_at) IS DISTINCT FROM
     (NEW.authority_agency_id, NEW.procedure_code, NEW.channel, NEW.status, NEW.submitted_at, NEW.received_at,
      NEW.appointment_at, NEW.resolved_at, NEW.closed_at) THEN
    PERFORM report_apply(OLD, NEW);
  END IF;
  -- A step ended: the time it took, counted on the day the next step (or the end of processing) began.
  IF OLD.current_step IS NOT NULL AND OLD.step_entered_at IS NOT NULL
     AND NEW.step_entered_at IS DISTINCT FROM OLD.step_entered_at AND NEW.step_entered_at IS NOT NULL THEN
    INSERT INTO report_step_counts AS c (agency_id, step, day, n, minutes)
      VALUES (COALESCE(OLD.holding_agency_id, OLD.authority_agency_id), OLD.current_step,
              report_day(NEW.step_entered_at), 1,
              greatest(0, floor(extract(epoch FROM NEW.step_entered_at - OLD.step_entered_at) / 60))::bigint)
      ON CONFLICT (agency_id, day, step) DO UPDATE SET n = c.n + 1, minutes = c.minutes + EXCLUDED.minutes;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER dossiers_report_counts AFTER INSERT OR UPDATE OR DELETE ON dossiers
  FOR EACH ROW EXECUTE FUNCTION report_dossier_changed();

-- The event times the counts need, and the two counts that are events rather than dossier states.
CREATE FUNCTION report_event_added() RETURNS trigger LANGUAGE plpgsql AS $$
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
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER dossier_events_report AFTER INSERT ON dossier_events
  FOR EACH ROW EXECUTE FUNCTION report_event_added();

-- Dossiers that exist already: their times from the events, then their counts.
UPDATE dossiers d SET resolved_at = e.at FROM (
  SELECT dossier_id, min(at) AS at FROM dossier_events WHERE type = 'result_issued' GROUP BY dossier_id
) e WHERE e.dossier_id = d.id;
UPDATE dossiers d SET closed_at = e.at FROM (
  SELECT dossier_id, min(at) AS at FROM dossier_events
  WHERE type IN ('refused', 'withdrawn', 'stopped', 'result_returned') GROUP BY dossier_id
) e WHERE e.dossier_id = d.id;
DELETE FROM report_counts;
DELETE FROM report_agency_counts;
DELETE FROM report_agency_months;
INSERT INTO report_counts (agency_id, procedure_code, channel, day, measure, n)
  SELECT d.authority_agency_id, d.procedure_code, d.channel, f.day, f.measure, count(*)
  FROM dossiers d CROSS JOIN LATERAL report_facts(d) f GROUP BY 1, 2, 3, 4, 5;
INSERT INTO report_counts (agency_id, procedure_code, channel, day, measure, n)
  SELECT d.authority_agency_id, d.procedure_code, d.channel, report_day(e.at), e.type, count(*)
  FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
  WHERE e.type IN ('supplement_requested', 'extended') GROUP BY 1, 2, 3, 4, 5;
INSERT INTO report_agency_counts (agency_id, channel, day, measure, n)
  SELECT agency_id, channel, day, measure, sum(n) FROM report_counts GROUP BY 1, 2, 3, 4;
INSERT INTO report_agency_months (agency_id, channel, month, measure, n)
  SELECT agency_id, channel, date_trunc('month', day)::date, measure, sum(n) FROM report_counts GROUP BY 1, 2, 3, 4;

-- Drill-down: the dossiers of an agency by submission and by receipt, newest first (keyset on (time, id)).
CREATE INDEX dossiers_report_submitted_idx ON dossiers (authority_agency_id, submitted_at, id);
CREATE INDEX dossiers_report_open_idx ON dossiers (authority_agency_id, appointment_at, id)
  WHERE received_at IS NOT NULL AND resolved_at IS NULL AND closed_at IS NULL;

-- The data generator's finished batches (`npx motcua generate`): a rerun continues after the last one.
CREATE TABLE report_generator_batches (
  run     text        NOT NULL,
  batch   integer     NOT NULL,
  rows    integer     NOT NULL,
  done_at timestamptz NOT NULL,
  PRIMARY KEY (run, batch)
);
