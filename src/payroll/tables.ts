// The payroll month (issue 12 item 4) and the internal control of payments (item 6): the municipality's payroll
// configuration (policy for unreported months, segregation of duties, lönearter, cost centres per unit), the months
// (open → locked), the lines frozen at lock (everything the file shows, so a re-export is byte for byte the same),
// the export log, and the append-only log of changes to payment data with its reviews.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt, versionCol } from '../platform/db/columns';
import { units, users } from '../platform/tables';
import { contactPersons } from '../contact-persons/tables';
import { assignments } from '../assignments/tables';
import { BLOCK_REASONS, CHANGE_KINDS, UNREPORTED_POLICIES } from './rules';

/** The payroll configuration (one row). */
export const payrollSettings = pgTable(
  'payroll_settings',
  {
    id: integer('id').primaryKey().default(1),
    unreportedPolicy: text('unreported_policy', { enum: UNREPORTED_POLICIES }).notNull().default('hold'),
    /** Segregation of duties: may a person who approved a report the month pays lock that month? */
    approverMayLock: boolean('approver_may_lock').notNull().default(false),
    /** Lönearter per kind (the payroll system's codes). */
    payCodeArvode: text('pay_code_arvode').notNull().default('ARV'),
    payCodeOmkostnad: text('pay_code_omkostnad').notNull().default('OMK'),
    payCodeUtlagg: text('pay_code_utlagg').notNull().default('UTL'),
    payCodeCorrection: text('pay_code_correction').notNull().default('KORR'),
    /** The cost centre of a unit without one of its own. */
    defaultCostCentre: text('default_cost_centre').notNull().default(''),
    version: versionCol(),
    updatedAt: updatedAt(),
  },
  (t) => [check('payroll_settings_single_row', sql`${t.id} = 1`)],
);

/** Cost centre (kostnadsställe) per unit: the unit that provides the assignment pays it. */
export const payrollCostCentres = pgTable('payroll_cost_centres', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  costCentre: text('cost_centre').notNull(),
  version: versionCol(),
  updatedAt: updatedAt(),
});

const MONTH_STATUSES = ['open', 'locked'] as const;

/** A payroll month 'YYYY-MM': opened, then locked once (never reopened: later changes are correction lines). */
export const payrollMonths = pgTable(
  'payroll_months',
  {
    month: text('month').primaryKey(),
    status: text('status', { enum: MONTH_STATUSES }).notNull().default('open'),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
    openedBy: uuid('opened_by').references(() => users.id),
    lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'date' }),
    lockedBy: uuid('locked_by').references(() => users.id),
    version: versionCol(),
  },
  (t) => [
    check('payroll_months_month_chk', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('payroll_months_locked_chk', sql`(${t.status} = 'locked') = (${t.lockedAt} is not null)`),
  ],
);

/**
 * A line of a locked month, frozen: the amounts and every field the file shows (who, the assignment, level, pay
 * codes, cost centre) as they were at lock. Blocked lines are kept too (paid in part or not at all, with why).
 * Amounts are öre; a correction's may be negative.
 */
export const payrollLines = pgTable(
  'payroll_lines',
  {
    id: pk(),
    month: text('month')
      .notNull()
      .references(() => payrollMonths.month),
    kind: text('kind', { enum: ['regular', 'correction'] }).notNull(),
    /** The month the work was done: the month itself, or the earlier month a correction corrects. */
    forMonth: text('for_month').notNull(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    contactPersonId: uuid('contact_person_id')
      .notNull()
      .references(() => contactPersons.id),
    arvode: integer('arvode').notNull(),
    omkostnad: integer('omkostnad').notNull(),
    expenses: integer('expenses').notNull(),
    blocked: text('blocked', { enum: BLOCK_REASONS }),
    paidDays: integer('paid_days').notNull(),
    daysInMonth: integer('days_in_month').notNull(),
    /** The approved report the line pays (its version at lock), when there is one. */
    reportId: uuid('report_id'),
    /** Frozen for the file. */
    identityNumber: text('identity_number').notNull(),
    name: text('name').notNull(),
    caseNumber: text('case_number').notNull(),
    levelCode: text('level_code').notNull(),
    levelName: text('level_name').notNull(),
    payCodes: jsonb('pay_codes').$type<{ arvode: string; omkostnad: string; utlagg: string }>().notNull(),
    costCentre: text('cost_centre').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [
    uniqueIndex('payroll_lines_uq').on(t.month, t.assignmentId, t.kind, t.forMonth),
    index('payroll_lines_for_month_idx').on(t.assignmentId, t.forMonth),
    index('payroll_lines_for_month_only_idx').on(t.forMonth),
  ],
);

/** Every export of a locked month: who, when, which format, and the file's SHA-256 (the same month gives the same bytes). */
export const payrollExports = pgTable(
  'payroll_exports',
  {
    id: pk(),
    month: text('month')
      .notNull()
      .references(() => payrollMonths.month),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    sha256: text('sha256').notNull(),
    bytes: integer('bytes').notNull(),
    lineCount: integer('line_count').notNull(),
    exportedBy: uuid('exported_by').references(() => users.id),
    exportedAt: timestamp('exported_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('payroll_exports_month_idx').on(t.month, t.exportedAt)],
);

/**
 * Internal control (item 6): a change to payment data, written by triggers on the watched tables in the changing
 * transaction (migration), with the fields before and after and who (the use case's actor, declared to the
 * transaction by writeUseCase). Append-only like the audit log; a review is a row of its own.
 */
export const paymentChanges = pgTable(
  'payment_changes',
  {
    id: pk(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    kind: text('kind', { enum: CHANGE_KINDS }).notNull(),
    tableName: text('table_name').notNull(),
    op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
    rowId: text('row_id').notNull(),
    /** The changed fields only (bookkeeping columns left out). */
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    changedBy: uuid('changed_by'),
    contactPersonId: uuid('contact_person_id'),
    /** Which row it was, in the reviewer's terms: a rate level's year and code, a report's month. */
    context: jsonb('context').$type<{ year?: number; code?: string; month?: string }>(),
    /** The unit an enhetschef reviews it for (a report's provider unit); null for municipality-wide data. */
    unitId: uuid('unit_id'),
  },
  (t) => [index('payment_changes_occurred_idx').on(t.occurredAt)],
);

export const paymentChangeReviews = pgTable('payment_change_reviews', {
  changeId: uuid('change_id')
    .primaryKey()
    .references(() => paymentChanges.id),
  reviewedBy: uuid('reviewed_by')
    .notNull()
    .references(() => users.id),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }).notNull(),
  note: text('note'),
  createdAt: createdAt(),
});
