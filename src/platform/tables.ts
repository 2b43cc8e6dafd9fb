// Platform tables: units, staff users, sessions, login throttling, municipality settings.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt, versionCol } from './db/columns';

export const units = pgTable(
  'units',
  {
    id: pk(),
    name: text('name').notNull().unique(),
    route: text('route', { enum: ['LSS', 'SOL'] }).notNull(),
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
    role: text('role').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    active: boolean('active').notNull().default(true),
    passwordHash: text('password_hash').notNull(),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('users_unit_idx').on(t.unitId)],
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
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Fixed-window counter of login attempts per client address, shared by all server instances. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
  attempts: integer('attempts').notNull(),
});

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
    version: versionCol(),
  },
  (t) => [check('municipality_single_row', sql`${t.id} = 1`)],
);

/** Running number per year for case numbers; incremented inside the registering transaction. */
export const caseNumberCounters = pgTable('case_number_counters', {
  year: integer('year').primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

