// Oversight's own rows: the IVO report of unexecuted decisions (issue 13 item 1). What the record cannot know is kept
// here: the stand-in id of a person without a personnummer (assigned once, kept for the whole series), the
// handläggare's "konsekvenser för den enskilde" and the submission date per report, and the frozen quarter (the
// snapshot every export of a submitted quarter is made from, so it is reproducible byte for byte).
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt, versionCol } from '../platform/db/columns';
import { units, users } from '../platform/tables';
import { persons } from '../people/tables';
import { decisions } from '../decisions/tables';
import { DISPOSAL_RECORD_TYPES } from './disposal-rules';

/** The `ÅÅÅÅMMDD-T123` stand-in for a person without a personnummer: one per person, never reused. */
export const ivoStandIns = pgTable('ivo_stand_ins', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => persons.id),
  standIn: text('stand_in').notNull().unique(),
  assignedAt: createdAt(),
});

/** One report of a quarter (a series is decision + kind + since): what is written by hand and when it was submitted. */
export const ivoReports = pgTable(
  'ivo_reports',
  {
    id: pk(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    quarter: text('quarter').notNull(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id),
    kind: text('kind', { enum: ['beslut', 'avbrott'] }).notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    consequences: text('consequences'),
    /** What the person gets while waiting (another insats, a temporary solution), written by hand: the record holds no other insatser. */
    interimSupport: text('interim_support'),
    /** A reason the record cannot show (the person's circumstances, other), chosen by hand beside the derived ones. */
    extraReason: text('extra_reason', { enum: ['circumstances', 'other'] }),
    submittedDate: date('submitted_date', { mode: 'string' }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    updatedBy: uuid('updated_by').references(() => users.id),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('ivo_reports_series_quarter').on(t.quarter, t.decisionId, t.kind, t.since),
    check('ivo_reports_quarter_format', sql`${t.quarter} ~ '^[0-9]{4}-Q[1-4]$'`),
  ],
);

/** A unit's quarter once every report is submitted: frozen, with the snapshot the exports are made from. */
export const ivoQuarters = pgTable(
  'ivo_quarters',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    quarter: text('quarter').notNull(),
    frozenAt: timestamp('frozen_at', { withTimezone: true, mode: 'date' }).notNull(),
    frozenBy: uuid('frozen_by').references(() => users.id),
    /** The quarter as JSON text (the page's rows), exactly as frozen. */
    snapshot: text('snapshot').notNull(),
    sha256: text('sha256').notNull(),
    reports: integer('reports').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.quarter] })],
);
// Disposal (gallring): the retention rules, the log of runs (counts, never content) and the
// pseudonyms given to disposed persons' audit entries (ADR 013).


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

// Loggkontroll (issue 13 item 4): the limits of a mass read (one row, set by the administrator) and the
// enhetschef's sign-offs of unusual reads (who, when, comment; the sign-off is logged too).
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
