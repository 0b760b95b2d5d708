-- The office inbox (issue 12): who holds the current step when nobody is assigned — the step's role and the unit it is
-- held in — derived by the database from the pinned workflow and the projection, so no writer can forget them.
-- step_unit_id: the responsible department (holder 'department'), the holding agency ('agency'), or the desk's agency
-- ('desk': the result agency from the result step on, else the receiving agency).
ALTER TABLE dossiers ADD COLUMN step_role text GENERATED ALWAYS AS (
  jsonb_path_query_first(workflow, ('$.steps[*] ? (@.key == "' || current_step || '")')::jsonpath) ->> 'role'
) STORED;
ALTER TABLE dossiers ADD COLUMN step_unit_id uuid GENERATED ALWAYS AS (
  CASE jsonb_path_query_first(workflow, ('$.steps[*] ? (@.key == "' || current_step || '")')::jsonpath) ->> 'holder'
    WHEN 'department' THEN holding_department_id
    WHEN 'agency' THEN holding_agency_id
    WHEN 'desk' THEN CASE
      WHEN jsonb_path_query_first(workflow, ('$.steps[*] ? (@.key == "' || current_step || '")')::jsonpath) ->> 'kind'
        IN ('result_to_desk', 'return') THEN result_agency_id
      ELSE receiving_agency_id END
  END
) STORED;
-- Every inbox scope is one index range in (step due time, id) order, the keyset of its pages, over the running steps
-- (a step with a due time, not the result waiting at the desk): "mine" = the handler's steps + the unassigned steps of my
-- role in my units; "department"; "agency". The counts read the same ranges, index-only (handler_id is in each index).
CREATE INDEX dossiers_inbox_handler_idx ON dossiers (handler_id, step_due_at, id)
  WHERE current_step IS NOT NULL AND step_due_at IS NOT NULL AND status <> 'result_ready' AND handler_id IS NOT NULL;
CREATE INDEX dossiers_inbox_unassigned_idx ON dossiers (step_unit_id, step_role, step_due_at, id)
  WHERE current_step IS NOT NULL AND step_due_at IS NOT NULL AND status <> 'result_ready' AND handler_id IS NULL;
CREATE INDEX dossiers_inbox_department_idx ON dossiers (holding_department_id, step_due_at, id) INCLUDE (handler_id)
  WHERE current_step IS NOT NULL AND step_due_at IS NOT NULL AND status <> 'result_ready';
CREATE INDEX dossiers_inbox_agency_idx ON dossiers (holding_agency_id, step_due_at, id) INCLUDE (handler_id)
  WHERE current_step IS NOT NULL AND step_due_at IS NOT NULL AND status <> 'result_ready';
-- The desk's chase list: its agency's running dossiers by appointment (002 Đ5.1.e).
CREATE INDEX dossiers_chase_idx ON dossiers (receiving_agency_id, appointment_at, id)
  WHERE current_step IS NOT NULL;

-- Warnings sent (due soon / overdue), once per step instance (dossier, step entry) and kind.
CREATE TABLE processing_warnings (
  dossier_id      uuid        NOT NULL REFERENCES dossiers (id),
  step_entered_at timestamptz NOT NULL,
  kind            text        NOT NULL CHECK (kind IN ('due_soon', 'overdue')),
  step            text        NOT NULL,
  recipients      integer     NOT NULL,
  sent_at         timestamptz NOT NULL,
  PRIMARY KEY (dossier_id, step_entered_at, kind)
);
