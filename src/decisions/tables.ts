import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt, versionCol } from '../platform/db/columns';
import { ROUTES } from '../platform/rules';
import { users } from '../platform/tables';
import { cases } from '../intake/tables';
import { APPEAL_OUTCOMES, DECISION_OUTCOMES, DECISION_STATES, FOLLOW_UP_RESULTS, SCOPE_UNITS, SUCCESSION_KINDS } from './rules';

/**
 * The legal-basis catalogue (domain.md §1, §8). A decision stores the basis in force on its
 * decision date, so letters and reports never hard-code a paragraph.
 */
export const legalBases = pgTable(
  'legal_bases',
  {
    id: pk(),
    code: text('code').notNull().unique(),
    route: text('route', { enum: ROUTES }).notNull(),
    law: text('law').notNull(),
    paragraph: text('paragraph').notNull(),
    name: text('name').notNull(),
    printText: text('print_text').notNull(),
    appealRoute: text('appeal_route', { enum: ['forvaltningsbesvar', 'laglighetsprovning'] }).notNull(),
    ivoReportable: boolean('ivo_reportable').notNull(),
    feeRule: text('fee_rule', { enum: ['free', 'free_home_care_tariff_flag'] }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    version: versionCol(),
    createdAt: createdAt(),
  },
  (t) => [check('legal_bases_valid_range', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`)],
);

/**
 * A decision (beslut) on a case. Drafted, possibly approved over delegation, then decided (and sent). A decided
 * decision is never edited: a change, a renewal or an appeal's outcome is a new decision that points to the old
 * one (`previousDecisionId`).
 */
export const decisions = pgTable(
  'decisions',
  {
    id: pk(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    previousDecisionId: uuid('previous_decision_id'),
    succession: text('succession', { enum: SUCCESSION_KINDS }),
    state: text('state', { enum: DECISION_STATES }).notNull().default('draft'),
    outcome: text('outcome', { enum: DECISION_OUTCOMES }).notNull(),
    /** What was asked, in the letter's words. */
    requested: text('requested'),
    reasons: text('reasons').notNull(),
    legalBasisId: uuid('legal_basis_id')
      .notNull()
      .references(() => legalBases.id),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    /** Granted scope (null for avslag). */
    scopeUnit: text('scope_unit', { enum: SCOPE_UNITS }),
    scopeAmount: integer('scope_amount'),
    /** The municipality's level code (seed 001 "Nivå 1"), when it uses levels. */
    level: text('level'),
    contactPersonCount: integer('contact_person_count'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    /** Why a time limit is missing or longer than the configured maximum (the handläggare writes it). */
    periodReason: text('period_reason'),
    /** The person also has insatser charged by the home-care tariff (seed 001): the letter says so. */
    homeCareTariff: boolean('home_care_tariff').notNull().default(false),
    needsApproval: boolean('needs_approval').notNull().default(false),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    /** The enhetschef's comment when they send the decision back to the handläggare (state returns to draft). */
    returnComment: text('return_comment'),
    decidedBy: uuid('decided_by').references(() => users.id),
    /** The day the letter was sent, and the day the person fick del av the decision (starts the appeal time). */
    sentDate: date('sent_date', { mode: 'string' }),
    notifiedDate: date('notified_date', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('decisions_case_idx').on(t.caseId, t.decisionDate),
    // The case's current decision (case_facts_source: the latest decided one) in one index probe, without a sort.
    index('decisions_current_idx').on(t.caseId, t.decisionDate, t.createdAt).where(sql`state = 'decided'`),
    // The enhetschef's approval queue and drafts: few rows, never the decided majority.
    index('decisions_open_idx').on(t.state).where(sql`state <> 'decided'`),
    // One first decision per case and one successor per decision: two handläggare deciding at once → one wins (409).
    uniqueIndex('decisions_one_first').on(t.caseId).where(sql`previous_decision_id is null`),
    uniqueIndex('decisions_one_successor').on(t.previousDecisionId).where(sql`previous_decision_id is not null`),
    check('decisions_scope_chk', sql`${t.scopeAmount} is null or ${t.scopeAmount} between 1 and 200`),
    check('decisions_contact_persons_chk', sql`${t.contactPersonCount} is null or ${t.contactPersonCount} between 1 and 5`),
    check('decisions_period_chk', sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

/** An appeal (överklagande) of a decision: received, timely or not (appealDeadline), forwarded, its outcome. */
export const appeals = pgTable(
  'appeals',
  {
    id: pk(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id),
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    forwardedDate: date('forwarded_date', { mode: 'string' }),
    outcome: text('outcome', { enum: APPEAL_OUTCOMES }),
    outcomeDate: date('outcome_date', { mode: 'string' }),
    /** The new decision a changed outcome created. */
    newDecisionId: uuid('new_decision_id').references(() => decisions.id),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('appeals_decision_idx').on(t.decisionId)],
);

/** A follow-up (uppföljning) of a decision: at least every 12 months after execution or the last follow-up. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: pk(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id),
    date: date('date', { mode: 'string' }).notNull(),
    result: text('result', { enum: FOLLOW_UP_RESULTS }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('follow_ups_decision_idx').on(t.decisionId, t.date)],
);
