// Oversight's tables. Disposal (gallring): the retention rules, the log of runs (counts, never content) and the
// pseudonyms given to disposed persons' audit entries (ADR 013).
import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { pk, updatedAt, versionCol } from '../platform/db/columns';
import { users } from '../platform/tables';
import { DISPOSAL_RECORD_TYPES } from './disposal-rules';

/** One retention rule per record type (configuration; `DEFAULT_DISPOSAL_RULES` at first start). */
export const disposalRules = pgTable('disposal_rules', {
  recordType: text('record_type', { enum: DISPOSAL_RECORD_TYPES }).primaryKey(),
  active: boolean('active').notNull(),
  yearsAfterLastEntry: integer('years_after_last_entry').notNull(),
  keepBornOnDays: integer('keep_born_on_days').array().notNull(),
  keepLssDecisions: boolean('keep_lss_decisions').notNull(),
  pseudonymiseAudit: boolean('pseudonymise_audit').notNull(),
  version: versionCol(),
  updatedAt: updatedAt(),
});

/** Every dry run and run: who, when, how many per kind. Counts only, never what was removed. */
export const disposalRuns = pgTable('disposal_runs', {
  id: pk(),
  dryRun: boolean('dry_run').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  ranBy: uuid('ran_by')
    .notNull()
    .references(() => users.id),
  /** The name as it was, so the log names who ran it whatever happens to the account. */
  ranByName: text('ran_by_name').notNull(),
  unitId: uuid('unit_id'),
  batches: integer('batches').notNull().default(0),
  cases: integer('cases').notNull().default(0),
  persons: integer('persons').notNull().default(0),
  auditPseudonymised: integer('audit_pseudonymised').notNull().default(0),
  keptBornOn: integer('kept_born_on').notNull().default(0),
  keptLss: integer('kept_lss').notNull().default(0),
  keptPayroll: integer('kept_payroll').notNull().default(0),
});

/**
 * The pseudonyms of disposed persons' audit entries. Append-only; written only by the SECURITY DEFINER function
 * `pseudonymise_audit_persons` (migration), whose UPDATE of audit_log the append-only trigger lets through only
 * for a person that no longer exists, to a pseudonym listed here, changing nothing else (ADR 013).
 * No mapping back to the person is kept.
 */
export const auditPseudonyms = pgTable('audit_pseudonyms', {
  pseudonym: uuid('pseudonym').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  disposalRunId: uuid('disposal_run_id'),
});
