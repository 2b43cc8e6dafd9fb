-- The case facts become a table kept current by triggers (ADR 009). Hand-written: drizzle-kit does not generate these.
--
-- Until now `case_facts` was a view: every list that sorts or filters by status evaluated the view's joins (the current
-- decision, the latest order, …) for every case in scope — 12 000 cases of a unit meant 36 000 index probes per page.
-- Now the view's definition is `case_facts_source` (stages still extend it with CREATE OR REPLACE VIEW, same columns,
-- same order, new ones only at the end), and `case_facts` is a table with the same columns that triggers on every
-- table the source reads keep equal to it, in the same transaction as the change. `case_status(case_facts, today)`
-- and the rest are unchanged: lists read one narrow row per case.
--
-- A stage that adds facts: CREATE OR REPLACE VIEW case_facts_source …; ALTER TABLE case_facts ADD COLUMN … (if it adds
-- a column); SELECT track_case_facts('its_table', 'SELECT case_id FROM changed'); and refresh existing rows with
-- SELECT refresh_case_facts(array_agg(id)) FROM cases.
DROP FUNCTION case_status(case_facts, date);
--> statement-breakpoint
ALTER VIEW case_facts RENAME TO case_facts_source;
--> statement-breakpoint
-- The case's unit and responsible handläggare travel along (at the end, as new columns must), so a list that sorts or
-- filters by status finds its cases in this table by index and joins the rest only for the page's rows.
CREATE OR REPLACE VIEW case_facts_source AS
SELECT
  c.id AS case_id,
  c.received_date,
  c.application_date,
  c.acknowledged_date,
  i.started_date AS investigation_started_date,
  d.outcome AS decision_outcome,
  d.decision_date AS decision_date,
  d.end_date AS decision_end_date,
  o.sent_date AS ordered_date,
  o.confirmed_date AS order_confirmed_date,
  NULL::date AS matching_started_date,
  NULL::date AS executed_date,
  NULL::date AS interrupted_since,
  (SELECT min(f.date) FROM follow_ups f WHERE f.decision_id = d.id AND f.result = 'end') AS ended_date,
  c.unit_id,
  c.responsible_user_id
FROM cases c
LEFT JOIN investigations i ON i.case_id = c.id
LEFT JOIN LATERAL (
  SELECT dd.id, dd.outcome, dd.decision_date, dd.end_date
  FROM decisions dd
  WHERE dd.case_id = c.id AND dd.state = 'decided'
  ORDER BY dd.decision_date DESC, dd.created_at DESC
  LIMIT 1
) d ON true
LEFT JOIN LATERAL (
  SELECT oo.sent_date, oo.confirmed_date
  FROM orders oo
  WHERE oo.case_id = c.id
  ORDER BY oo.sent_date DESC, oo.created_at DESC
  LIMIT 1
) o ON true;
--> statement-breakpoint
CREATE TABLE case_facts (
  case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  received_date date NOT NULL,
  application_date date,
  acknowledged_date date,
  investigation_started_date date,
  decision_outcome text,
  decision_date date,
  decision_end_date date,
  ordered_date date,
  order_confirmed_date date,
  matching_started_date date,
  executed_date date,
  interrupted_since date,
  ended_date date,
  unit_id uuid NOT NULL,
  responsible_user_id uuid NOT NULL
);
--> statement-breakpoint
CREATE INDEX case_facts_unit_idx ON case_facts (unit_id, received_date);
--> statement-breakpoint
CREATE INDEX case_facts_responsible_idx ON case_facts (responsible_user_id, received_date);
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
-- Recompute the facts of some cases from the source. First wait for any other transaction refreshing the same cases
-- (the row locks), then read the source in a statement of its own: a VOLATILE function's statement takes a fresh
-- snapshot, so facts committed meanwhile are seen and a later commit never puts back facts from before an earlier one.
CREATE FUNCTION refresh_case_facts(ids uuid[]) RETURNS void
LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
  PERFORM 1 FROM case_facts WHERE case_id = ANY(ids) ORDER BY case_id FOR UPDATE;
  INSERT INTO case_facts SELECT * FROM case_facts_source s WHERE s.case_id = ANY(ids)
  ON CONFLICT (case_id) DO UPDATE SET
      received_date = excluded.received_date,
      application_date = excluded.application_date,
      acknowledged_date = excluded.acknowledged_date,
      investigation_started_date = excluded.investigation_started_date,
      decision_outcome = excluded.decision_outcome,
      decision_date = excluded.decision_date,
      decision_end_date = excluded.decision_end_date,
      ordered_date = excluded.ordered_date,
      order_confirmed_date = excluded.order_confirmed_date,
      matching_started_date = excluded.matching_started_date,
      executed_date = excluded.executed_date,
      interrupted_since = excluded.interrupted_since,
      ended_date = excluded.ended_date,
      unit_id = excluded.unit_id,
      responsible_user_id = excluded.responsible_user_id;
END
$$;
--> statement-breakpoint
-- Statement trigger: TG_ARGV[0] is a query over the transition table `changed` that returns the cases touched.
CREATE FUNCTION case_facts_changed() RETURNS trigger
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  ids uuid[];
BEGIN
  EXECUTE format('SELECT array_agg(DISTINCT x.id) FROM (%s) x(id) WHERE x.id IS NOT NULL', TG_ARGV[0]) INTO ids;
  IF ids IS NOT NULL THEN
    PERFORM refresh_case_facts(ids);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Keep case_facts current when `tbl` changes; `case_ids` selects the cases from the transition table `changed`.
CREATE FUNCTION track_case_facts(tbl text, case_ids text) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_facts_changed(%L)', tbl || '_facts_ins', tbl, case_ids);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_facts_changed(%L)', tbl || '_facts_upd', tbl, case_ids);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION case_facts_changed(%L)', tbl || '_facts_del', tbl, case_ids);
END
$$;
--> statement-breakpoint
SELECT track_case_facts('cases', 'SELECT id FROM changed');
--> statement-breakpoint
SELECT track_case_facts('investigations', 'SELECT case_id FROM changed');
--> statement-breakpoint
SELECT track_case_facts('decisions', 'SELECT case_id FROM changed');
--> statement-breakpoint
SELECT track_case_facts('orders', 'SELECT case_id FROM changed');
--> statement-breakpoint
SELECT track_case_facts('follow_ups', 'SELECT d.case_id FROM changed x JOIN decisions d ON d.id = x.decision_id');
--> statement-breakpoint
INSERT INTO case_facts SELECT * FROM case_facts_source;
