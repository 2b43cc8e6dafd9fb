// The contact-person register (domain.md §4): applications and contact persons, their recruitment steps,
// references, registerkontroll records (never the extract's content), the dated check rules, the profile,
// pauses, payment details (a table of its own, read only with contact-person:payment or :write) and the
// municipality's configuration of it.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt, versionCol } from '../platform/db/columns';
import { users } from '../platform/tables';
import { END_REASONS, REFERENCE_OUTCOMES, REGISTER_CHECK_SCOPES, STEP_KINDS, STEP_STATUSES, type RequirementConfig } from './rules';

/** The municipality's districts (områden), which a contact person's area and matching use. */
export const cpDistricts = pgTable('cp_districts', {
  id: pk(),
  name: text('name').notNull().unique(),
  active: boolean('active').notNull().default(true),
  version: versionCol(),
  createdAt: createdAt(),
});

/** A configured list item (an interest). */
export interface CpListItem {
  code: string;
  label: string;
}

/** The register's configuration (one row): which requirements apply, reminder windows, disposal, the public form's limits. */
export const cpSettings = pgTable(
  'cp_settings',
  {
    id: integer('id').primaryKey().default(1),
    requirements: jsonb('requirements').$type<RequirementConfig[]>().notNull(),
    referencesRequired: integer('references_required').notNull().default(2),
    /** Registerkontroll for every assignment, or only for those with children (LSS for children always needs one). */
    registerCheckScope: text('register_check_scope', { enum: REGISTER_CHECK_SCOPES }).notNull().default('children'),
    interests: jsonb('interests').$type<CpListItem[]>().notNull(),
    reminderWithinDays: integer('reminder_within_days').notNull().default(30),
    lastContactDays: integer('last_contact_days').notNull().default(90),
    /** Months after which a declined or withdrawn applicant's data is removed. */
    disposalMonths: integer('disposal_months').notNull().default(6),
    /** The public form: applications per client address per hour, and the least seconds between loading and sending it. */
    applicationsPerHour: integer('applications_per_hour').notNull().default(5),
    minFillSeconds: integer('min_fill_seconds').notNull().default(5),
    /** Signs the public form's timestamp token (HMAC), the same for every instance; generated at the first start. */
    formSecret: text('form_secret').notNull().default(sql`gen_random_uuid()::text`),
    version: versionCol(),
  },
  (t) => [check('cp_settings_single_row', sql`${t.id} = 1`)],
);

/**
 * An application and, once approved, the contact person: contact details and profile. Status is derived
 * (rules.ts deriveCpStatus); the current load (current_load) is kept by a trigger from the assignments stage's offers.
 * The personnummer is not unique: applying twice makes a second row the coordinator sees as "finns redan".
 */
