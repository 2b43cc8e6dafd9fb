-- Case facts from investigation, decisions and orders (issue 9; ADR 008). Hand-written: drizzle-kit does not generate views.
-- Same columns, names, types and order as migration 0004; the placeholders these stages own are now filled:
--   investigation_started_date: the investigation row (created by the first booking or the first draft);
--   decision_*: the case's current decision — the latest *decided* one (a renewal, change or appeal outcome is a
--     newer decision linked to the old one); drafts and decisions awaiting approval do not count yet;
--   ordered_date, order_confirmed_date: the case's latest order (a renewal keeps the order it was executed on);
--   ended_date: a follow-up of the current decision that ended it.
CREATE OR REPLACE VIEW case_facts AS
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
  (SELECT min(f.date) FROM follow_ups f WHERE f.decision_id = d.id AND f.result = 'end') AS ended_date
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
