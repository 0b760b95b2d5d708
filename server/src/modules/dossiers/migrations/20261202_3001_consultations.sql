-- Consultation (lấy ý kiến, issue 14; 003 Đ13.5): one row per consulted unit, the projection of the dossier's
-- consultation_* events, written in the same transaction as each event. Names are snapshotted for the slip and lists.
CREATE TABLE dossier_consultations (
  id                      uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id              uuid        NOT NULL REFERENCES dossiers (id),
  -- Who asks: the handler of the appraisal, in the dossier's holding agency and department.
  from_agency_id          uuid        NOT NULL,
  from_agency_name        text        NOT NULL,
  from_department_id      uuid,
  from_department_name    text,
  requested_by            uuid        NOT NULL,
  requested_by_name       text        NOT NULL,
  -- Who is asked: an agency, or one of its departments.
  to_agency_id            uuid        NOT NULL,
  to_agency_name          text        NOT NULL,
  to_department_id        uuid,
  to_department_name      text,
  -- The order of the units in the request (one request, several rows).
  position                integer     NOT NULL DEFAULT 0,
  content                 text        NOT NULL,
  file_ids                jsonb       NOT NULL DEFAULT '[]',
  working_days            integer     NOT NULL CHECK (working_days > 0),
  requested_at            timestamptz NOT NULL,
  -- requested_at + working_days in the consulted agency's calendar.
  due_at                  timestamptz NOT NULL,
  status                  text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'declined', 'closed')),
  overdue_warned_at       timestamptz,
  answered_at             timestamptz,
  answered_by             uuid,
  answered_by_name        text,
  opinion                 text,
  answer_file_ids         jsonb,
  closed_at               timestamptz,
  silence_means_agreement boolean,
  legal_basis             text
);
CREATE INDEX dossier_consultations_dossier_idx ON dossier_consultations (dossier_id, requested_at);
-- The consulted unit's list, open first by due time.
CREATE INDEX dossier_consultations_to_idx ON dossier_consultations (to_agency_id, status, due_at);
-- The warnings job: open, past due, not yet flagged.
CREATE INDEX dossier_consultations_overdue_idx ON dossier_consultations (due_at)
  WHERE status = 'open' AND overdue_warned_at IS NULL;
