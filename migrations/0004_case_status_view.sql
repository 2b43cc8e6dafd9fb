-- Case status from the facts of every stage (ADR 008). Hand-written: drizzle-kit does not generate views or functions.
--
-- `case_facts` is one row per case with every fact the status depends on. Intake's facts come from `cases`;
-- the later stages' columns are typed NULL placeholders until the stage exists. A stage fills its columns in its own
-- migration with `CREATE OR REPLACE VIEW case_facts AS ...`, keeping every column's name, type and position and adding
-- its LEFT JOIN (e.g. `LEFT JOIN investigations i ON i.case_id = c.id` and `i.started_date AS investigation_started_date`).
-- New columns may only be added at the end.
--
-- `case_status(case_facts, today)` is `deriveCaseStatus` (src/intake/rules.ts) in SQL; today is a parameter, so
-- the injected clock stays the source of truth. The property test in src/intake/case-status.db.test.ts proves that
-- the two agree. `case_status_rank(status)` is the position in CASE_STATUS_ORDER, for sorting by how far a case has come.
CREATE VIEW case_facts AS
SELECT
  c.id AS case_id,
  c.received_date,
  c.application_date,
  c.acknowledged_date,
  NULL::date AS investigation_started_date,
  NULL::text AS decision_outcome,
  NULL::date AS decision_date,
  NULL::date AS decision_end_date,
  NULL::date AS ordered_date,
  NULL::date AS order_confirmed_date,
  NULL::date AS matching_started_date,
  NULL::date AS executed_date,
  NULL::date AS interrupted_since,
  NULL::date AS ended_date
FROM cases c;
--> statement-breakpoint
CREATE FUNCTION case_status(f case_facts, today date) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN f.ended_date <= today THEN 'ended'
    WHEN f.decision_outcome IS NOT NULL THEN CASE
      WHEN f.decision_outcome = 'rejected' THEN 'rejected'
      WHEN f.decision_end_date < today THEN 'expired'
      WHEN f.interrupted_since IS NOT NULL THEN 'interrupted'
      WHEN f.executed_date IS NOT NULL THEN 'executed'
      WHEN f.matching_started_date IS NOT NULL THEN 'matching'
      WHEN f.order_confirmed_date IS NOT NULL THEN 'order_confirmed'
      WHEN f.ordered_date IS NOT NULL THEN 'ordered'
      ELSE 'granted'
    END
    WHEN f.investigation_started_date IS NOT NULL THEN 'under_investigation'
    WHEN f.application_date IS NULL THEN 'referral'
    WHEN f.acknowledged_date IS NOT NULL THEN 'acknowledged'
    ELSE 'requested'
  END
$$;
--> statement-breakpoint
CREATE FUNCTION case_status_rank(status text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT array_position(
    ARRAY['referral', 'requested', 'acknowledged', 'under_investigation', 'rejected', 'granted', 'ordered',
          'order_confirmed', 'matching', 'executed', 'interrupted', 'ended', 'expired']::text[],
    status)
$$;
