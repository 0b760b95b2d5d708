-- Feedback and complaints (phản ánh, kiến nghị; issue 16, 000 Đ14, ND 20/2008): questions and complaints filed on the
-- portal or entered by staff, classified by the receiving agency, forwarded to the competent one, answered within the
-- province's working days, escalated when overdue and published (personal data removed) when the sender agreed.
CREATE SEQUENCE feedback_reference_seq;

CREATE TABLE feedback_items (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference             text NOT NULL UNIQUE,
  kind                  text NOT NULL CHECK (kind IN ('question', 'complaint')),
  channel               text NOT NULL CHECK (channel IN ('portal', 'email', 'letter', 'phone')),
  content               text NOT NULL,
  contact_name          text,
  contact_email         text,
  contact_phone         text,
  user_id               uuid,
  dossier_id            uuid,
  dossier_code          text,
  procedure_code        text,
  official_name         text,
  field                 text,
  -- The agency that holds it now (the dossier's holder, the procedure's, the chosen one; after forwarding, the
  -- competent one); forwarded_from keeps the first.
  agency_id             uuid NOT NULL,
  consent_to_publish    boolean NOT NULL,
  status                text NOT NULL CHECK (status IN ('received', 'classified', 'forwarded', 'not_accepted', 'answered')),
  classification        text CHECK (classification IN ('not_accepted', 'staff_conduct', 'within_competence', 'outside_competence')),
  classification_reason text,
  classified_at         timestamptz,
  forwarded_from        uuid,
  forwarded_at          timestamptz,
  received_at           timestamptz NOT NULL,
  answer_due_at         timestamptz NOT NULL,
  answer                text,
  answered_at           timestamptz,
  answered_by           uuid,
  escalated_at          timestamptz,
  -- The published Q&A (personal data removed) and the editors' curation.
  published_question    text,
  published_answer      text,
  published_at          timestamptz,
  faq                   boolean NOT NULL DEFAULT false,
  helpful               integer NOT NULL DEFAULT 0,
  not_helpful           integer NOT NULL DEFAULT 0,
  search_text           text GENERATED ALWAYS AS
                          (vn_fold(coalesce(published_question, '') || ' ' || coalesce(published_answer, ''))) STORED
);
CREATE INDEX feedback_items_agency_idx ON feedback_items (agency_id, status, answer_due_at);
CREATE INDEX feedback_items_dossier_idx ON feedback_items (dossier_id);
CREATE INDEX feedback_items_published_idx ON feedback_items (published_at) WHERE published_at IS NOT NULL;

-- One mark per reader (a hashed browser key) and item; changing one's mind moves the count.
CREATE TABLE feedback_votes (
  feedback_id uuid NOT NULL REFERENCES feedback_items (id),
  voter       text NOT NULL,
  helpful     boolean NOT NULL,
  at          timestamptz NOT NULL,
  PRIMARY KEY (feedback_id, voter)
);

-- Satisfaction evaluation (TT 01/2018): one rating per dossier, in the reporting period open when it arrived.
CREATE TABLE satisfaction_ratings (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id   uuid NOT NULL UNIQUE,
  dossier_code text NOT NULL,
  agency_id    uuid NOT NULL,
  desk_id      uuid NOT NULL,
  official_id  uuid,
  field        text,
  period       text NOT NULL,
  channel      text NOT NULL CHECK (channel IN ('link', 'desk')),
  indicators   jsonb NOT NULL,
  score        integer NOT NULL,
  max_score    integer NOT NULL,
  overall      text NOT NULL CHECK (overall IN ('very_satisfied', 'satisfied', 'not_satisfied')),
  comment      text,
  rated_at     timestamptz NOT NULL
);
CREATE INDEX satisfaction_ratings_period_idx ON satisfaction_ratings (period, agency_id);

-- A closed period is frozen: no rating is ever added to it (late ones go to the next open period).
CREATE TABLE satisfaction_periods (
  period    text PRIMARY KEY,
  closed_at timestamptz NOT NULL,
  closed_by text NOT NULL
);
