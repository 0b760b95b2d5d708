-- Numbers of the result documents generated from a procedure's template (issue 12): per agency with authority and
-- year, taken inside the result action's transaction like the register's entries.
CREATE TABLE result_number_counters (
  agency_id  uuid    NOT NULL,
  year       integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (agency_id, year)
);
