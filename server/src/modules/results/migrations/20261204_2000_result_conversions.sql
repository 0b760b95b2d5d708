-- Paper ↔ electronic conversion at the desk (ND 45/2020 Đ18; seed 001 Đ13; issue 15): the register of certified
-- printouts of electronic results and certified scans of paper ones. Rows are only ever added (the register is an
-- audit record): the trigger refuses updates and deletes.
CREATE TABLE result_conversions (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id     uuid        NOT NULL,
  year          integer     NOT NULL,
  register_no   integer     NOT NULL,
  dossier_id    uuid        NOT NULL,
  dossier_code  text        NOT NULL,
  kind          text        NOT NULL CHECK (kind IN ('printout', 'scan')),
  document_name text        NOT NULL,
  sha256        text        NOT NULL,
  signed_result_id uuid REFERENCES signed_results (id),
  copies        integer CHECK (copies BETWEEN 1 AND 20),
  handed_to     text,
  certifier_id  uuid        NOT NULL,
  certifier_name text       NOT NULL,
  recorded_by   uuid        NOT NULL,
  recorded_by_name text     NOT NULL,
  at            timestamptz NOT NULL,
  UNIQUE (agency_id, year, register_no),
  CHECK ((kind = 'printout') = (copies IS NOT NULL AND handed_to IS NOT NULL AND signed_result_id IS NOT NULL))
);
CREATE INDEX result_conversions_dossier ON result_conversions (dossier_id, at);
CREATE INDEX result_conversions_register ON result_conversions (agency_id, at);

CREATE FUNCTION result_conversions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'result_conversions is append-only';
END $$;
CREATE TRIGGER result_conversions_append_only BEFORE UPDATE OR DELETE ON result_conversions
  FOR EACH ROW EXECUTE FUNCTION result_conversions_append_only();
