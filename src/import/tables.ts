import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { pk } from '../platform/db/columns';
import { users } from '../platform/tables';
import { IMPORT_KINDS } from './rules';

/**
 * One import from the old system: the dry run of a file (its SHA-256, what was found), then — when the dry run found
 * nothing wrong and the same file is sent again — the all-or-nothing commit. Never the file itself.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: pk(),
    kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    encoding: text('encoding', { enum: ['utf-8', 'windows-1252'] }).notNull(),
    separator: text('separator').notNull(),
    status: text('status', { enum: ['checked', 'committed'] }).notNull(),
    rowCount: integer('row_count').notNull(),
    errorCount: integer('error_count').notNull(),
    /** The first errors of the dry run (capped), each { row, column, message }; errorCount counts them all. */
    errors: jsonb('errors').notNull(),
    importedCount: integer('imported_count'),
    checkedBy: uuid('checked_by')
      .notNull()
      .references(() => users.id),
    checkedAt: timestamp('checked_at', { withTimezone: true, mode: 'date' }).notNull(),
    committedBy: uuid('committed_by').references(() => users.id),
    committedAt: timestamp('committed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('import_jobs_checked_idx').on(t.checkedAt)],
);
