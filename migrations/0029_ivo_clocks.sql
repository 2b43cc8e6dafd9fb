-- Hand-written (drizzle-kit generate --custom): the IVO report's clocks kept as facts, and the frozen quarter protected.
--
-- 1. ivo_clocks: one row per clock (a favourable decision, or an interruption of one of the case's assignments) that
--    was not stopped within its three months: its deadline (ivo_deadline = executionDeadline, proven equal in
--    src/oversight/ivo.db.test.ts) and `resolved`, a date no earlier than the outcome the report will find (executed
--    or ended for a decision, resumed for an interruption; NULL: nothing yet). A clock stopped by its deadline can
--    never be reported and has no row. The prefilter of a quarter [first, last] then reads only the rows with
--    deadline < last and coalesce(resolved, 'infinity') >= first, by index (`loadIvoCandidates` in
--    src/oversight/ivo-repo.ts); the pure `ivoQuarterReports` still decides.
--    Kept like case_facts (ADR 008, 009): every change of the tables the case facts read refreshes the case's facts
--    (refresh_case_facts upserts the case_facts row), and the statement triggers on case_facts below recompute the
--    case's clocks in the same transaction — also when a bulk load writes case_facts directly (migration 0013).
CREATE FUNCTION ivo_deadline(since date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (since + interval '3 months')::date $$;
--> statement-breakpoint
CREATE TABLE ivo_clocks (
  source_id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES case_facts(case_id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('beslut', 'avbrott')),
  since date NOT NULL,
  deadline date NOT NULL,
  resolved date,
  CHECK (resolved IS NULL OR resolved > deadline)
);
--> statement-breakpoint
CREATE INDEX ivo_clocks_case_idx ON ivo_clocks (case_id);
--> statement-breakpoint
CREATE INDEX ivo_clocks_due_idx ON ivo_clocks ((coalesce(resolved, 'infinity'::date)), deadline) INCLUDE (case_id);
--> statement-breakpoint
-- The clocks of a case as the report's mapping sees them, each `resolved` bounded from above by what stops it:
-- a decision by the case's first start, its end (case_facts), its own end date and a later decision replacing it
-- (the earliest of these is never before the outcome `candidateOf` computes); an interruption by its resumption.
CREATE VIEW ivo_clocks_source AS
SELECT d.id AS source_id, d.case_id, 'beslut'::text AS kind, d.decision_date AS since, ivo_deadline(d.decision_date) AS deadline,
  LEAST(cf.executed_date, cf.ended_date, d.end_date,
    (SELECT min(n.decision_date) FROM decisions n
      WHERE n.case_id = d.case_id AND n.state = 'decided' AND n.id <> d.id AND (n.decision_date, n.created_at) > (d.decision_date, d.created_at))) AS resolved
FROM decisions d
JOIN case_facts cf ON cf.case_id = d.case_id
WHERE d.state = 'decided' AND d.outcome IN ('granted', 'partly_granted') AND d.decision_date IS NOT NULL
UNION ALL
SELECT ai.id, a.case_id, 'avbrott'::text, ai.from_date, ivo_deadline(ai.from_date), ai.resumed_date
FROM assignment_interruptions ai
JOIN assignments a ON a.id = ai.assignment_id;
--> statement-breakpoint
CREATE FUNCTION refresh_ivo_clocks(ids uuid[]) RETURNS void
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
  DELETE FROM ivo_clocks WHERE case_id = ANY(ids);
  INSERT INTO ivo_clocks (source_id, case_id, kind, since, deadline, resolved)
  SELECT s.source_id, s.case_id, s.kind, s.since, s.deadline, s.resolved FROM ivo_clocks_source s
  WHERE s.case_id = ANY(ids) AND (s.resolved IS NULL OR s.resolved > s.deadline);
END
$$;
--> statement-breakpoint
CREATE FUNCTION ivo_clocks_changed() RETURNS trigger
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  ids uuid[];
BEGIN
  SELECT array_agg(DISTINCT case_id) INTO ids FROM changed;
  IF ids IS NOT NULL THEN
    PERFORM refresh_ivo_clocks(ids);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_facts_ivo_ins AFTER INSERT ON case_facts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ivo_clocks_changed();
--> statement-breakpoint
CREATE TRIGGER case_facts_ivo_upd AFTER UPDATE ON case_facts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ivo_clocks_changed();
--> statement-breakpoint
INSERT INTO ivo_clocks (source_id, case_id, kind, since, deadline, resolved)
SELECT source_id, case_id, kind, since, deadline, resolved FROM ivo_clocks_source WHERE resolved IS NULL OR resolved > deadline;
--> statement-breakpoint
-- 2. A frozen quarter (snapshot + SHA-256) is never rewritten: UPDATE is refused whoever asks. The runtime role does
--    not own the table (ADR 007), so it can neither drop nor disable this trigger.
CREATE FUNCTION ivo_quarters_refuse_update() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'ivo_quarters is frozen (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER ivo_quarters_no_update BEFORE UPDATE ON ivo_quarters FOR EACH ROW EXECUTE FUNCTION ivo_quarters_refuse_update();
