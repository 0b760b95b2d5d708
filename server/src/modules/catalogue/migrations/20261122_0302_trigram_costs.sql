-- pg_trgm declares its similarity operators with the default COST 1, so on a catalogue of a few thousand rows the
-- planner prefers a sequential scan that computes word similarity for every row (measured: ~180 ms vs ~25 ms through
-- procedures_search_trgm_idx at 5,000 procedures). Declaring their real per-row cost lets it pick the index.
-- Best effort: altering extension functions needs their owner; if we are not, search still works (just slower).
DO $$
BEGIN
  ALTER FUNCTION word_similarity_commutator_op(text, text) COST 200;
  ALTER FUNCTION word_similarity_op(text, text) COST 200;
  ALTER FUNCTION similarity_op(text, text) COST 200;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pg_trgm operator costs left unchanged: %', SQLERRM;
END $$;
