// The contact persons' portal (issue 12, items 1–5): the monthly report per assignment and month (meetings held,
// cancelled meetings, expenses with receipts, a message), its approval by the coordinator, and the portal's settings.
// Payroll reads cp_reports and cp_report_expenses (approved reports are what it pays): keep their names stable.
import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, pk, updatedAt, versionCol } from '../platform/db/columns';
import { units, users } from '../platform/tables';
import { contactPersons } from '../contact-persons/tables';
import { assignments } from '../assignments/tables';
import { CANCELLED_BY, MAX_EXPENSE_ORE, MAX_RECEIPT_BYTES, REPORT_STATUSES } from './rules';

/** Raw bytes (a receipt): pg gives a Buffer, PGlite a Uint8Array; both are Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
});

/** The portal's settings (one row): by which day of the following month a month's report is due. */
export const portalSettings = pgTable(
  'portal_settings',
  {
    id: integer('id').primaryKey().default(1),
    /** The report for a month is due on this day of the next month (seed 001 names the 3rd; default the 5th). */
    reportDueDay: integer('report_due_day').notNull().default(5),
    version: versionCol(),
  },
  (t) => [check('portal_settings_single_row', sql`${t.id} = 1`), check('portal_settings_due_day_chk', sql`${t.reportDueDay} between 1 and 28`)],
);

/**
 * One monthly report of one assignment: draft → submitted → approved, or returned (with the coordinator's comment)
 * and submitted again; editable until approved. provider_unit_id is the assignment's (the coordinator's scope).
 */
export const cpReports = pgTable(
  'cp_reports',
  {
    id: pk(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    contactPersonId: uuid('contact_person_id')
      .notNull()
      .references(() => contactPersons.id),
    providerUnitId: uuid('provider_unit_id')
      .notNull()
      .references(() => units.id),
    /** 'YYYY-MM'. */
    month: text('month').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    /** The contact person's message to the coordinator. */
    message: text('message'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    /** The day (Europe/Stockholm) it was last submitted: what the deadline is compared with. */
    submittedOn: date('submitted_on', { mode: 'string' }),
    /** The day it was first submitted: lateness is judged by it (a return is not the contact person's delay). */
    firstSubmittedOn: date('first_submitted_on', { mode: 'string' }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    returnedAt: timestamp('returned_at', { withTimezone: true, mode: 'date' }),
    returnedBy: uuid('returned_by').references(() => users.id),
    returnComment: text('return_comment'),
    /** The coordinator's note on why the meetings deviate from the agreement. */
    deviationNote: text('deviation_note'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    approvedBy: uuid('approved_by').references(() => users.id),
    version: versionCol(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('cp_reports_assignment_month_uq').on(t.assignmentId, t.month),
    index('cp_reports_unit_status_idx').on(t.providerUnitId, t.status),
    index('cp_reports_contact_person_idx').on(t.contactPersonId, t.month),
    index('cp_reports_month_idx').on(t.month, t.status),
    check('cp_reports_month_chk', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('cp_reports_submitted_chk', sql`${t.status} = 'draft' or ${t.submittedAt} is not null`),
    check('cp_reports_approved_chk', sql`(${t.status} = 'approved') = (${t.approvedAt} is not null)`),
  ],
);

/** A meeting held in the report's month. */
export const cpReportMeetings = pgTable(
  'cp_report_meetings',
  {
    id: pk(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => cpReports.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull(),
    activity: text('activity').notNull(),
  },
  (t) => [index('cp_report_meetings_report_idx').on(t.reportId, t.date), check('cp_report_meetings_minutes_chk', sql`${t.minutes} between 1 and 1440`)],
);

/** A meeting that was planned and did not happen, and who cancelled it. */
export const cpReportCancellations = pgTable(
  'cp_report_cancellations',
  {
    id: pk(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => cpReports.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    cancelledBy: text('cancelled_by', { enum: CANCELLED_BY }).notNull(),
    note: text('note'),
  },
  (t) => [index('cp_report_cancellations_report_idx').on(t.reportId, t.date)],
);

/**
 * A receipt (photo or PDF) of an expense, stored in the database: its type is read from the content (file-type),
 * never from the name. Served only to the contact person who owns it and to staff who may read the report.
 */
export const cpReportReceipts = pgTable(
  'cp_report_receipts',
  {
    id: pk(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => cpReports.id, { onDelete: 'cascade' }),
    contentType: text('content_type').notNull(),
    /** The name the file had on the phone (shown only; never used to decide anything). */
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('cp_report_receipts_report_idx').on(t.reportId), check('cp_report_receipts_size_chk', sql`${t.sizeBytes} between 1 and ${sql.raw(String(MAX_RECEIPT_BYTES))}`)],
);

/** An expense beyond the omkostnad: amount in öre, what it was, and optionally its receipt. */
export const cpReportExpenses = pgTable(
  'cp_report_expenses',
  {
    id: pk(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => cpReports.id, { onDelete: 'cascade' }),
    amountOre: integer('amount_ore').notNull(),
    description: text('description').notNull(),
    receiptId: uuid('receipt_id').references(() => cpReportReceipts.id),
  },
  (t) => [
    index('cp_report_expenses_report_idx').on(t.reportId),
    check('cp_report_expenses_amount_chk', sql`${t.amountOre} between 1 and ${sql.raw(String(MAX_EXPENSE_ORE))}`),
  ],
);
