-- A counter bumped by every write to the catalogue (or to agencies, whose names appear in results), so processes can
-- cache search results and know cheaply when they are stale. Statement-level triggers catch every writer, including
-- bulk imports and SQL maintenance.
CREATE TABLE catalogue_generation (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  generation bigint NOT NULL DEFAULT 0
);
-- No row until the first write, so a fresh database is empty (backup restore requires that).

CREATE FUNCTION bump_catalogue_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO catalogue_generation AS g (id, generation) VALUES (true, 1)
    ON CONFLICT (id) DO UPDATE SET generation = g.generation + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER procedures_bump_generation AFTER INSERT OR UPDATE OR DELETE ON procedures
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_generation();
CREATE TRIGGER agencies_bump_generation AFTER INSERT OR UPDATE OR DELETE ON agencies
  FOR EACH STATEMENT EXECUTE FUNCTION bump_catalogue_generation();
