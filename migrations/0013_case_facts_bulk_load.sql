-- A bulk load may defer the case-facts refresh to one call per transaction (ADR 009). Hand-written.
-- scripts/generate.ts sets `kontakt.defer_case_facts` for its own transaction only (SET LOCAL / set_config(…, true))
-- and calls refresh_case_facts(ids) for the cases it wrote before committing; every other writer keeps the per-statement
-- refresh. Refreshing 1 000 cases after each INSERT of cases, investigations, decisions and orders made the generator's
-- 150 000 cases take 3.5 minutes instead of about one.
CREATE OR REPLACE FUNCTION case_facts_changed() RETURNS trigger
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  ids uuid[];
BEGIN
  IF current_setting('kontakt.defer_case_facts', true) = 'on' THEN
    RETURN NULL;
  END IF;
  EXECUTE format('SELECT array_agg(DISTINCT x.id) FROM (%s) x(id) WHERE x.id IS NOT NULL', TG_ARGV[0]) INTO ids;
  IF ids IS NOT NULL THEN
    PERFORM refresh_case_facts(ids);
  END IF;
  RETURN NULL;
END
$$;
