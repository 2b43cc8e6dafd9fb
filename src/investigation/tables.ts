import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt, versionCol } from '../platform/db/columns';
import { users } from '../platform/tables';
import { cases } from '../intake/tables';
import {
  BOOKING_KINDS,
  BOOKING_STATES,
  LIVING_SITUATIONS,
  WISHED_GENDERS,
  type HouseholdMember,
  type OtherSourceAnswers,
  type CriterionAnswers,
  type WarningReasons,
} from './rules';

/**
 * A booked investigation meeting (domain.md §2 step 3). Rebooking never edits the old row: it is marked
 * `rebooked` and points at its replacement, so the history stays.
 */
export const investigationBookings = pgTable(
  'investigation_bookings',
  {
    id: pk(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: BOOKING_KINDS }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** 'HH:MM', Swedish local time. */
    time: text('time').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    place: text('place'),
    personTakesPart: boolean('person_takes_part').notNull().default(true),
    /** Guardian or representative taking part (name as told; the register's representatives are on the person). */
    representative: text('representative'),
    /** Interpreter language, when one is booked. */
    interpreterLanguage: text('interpreter_language'),
    otherParticipants: text('other_participants'),
    state: text('state', { enum: BOOKING_STATES }).notNull().default('booked'),
    replacedById: uuid('replaced_by_id'),
    changeReason: text('change_reason'),
    bookedBy: uuid('booked_by').references(() => users.id),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('investigation_bookings_case_idx').on(t.caseId, t.date),
    // At most one current booking per case: a second "book" racing the first gets a unique violation → 409.
    uniqueIndex('investigation_bookings_one_current').on(t.caseId).where(sql`state = 'booked'`),
    check('investigation_bookings_duration_chk', sql`${t.durationMinutes} between 5 and 600`),
  ],
);

/**
 * The investigation (utredning) of a case: one row per case, saved as a draft while it is written
 * (optimistic locking by `version`), completed when the handläggare says so.
 */
export const investigations = pgTable(
  'investigations',
  {
    id: pk(),
    caseId: uuid('case_id')
      .notNull()
      .unique()
      .references(() => cases.id),
    /** The day the investigation started (first booking or first draft): the case is "under utredning" from here. */
    startedDate: date('started_date', { mode: 'string' }).notNull(),
    needInOwnWords: text('need_in_own_words'),
    assessment: text('assessment'),
    /** "Is the need met in another way?": one answer per source in OTHER_SOURCES. */
    otherSources: jsonb('other_sources').$type<OtherSourceAnswers>().notNull().default({}),
    livingSituation: text('living_situation', { enum: LIVING_SITUATIONS }),
    livingSituationNote: text('living_situation_note'),
    /** The residence's name (gruppbostad, serviceboende): its staff are never proposed as contact person. */
    residenceName: text('residence_name'),
    /** People in the person's household: never a contact person for them. */
    householdMembers: jsonb('household_members').$type<HouseholdMember[]>().notNull().default([]),
    /** LSS: personkrets group 1–3 and the documentation it rests on. */
    personkretsGroup: integer('personkrets_group'),
    personkretsDocumentation: text('personkrets_documentation'),
    personkretsDocumentationDate: date('personkrets_documentation_date', { mode: 'string' }),
    /** SoL: the municipality's criteria (configured list), each answered. */
    solCriteria: jsonb('sol_criteria').$type<CriterionAnswers>().notNull().default({}),
    /** SoL: configured exclusions that apply (codes). */
    solExclusions: jsonb('sol_exclusions').$type<string[]>().notNull().default([]),
    wishedGender: text('wished_gender', { enum: WISHED_GENDERS }),
    wishedGenderRequired: boolean('wished_gender_required').notNull().default(false),
    wishedAgeMin: integer('wished_age_min'),
    wishedAgeMax: integer('wished_age_max'),
    wishedInterests: jsonb('wished_interests').$type<string[]>().notNull().default([]),
    wishedLanguages: jsonb('wished_languages').$type<string[]>().notNull().default([]),
    wishesOther: text('wishes_other'),
    /** Why the handläggare proceeds despite each eligibility warning (warning code → reason). */
    warningReasons: jsonb('warning_reasons').$type<WarningReasons>().notNull().default({}),
    completedDate: date('completed_date', { mode: 'string' }),
    updatedBy: uuid('updated_by').references(() => users.id),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('investigations_personkrets_group_chk', sql`${t.personkretsGroup} is null or ${t.personkretsGroup} between 1 and 3`),
    check('investigations_wished_age_chk', sql`${t.wishedAgeMin} is null or ${t.wishedAgeMax} is null or ${t.wishedAgeMin} <= ${t.wishedAgeMax}`),
  ],
);
