-- Inter-agency processing (liên thông, issue 14; 000 Đ8, 001 Đ11): one row per partner agency's part of a dossier,
-- the projection of the dossier's interagency_* events, written in the same transaction as each event.
CREATE TABLE dossier_interagency_tasks (
  id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id        uuid        NOT NULL REFERENCES dossiers (id),
  -- sequential (paper: one after another in the desk's order) or parallel (electronic: all at once).
  mode              text        NOT NULL CHECK (mode IN ('sequential', 'parallel')),
  position          integer     NOT NULL,
  lead_agency_id    uuid        NOT NULL,
  lead_agency_name  text        NOT NULL,
  agency_id         uuid        NOT NULL,
  agency_name       text        NOT NULL,
  task              jsonb       NOT NULL,
  working_days      integer     NOT NULL CHECK (working_days > 0),
  status            text        NOT NULL CHECK (status IN ('waiting', 'open', 'done')),
  opened_at         timestamptz,
  -- opened_at + working_days in the partner's calendar; null while waiting for its turn.
  due_at            timestamptz,
  overdue_warned_at timestamptz,
  done_at           timestamptz,
  done_by           uuid,
  done_by_name      text,
  outcome           text,
  UNIQUE (dossier_id, position)
);
-- The partner's list, open first by due time.
CREATE INDEX dossier_interagency_tasks_agency_idx ON dossier_interagency_tasks (agency_id, status, due_at);
-- The warnings job: open, past due, not yet flagged.
CREATE INDEX dossier_interagency_tasks_overdue_idx ON dossier_interagency_tasks (due_at)
  WHERE status = 'open' AND overdue_warned_at IS NULL;
