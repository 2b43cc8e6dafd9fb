// Platform tables: units, staff users, sessions, login throttling, municipality settings.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt, versionCol } from './db/columns';
import { ROLES } from './rules';
import { ROUTES } from './rules';

export const units = pgTable(
  'units',
  {
    id: pk(),
    name: text('name').notNull().unique(),
    route: text('route', { enum: ROUTES }).notNull(),
    active: boolean('active').notNull().default(true),
    version: versionCol(),
    createdAt: createdAt(),
  },
  (t) => [check('units_route_chk', sql`${t.route} in ('LSS','SOL')`)],
);

export const users = pgTable(
  'users',
  {
    id: pk(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    active: boolean('active').notNull().default(true),
    passwordHash: text('password_hash').notNull(),
    /** Failed sign-in attempts since the last successful one (told to the user at the next sign-in). */
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lastFailedLoginAt: timestamp('last_failed_login_at', { withTimezone: true, mode: 'date' }),
    /** Account-wide lock: set only when failures come from many client addresses (auth/rules.ts). */
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    /**
     * A kontaktperson's account is tied to one contact person (made when they choose a password from the portal
     * invitation). The platform knows no area: the foreign key to contact_persons is added in the portal migration.
     */
    contactPersonId: uuid('contact_person_id').unique(),
    /**
     * Single sign-on: the OpenID provider's `sub` for this user (issuer + subject, "iss sub"), set when the user
     * first signs in through it (made just in time, or an existing staff account with the same username linked).
     */
    oidcSubject: text('oidc_subject').unique(),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('users_unit_idx').on(t.unitId),
    check('users_contact_person_chk', sql`(${t.role} = 'kontaktperson') = (${t.contactPersonId} is not null)`),
  ],
);

/** Server-side sessions. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Failed attempts made on the account before this sign-in, shown to the user during the session. */
    failedAttemptsBefore: integer('failed_attempts_before').notNull().default(0),
    lastFailedAttemptAt: timestamp('last_failed_attempt_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * A sign-in through the OpenID provider under way: made when the browser is sent there, consumed (deleted) by the
 * callback. Keyed by the SHA-256 of a random token in a short-lived cookie, so the answer is bound to the browser
 * that asked; state, nonce and the PKCE verifier never leave the server. Rows older than OIDC_LOGIN_MINUTES are dropped.
 */
export const oidcLogins = pgTable('oidc_logins', {
  id: text('id').primaryKey(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Fixed-window counter of failed sign-ins per client address, shared by all server instances. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
  attempts: integer('attempts').notNull(),
});

/**
 * The general API rate limit (ADR 015): requests per key (a session or a client address) per fixed window. Each
 * instance counts in memory and adds its increments here about once a second, reading back the shared total, so
 * every instance sees the others' requests within a flush interval.
 */
export const apiRateCounters = pgTable(
  'api_rate_counters',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
    requests: integer('requests').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('api_rate_counters_window_idx').on(t.windowStart)],
);

/**
 * Failed sign-ins per (account, client address): five in a window lock that pair only, so one address
 * cannot keep the account's owner out; the number of addresses with recent failures decides an
 * account-wide lock (auth/rules.ts).
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clientAddress: text('client_address').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true, mode: 'date' }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.clientAddress] }), index('login_failures_last_idx').on(t.lastFailureAt)],
);

/** A configured list item (a SoL criterion or exclusion). */
export interface ConfiguredItem {
  code: string;
  label: string;
}

/** A configured scope level: hours per week and how many occasions they are spread over. */
export interface ScopeLevel {
  code: string;
  label: string;
  hoursPerWeek: number;
  occasionsPerWeekMin: number;
  occasionsPerWeekMax: number;
}

/** The deployment's municipality and its routine (one row). */
export const municipality = pgTable(
  'municipality',
  {
    id: integer('id').primaryKey().default(1),
    name: text('name').notNull(),
    caseNumberPattern: text('case_number_pattern').notNull().default('KP-{YYYY}-{NNNN}'),
    acknowledgeWithinWorkingDays: integer('acknowledge_within_working_days').notNull().default(2),
    /** Working days after the acknowledgement by which a missing intyg should arrive (letter + warning). */
    documentationWithinWorkingDays: integer('documentation_within_working_days').notNull().default(15),
    /** Where the acknowledgement letter tells people to read about personal data (a web address or a short text). */
    privacyInfo: text('privacy_info'),
    postalAddress: text('postal_address'),
    phone: text('phone'),
    email: text('email'),
    // The investigation and decision routine (issue 9). Lists are { code, label } items; null = the area's defaults.
    /** SoL: the lowest age for a kontaktperson (seed 001: about 19, after upper secondary school). */
    solMinAge: integer('sol_min_age').notNull().default(19),
    solCriteria: jsonb('sol_criteria').$type<ConfiguredItem[]>(),
    solExclusions: jsonb('sol_exclusions').$type<ConfiguredItem[]>(),
    /** Longest decision period before the handläggare must say why (months). */
    decisionMaxMonths: integer('decision_max_months').notNull().default(24),
    /** A decision above this many hours per month, or more contact persons than this, needs the enhetschef's approval. */
    delegationMaxHoursPerMonth: integer('delegation_max_hours_per_month').notNull().default(10),
    delegationMaxContactPersons: integer('delegation_max_contact_persons').notNull().default(1),
    /** Hours per month that one meeting a week corresponds to (seed 000: 8–10). */
    monthlyHoursPerWeeklyMeetingMin: integer('monthly_hours_per_weekly_meeting_min').notNull().default(8),
    monthlyHoursPerWeeklyMeetingMax: integer('monthly_hours_per_weekly_meeting_max').notNull().default(10),
    /** The municipality's levels (seed 001 "Nivå 1" = 2 h/week over 1–2 occasions); null or empty = none. */
    scopeLevels: jsonb('scope_levels').$type<ScopeLevel[]>(),
    /** Working days the provider has to confirm an order before it turns red. */
    orderConfirmWithinWorkingDays: integer('order_confirm_within_working_days').notNull().default(2),
    /** Months between follow-ups at most (at least yearly). */
    followUpMonths: integer('follow_up_months').notNull().default(12),
    /** Decisions ending within this many days are listed. */
    endingWindowDays: integer('ending_window_days').notNull().default(60),
    version: versionCol(),
  },
  (t) => [check('municipality_single_row', sql`${t.id} = 1`)],
);
