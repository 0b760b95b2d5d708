-- The one-stop desk's public staff list: name, title, field, phone (003 Đ10.1.g).
CREATE TABLE desk_staff_contacts (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies (id),
  name      text NOT NULL,
  title     text NOT NULL,
  field     text NOT NULL,
  phone     text NOT NULL,
  position  integer NOT NULL DEFAULT 0
);
CREATE INDEX desk_staff_contacts_agency_idx ON desk_staff_contacts (agency_id);
