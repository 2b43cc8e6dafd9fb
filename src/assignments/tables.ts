// Execution (domain.md §2, kontaktsekreterare 2–6): offers of a contact person to the person, matching meetings,
// the assignment (uppdrag: agreement, förordnande, payroll notice, start = verkställt, end), its interruptions,
// the genomförandeplan (versions) and the coordinator's contact log with contact persons.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt, versionCol } from '../platform/db/columns';
import { units, users } from '../platform/tables';
import { cases } from '../intake/tables';
import { decisions } from '../decisions/tables';
import { orders } from '../orders/tables';
import { contactPersons } from '../contact-persons/tables';
import { ASSIGNMENT_END_REASONS, CONTACT_KINDS, MEETING_OUTCOMES, OFFER_CLOSE_REASONS, OFFER_RESPONSES } from './rules';

/**
 * An offer (erbjudande) of one contact person to the person for one order. While it is open (closed_reason null) it
 * holds one place of the contact person's capacity; so does the assignment made from it until that ends (ending
 * closes the offer with 'ended'). Offers with their dates and answers feed the IVO report.
 */
export const offers = pgTable(
  'offers',
  {
    id: pk(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** The order's provider unit: who may see and work with it (order:read / assignment:* scope). */
    providerUnitId: uuid('provider_unit_id')
      .notNull()
      .references(() => units.id),
    contactPersonId: uuid('contact_person_id')
      .notNull()
      .references(() => contactPersons.id),
    /** The day the contact person was offered to the person. */
    offeredDate: date('offered_date', { mode: 'string' }).notNull(),
    response: text('response', { enum: OFFER_RESPONSES }).notNull().default('pending'),
    responseDate: date('response_date', { mode: 'string' }),
    responseNote: text('response_note'),
    closedDate: date('closed_date', { mode: 'string' }),
    closedReason: text('closed_reason', { enum: OFFER_CLOSE_REASONS }),
    closedNote: text('closed_note'),
    createdBy: uuid('created_by').references(() => users.id),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('offers_order_idx').on(t.orderId, t.offeredDate),
    index('offers_case_idx').on(t.caseId, t.offeredDate),
    index('offers_contact_person_idx').on(t.contactPersonId),
    // At most one open offer of the same contact person for the same order.
    uniqueIndex('offers_open_uq').on(t.orderId, t.contactPersonId).where(sql`${t.closedReason} is null`),
    check('offers_closed_chk', sql`(${t.closedDate} is null) = (${t.closedReason} is null)`),
    check('offers_response_chk', sql`(${t.response} = 'pending') = (${t.responseDate} is null)`),
  ],
);

/** A matchningsmöte for an offer; rebooking keeps the old row (cancelled_at). */
export const matchingMeetings = pgTable(
  'matching_meetings',
  {
    id: pk(),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id),
    date: date('date', { mode: 'string' }).notNull(),
    time: text('time').notNull(),
    place: text('place').notNull(),
    participants: text('participants'),
    outcome: text('outcome', { enum: MEETING_OUTCOMES }),
    outcomeNote: text('outcome_note'),
    outcomeDate: date('outcome_date', { mode: 'string' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('matching_meetings_offer_idx').on(t.offerId, t.date)],
);

/**
 * The assignment (uppdrag) made from an accepted offer that went ahead: the agreement's terms, the signatures, the
 * förordnande, the payroll notice, and its life. start_date is the execution date (verkställt); end_date is the
 * last paid day.
 */
export const assignments = pgTable(
  'assignments',
  {
    id: pk(),
    offerId: uuid('offer_id')
      .notNull()
      .unique()
      .references(() => offers.id),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    providerUnitId: uuid('provider_unit_id')
      .notNull()
      .references(() => units.id),
    contactPersonId: uuid('contact_person_id')
      .notNull()
      .references(() => contactPersons.id),
    /** The rate level's code (payments/rate_levels.code); the amounts of a month come from that month's year. */
    rateLevel: text('rate_level').notNull(),
    /** How often they meet (e.g. 4 per month), which activities, the agreement's period. */
    meetingsPerMonth: integer('meetings_per_month'),
    frequencyText: text('frequency_text'),
    activities: text('activities'),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }),
    agreementDate: date('agreement_date', { mode: 'string' }),
    personSignedDate: date('person_signed_date', { mode: 'string' }),
    contactPersonSignedDate: date('contact_person_signed_date', { mode: 'string' }),
    /** Förordnande: the day the contact person was appointed. */
    appointedDate: date('appointed_date', { mode: 'string' }),
    /** Anställningsuppgifter sent to payroll. */
    payrollNoticeDate: date('payroll_notice_date', { mode: 'string' }),
    /** Verkställt: the first day the assignment actually ran. */
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    endReason: text('end_reason', { enum: ASSIGNMENT_END_REASONS }),
    endNote: text('end_note'),
    createdBy: uuid('created_by').references(() => users.id),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('assignments_decision_idx').on(t.decisionId),
    index('assignments_order_idx').on(t.orderId),
    index('assignments_case_idx').on(t.caseId),
    index('assignments_contact_person_idx').on(t.contactPersonId),
    index('assignments_provider_idx').on(t.providerUnitId),
    check('assignments_end_chk', sql`(${t.endDate} is null) = (${t.endReason} is null)`),
    check('assignments_end_after_start_chk', sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
    check('assignments_meetings_chk', sql`${t.meetingsPerMonth} is null or ${t.meetingsPerMonth} between 0 and 100`),
  ],
);

/** An interruption (avbrott) of a started assignment: from, reason, resumed. */
export const assignmentInterruptions = pgTable(
  'assignment_interruptions',
  {
    id: pk(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    resumedDate: date('resumed_date', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('assignment_interruptions_assignment_idx').on(t.assignmentId, t.fromDate),
    check('assignment_interruptions_resumed_chk', sql`${t.resumedDate} is null or ${t.resumedDate} > ${t.fromDate}`),
  ],
);

/** A goal of the genomförandeplan, linked to what the decision grants. */
export interface PlanGoal {
  goal: string;
  /** How the goal follows from the decision (its words). */
  fromDecision?: string | null;
}

/** The genomförandeplan, one row per saved version (never edited: a change is the next version). */
export const implementationPlans = pgTable(
  'implementation_plans',
  {
    id: pk(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    providerUnitId: uuid('provider_unit_id')
      .notNull()
      .references(() => units.id),
    planVersion: integer('plan_version').notNull(),
    goals: jsonb('goals').$type<PlanGoal[]>().notNull(),
    activities: text('activities'),
    /** How often and when. */
    schedule: text('schedule'),
    /** How the person wants it done. */
    personWishes: text('person_wishes'),
    followUpHow: text('follow_up_how'),
    followUpDate: date('follow_up_date', { mode: 'string' }),
    /** Written together with the person on this day. */
    writtenDate: date('written_date', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('implementation_plans_version_uq').on(t.decisionId, t.planVersion)],
);

/** The coordinator's contacts with a contact person (regularly, and when an assignment ends). */
export const cpContacts = pgTable(
  'cp_contacts',
  {
    id: pk(),
    contactPersonId: uuid('contact_person_id')
      .notNull()
      .references(() => contactPersons.id),
    assignmentId: uuid('assignment_id').references(() => assignments.id),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: CONTACT_KINDS }).notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('cp_contacts_contact_person_idx').on(t.contactPersonId, t.date)],
);
