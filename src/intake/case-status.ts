// The case's derived status, from the facts every stage contributes (ADR 008, 009).
// The rule itself is pure (`deriveCaseStatus` in rules.ts); this module is its database side: `case_facts`, one row
// per case with every stage's facts — a table that triggers keep equal to its definition, the view
// `case_facts_source` (migrations 0004, 0006, 0007; each stage extends the view and tracks its tables) — and
// `case_status(case_facts, today)`, the same rule in SQL for lists that sort and filter by status.
// "Today" is always a parameter from the injected clock, never the database's current_date.
import { getViewSelectedFields, sql, type SQL } from 'drizzle-orm';
import { date, pgView, text, uuid } from 'drizzle-orm/pg-core';
import { caseStatusLabel, deriveCaseStatus, type CaseFacts, type CaseStatus } from './rules';

/** The table's columns, in its order (a stage's migration may only add columns at the end). Declared as an existing
 * view so drizzle-kit leaves it to the hand-written migrations. */
export const caseFacts = pgView('case_facts', {
  caseId: uuid('case_id').notNull(),
  receivedDate: date('received_date', { mode: 'string' }).notNull(),
  applicationDate: date('application_date', { mode: 'string' }),
  acknowledgedDate: date('acknowledged_date', { mode: 'string' }),
  investigationStartedDate: date('investigation_started_date', { mode: 'string' }),
  decisionOutcome: text('decision_outcome', { enum: ['granted', 'partly_granted', 'rejected'] }),
  decisionDate: date('decision_date', { mode: 'string' }),
  decisionEndDate: date('decision_end_date', { mode: 'string' }),
  orderedDate: date('ordered_date', { mode: 'string' }),
  orderConfirmedDate: date('order_confirmed_date', { mode: 'string' }),
  matchingStartedDate: date('matching_started_date', { mode: 'string' }),
  executedDate: date('executed_date', { mode: 'string' }),
  interruptedSince: date('interrupted_since', { mode: 'string' }),
  endedDate: date('ended_date', { mode: 'string' }),
  /** Where the case is (kept from `cases`), so status lists find their rows here by index. */
  unitId: uuid('unit_id').notNull(),
  responsibleUserId: uuid('responsible_user_id').notNull(),
  /** The person's name (kept from `persons`), for the lists' name sort. */
  personLastName: text('person_last_name'),
  personFirstName: text('person_first_name'),
}).existing();

export type CaseFactsRow = typeof caseFacts.$inferSelect;

/** The view's columns, for a select that nests them (`{ facts: caseFactsColumns }`). */
export const caseFactsColumns = getViewSelectedFields(caseFacts);

/** A row of the view → the facts `deriveCaseStatus` reads. */
export function factsOf(f: CaseFactsRow): CaseFacts {
  return {
    applicationDate: f.applicationDate,
    acknowledgedDate: f.acknowledgedDate,
    investigationStartedDate: f.investigationStartedDate,
    // A decision is there when it has an outcome, as in `case_status` (a decision row always has its date).
    decision: f.decisionOutcome ? { outcome: f.decisionOutcome, date: f.decisionDate!, endDate: f.decisionEndDate } : null,
    orderedDate: f.orderedDate,
    orderConfirmedDate: f.orderConfirmedDate,
    matchingStartedDate: f.matchingStartedDate,
    executedDate: f.executedDate,
    interruptedSince: f.interruptedSince,
    endedDate: f.endedDate,
  };
}

/** The status and its Swedish label. */
export function statusOf(facts: CaseFacts, today: string): { status: CaseStatus; statusLabel: string } {
  const status = deriveCaseStatus(facts, today);
  return { status, statusLabel: caseStatusLabel[status] };
}

/** `deriveCaseStatus` in SQL, for a query that joins `caseFacts`. */
export function caseStatusSql(today: string): SQL<CaseStatus> {
  return sql<CaseStatus>`case_status(${caseFacts}, ${today}::date)`;
}

/** How far the case has come (the position in CASE_STATUS_ORDER), for sorting. */
export function caseStatusRankSql(today: string): SQL<number> {
  return sql<number>`case_status_rank(${caseStatusSql(today)})`;
}