export const contactPersons = pgTable(
  'contact_persons',
  {
    id: pk(),
    identityNumber: text('identity_number').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    streetAddress: text('street_address'),
    postalCode: text('postal_code'),
    city: text('city'),
    districtId: uuid('district_id').references(() => cpDistricts.id),
    motivation: text('motivation'),
    interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
    interestsOther: text('interests_other'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    travel: text('travel').array().notNull().default(sql`'{}'::text[]`),
    availability: text('availability').array().notNull().default(sql`'{}'::text[]`),
    capacity: integer('capacity').notNull().default(1),
    /**
     * Places taken: open offers and running assignments (assignments/tables.ts). Never written by the application:
     * a trigger on offers keeps it (migration 0014), in the same transaction, so the register's "ledig" filter is a
     * column test and two coordinators taking the last place serialise on this row.
     */
    currentLoad: integer('current_load').notNull().default(0),
    ageGroups: text('age_groups').array().notNull().default(sql`'{}'::text[]`),
    preferredGender: text('preferred_gender'),
    comfortableWith: text('comfortable_with'),
    pets: boolean('pets'),
    smokes: boolean('smokes'),
    allergies: text('allergies'),
    experience: text('experience'),
    /** Where they work, when it is a residence (gruppbostad, serviceboende): matching never proposes them to a person living there. */
    workplace: text('workplace'),
    source: text('source', { enum: ['public', 'staff'] }).notNull(),
    appliedDate: date('applied_date', { mode: 'string' }).notNull(),
    privacyAcceptedAt: timestamp('privacy_accepted_at', { withTimezone: true, mode: 'date' }),
    approvedDate: date('approved_date', { mode: 'string' }),
    approvedBy: uuid('approved_by').references(() => users.id),
    endedDate: date('ended_date', { mode: 'string' }),
    endReason: text('end_reason', { enum: END_REASONS }),
    endNote: text('end_note'),
    lastContactDate: date('last_contact_date', { mode: 'string' }),
    /**
     * Has any recruitment step started (a step not pending, a reference, a registerkontroll)? Derived from those
     * rows and rewritten after every change of them (changeContactPerson), so the register's status filter is a
     * column test instead of three lookups per row; deriveCpStatus still reads the rows themselves.
     */
    recruitmentStarted: boolean('recruitment_started').notNull().default(false),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('contact_persons_identity_idx').on(t.identityNumber),
    index('contact_persons_name_idx').on(t.lastName, t.firstName),
    index('contact_persons_district_idx').on(t.districtId),
    index('contact_persons_interests_idx').using('gin', t.interests),
    index('contact_persons_languages_idx').using('gin', t.languages),
    index('contact_persons_availability_idx').using('gin', t.availability),
    index('contact_persons_applied_idx').on(t.appliedDate, t.id),
    index('contact_persons_open_idx').on(t.approvedDate, t.endedDate),
    // The status filter's groups (statusIs) in the list's order, with the columns the status test reads, so a
    // status filter and its count walk a small index instead of the table.
    index('contact_persons_unapproved_idx').on(t.appliedDate, t.id, t.endedDate, t.recruitmentStarted).where(sql`${t.approvedDate} is null`),
    index('contact_persons_approved_idx').on(t.appliedDate, t.id, t.endedDate, t.capacity, t.currentLoad).where(sql`${t.approvedDate} is not null`),
    index('contact_persons_ended_idx').on(t.appliedDate, t.id).where(sql`${t.endedDate} is not null`),
    // "Avslutad" (ended_date <= today) as a range of its own: open_idx leads with approved_date and would be read whole.
    index('contact_persons_ended_date_idx').on(t.endedDate),
    // An area with an approved status (ledig, fullbelagd, pausad; the commonest combination): page and capped count
    // walk this index alone, in the list's order, instead of the area's rows in the table.
    index('contact_persons_district_approved_idx').on(t.districtId, t.appliedDate, t.id, t.endedDate, t.capacity, t.currentLoad).where(sql`${t.approvedDate} is not null`),
    check('contact_persons_capacity_chk', sql`${t.capacity} between 0 and 20`),
    check('contact_persons_end_chk', sql`(${t.endedDate} is null) = (${t.endReason} is null)`),
  ],
);

/** A recruitment step kept as a requirement: the interview (booked, held), the pledge, the introduction. */
export const cpSteps = pgTable(
  'cp_steps',
  {
    id: pk(),
    contactPersonId: uuid('contact_person_id')
      .notNull()
      .references(() => contactPersons.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: STEP_KINDS }).notNull(),
    status: text('status', { enum: STEP_STATUSES }).notNull(),
    bookedDate: date('booked_date', { mode: 'string' }),
    bookedTime: text('booked_time'),
    location: text('location'),
    doneDate: date('done_date', { mode: 'string' }),
    /** The interview's assessment notes, or a note on the step. */
    notes: text('notes'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('cp_steps_kind_uq').on(t.contactPersonId, t.kind)],
);

/** A reference: who, contacted when, the outcome. */
export const cpReferences = pgTable(
  'cp_references',
  {
    id: pk(),
    contactPersonId: uuid('contact_person_id')
      .notNull()
      .references(() => contactPersons.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    relation: text('relation'),
    phone: text('phone'),
    contactedDate: date('contacted_date', { mode: 'string' }),
    outcome: text('outcome', { enum: REFERENCE_OUTCOMES }).notNull().default('pending'),
    notes: text('notes'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('cp_references_cp_idx').on(t.contactPersonId)],
);

/**
 * That an extract from the police's registers was shown (lag 2010:479): the dates, the registers it covers, the
 * law, who saw it, and what happened to the original. Never its content.
 */
export const cpRegisterChecks = pgTable(
  'cp_register_checks',
  {
    id: pk(),
    contactPersonId: uuid('contact_person_id')
      .notNull()
      .references(() => contactPersons.id, { onDelete: 'cascade' }),
    shownDate: date('shown_date', { mode: 'string' }).notNull(),
    extractDate: date('extract_date', { mode: 'string' }).notNull(),
    registers: text('registers').array().notNull(),
    law: text('law').notNull(),
    seenBy: uuid('seen_by')
      .notNull()
      .references(() => users.id),
    /** The date the original was returned to the contact person (on request), if it was. */
    returnedDate: date('returned_date', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('cp_register_checks_cp_idx').on(t.contactPersonId, t.extractDate),
    check('cp_register_checks_dates', sql`${t.extractDate} <= ${t.shownDate}`),
  ],
);

/** The registerkontroll rule as dated data (2010:479 and SFS 2026:48); the administrator adds versions. */
export const cpCheckRules = pgTable(
  'cp_check_rules',
  {
    id: pk(),
    law: text('law').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    maxAgeMonths: integer('max_age_months').notNull(),
    requiredRegisters: text('required_registers').array().notNull(),
    reengagementMonths: integer('reengagement_months').notNull().default(12),
    version: versionCol(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('cp_check_rules_from_uq').on(t.law, t.validFrom),
    check('cp_check_rules_range', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check('cp_check_rules_age', sql`${t.maxAgeMonths} between 1 and 120`),
  ],
);

/** A pause (parental leave, a break): with an end date it returns automatically the day after. */
export const cpPauses = pgTable(
  'cp_pauses',
  {
    id: pk(),
    contactPersonId: uuid('contact_person_id')
      .notNull()
      .references(() => contactPersons.id, { onDelete: 'cascade' }),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    untilDate: date('until_date', { mode: 'string' }),
    reason: text('reason'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('cp_pauses_cp_idx').on(t.contactPersonId), check('cp_pauses_range', sql`${t.untilDate} is null or ${t.untilDate} >= ${t.fromDate}`)],
);

/**
 * Bank and tax details for payroll. A table of its own so that no query of the register reads it by accident:
 * only the payment-details use cases (contact-person:payment or contact-person:write) touch it.
 */
export const cpPaymentDetails = pgTable('cp_payment_details', {
  contactPersonId: uuid('contact_person_id')
    .primaryKey()
    .references(() => contactPersons.id, { onDelete: 'cascade' }),
  clearingNumber: text('clearing_number').notNull(),
  accountNumber: text('account_number').notNull(),
  bankName: text('bank_name').notNull(),
  /** Skattetabell (e.g. 32) or a fixed percentage for A-skatt on arvode. */
  taxTable: integer('tax_table'),
  taxColumn: integer('tax_column'),
  version: versionCol(),
  updatedAt: updatedAt(),
});

/** Applications per client address (fixed window), shared by every instance like login_throttle. */
export const cpApplyThrottle = pgTable('cp_apply_throttle', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
  attempts: integer('attempts').notNull(),
});

/** An invitation to the contact persons' portal: only the token's SHA-256 is stored; valid 72 hours, used once. */
export const cpPortalInvites = pgTable(
  'cp_portal_invites',
  {
    id: pk(),
    contactPersonId: uuid('contact_person_id')
      .notNull()
      .references(() => contactPersons.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('cp_portal_invites_cp_idx').on(t.contactPersonId)],
);

/** A contact person's portal account (the portal itself is a later issue): the password's scrypt hash. */
export const cpPortalAccounts = pgTable('cp_portal_accounts', {
  contactPersonId: uuid('contact_person_id')
    .primaryKey()
    .references(() => contactPersons.id, { onDelete: 'cascade' }),
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * The version of what the reminders read (contact_persons, cp_steps, cp_register_checks, cp_settings,
 * cp_check_rules): one row, counted up once per changing transaction at commit by deferred triggers (the
 * migration's hand-written part, like matching_register_version). The computed reminders are kept per database
 * while this number and the date are unchanged (read-contact-persons.ts), so every instance sees a change at once.
 */
export const cpRemindersVersion = pgTable(
  'cp_reminders_version',
  {
    id: integer('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('cp_reminders_version_single_row', sql`${t.id} = 1`)],
);
