-- Case lists read only the facts table (ADR 009): the person's name travels along for the name sort, and the scope
-- indexes cover every fact, so a status filter or sort over a unit's 12 000 cases is an index-only scan (4–5 ms
-- instead of 13–17 ms of heap fetches on PostgreSQL, bench/case-lists.ts). Hand-written.
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
  c.responsible_user_id,
  p.last_name AS person_last_name,
  p.first_name AS person_first_name
FROM cases c
JOIN persons p ON p.id = c.person_id
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
ALTER TABLE case_facts ADD COLUMN person_last_name text, ADD COLUMN person_first_name text;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_case_facts(ids uuid[]) RETURNS void
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
      responsible_user_id = excluded.responsible_user_id,
      person_last_name = excluded.person_last_name,
      person_first_name = excluded.person_first_name;
END
$$;
--> statement-breakpoint
-- A renamed person re-sorts their cases.
SELECT track_case_facts('persons', 'SELECT c.id FROM changed x JOIN cases c ON c.person_id = x.id');
--> statement-breakpoint
SELECT refresh_case_facts(array_agg(id)) FROM cases;
--> statement-breakpoint
DROP INDEX case_facts_unit_idx;
--> statement-breakpoint
DROP INDEX case_facts_responsible_idx;
--> statement-breakpoint
CREATE INDEX case_facts_unit_idx ON case_facts (unit_id, received_date) INCLUDE (case_id, application_date, acknowledged_date, investigation_started_date, decision_outcome, decision_date, decision_end_date, ordered_date, order_confirmed_date, matching_started_date, executed_date, interrupted_since, ended_date, responsible_user_id);
--> statement-breakpoint
CREATE INDEX case_facts_responsible_idx ON case_facts (responsible_user_id, received_date) INCLUDE (case_id, application_date, acknowledged_date, investigation_started_date, decision_outcome, decision_date, decision_end_date, ordered_date, order_confirmed_date, matching_started_date, executed_date, interrupted_since, ended_date, unit_id);
--> statement-breakpoint
CREATE INDEX case_facts_unit_name_idx ON case_facts (unit_id, person_last_name, person_first_name);
--> statement-breakpoint
CREATE INDEX case_facts_responsible_name_idx ON case_facts (responsible_user_id, person_last_name, person_first_name);
