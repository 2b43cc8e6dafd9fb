// Oversight's own rows. Loggkontroll (issue 13 item 4): the limits of a mass read (one row, set by the administrator)
// and the enhetschef's sign-offs of unusual reads (who, when, comment; the sign-off is logged too).
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { pk, updatedAt, versionCol } from '../platform/db/columns';
import { users } from '../platform/tables';

/** More than `mass_read_persons` different persons within `mass_read_minutes` minutes is a mass read. */
export const auditReviewSettings = pgTable(
  'audit_review_settings',
  {
    id: integer('id').primaryKey().default(1),
    massReadPersons: integer('mass_read_persons').notNull().default(20),
    massReadMinutes: integer('mass_read_minutes').notNull().default(10),
    version: versionCol(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('audit_review_settings_single_row', sql`${t.id} = 1`),
    check('audit_review_settings_limits', sql`${t.massReadPersons} between 2 and 10000 and ${t.massReadMinutes} between 1 and 1440`),
  ],
);

/**
 * An unusual read the enhetschef has looked at: the finding's kind and the audit entry it is known by (the read, or
 * the first read of a mass-read burst). No foreign key to audit_log: like the log, the sign-off outlives what it names.
 */
export const auditSignoffs = pgTable(
  'audit_signoffs',
  {
    id: pk(),
    kind: text('kind', { enum: ['outside_unit', 'protected_identity', 'mass_read'] }).notNull(),
    auditId: bigint('audit_id', { mode: 'number' }).notNull(),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
    comment: text('comment').notNull(),
  },
  (t) => [uniqueIndex('audit_signoffs_finding_idx').on(t.kind, t.auditId), index('audit_signoffs_signed_idx').on(t.signedAt)],
);
