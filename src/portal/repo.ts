// Queries of the portal: a contact person's assignments with what the meetings need, the monthly reports and their
// lines, the coordinator's queue, who has not reported, and what payroll reads (`approvedReportsForMonth`).
// Only the portal's use cases write its tables.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '../platform/db/connect';
import { units, users } from '../platform/tables';
import { persons } from '../people/tables';
import { cases } from '../intake/tables';
import { contactPersons } from '../contact-persons/tables';
import { assignments, implementationPlans } from '../assignments/tables';
import { interruptionsOf, stateOf, type AssignmentRow } from '../assignments/repo';
import { allOf } from '../platform/db/transaction';
import type { AssignmentState } from '../assignments/rules';
import { addMonthsTo, DEFAULT_REPORT_DUE_DAY, DUE_LOOK_BACK_MONTHS, firstDayOf, lastDayOf, type DueAssignment, type ReportStatus } from './rules';
import { cpReportCancellations, cpReportExpenses, cpReportMeetings, cpReportReceipts, cpReports, portalSettings } from './tables';

export type ReportRow = typeof cpReports.$inferSelect;

/** The day of the following month a report is due (the portal settings, or the default). */
export async function reportDueDay(q: Queryable): Promise<number> {
  const [row] = await q.select({ d: portalSettings.reportDueDay }).from(portalSettings).where(eq(portalSettings.id, 1));
  return row?.d ?? DEFAULT_REPORT_DUE_DAY;
}


/** One assignment with what the portal shows of it: the person's first name and contact, the coordinator, the plan. */
export async function portalAssignment(q: Queryable, id: string) {
  const [row] = await q
    .select({
      a: assignments,
      personId: persons.id,
      personFirstName: persons.firstName,
      phone: persons.phone,
      email: persons.email,
      protectedIdentity: persons.protectedIdentity,
      coordinatorName: users.displayName,
      unitName: units.name,
    })
    .from(assignments)
    .innerJoin(cases, eq(cases.id, assignments.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .innerJoin(units, eq(units.id, assignments.providerUnitId))
    .leftJoin(users, eq(users.id, assignments.createdBy))
    .where(eq(assignments.id, id));
  if (!row) return null;
  const [plan] = await q
    .select({ goals: implementationPlans.goals })
    .from(implementationPlans)
    .where(eq(implementationPlans.decisionId, row.a.decisionId))
    .orderBy(desc(implementationPlans.planVersion))
    .limit(1);
  const interruptions = await interruptionsOf(q, [id]);
  return { ...row, goals: plan?.goals.map((g) => g.goal) ?? [], state: stateOf(row.a, interruptions) };
}

/** An assignment's row and its state (start, end, interruptions), or null. */
export async function assignmentWithState(q: Queryable, id: string): Promise<{ a: AssignmentRow; state: AssignmentState } | null> {
  const [a] = await q.select().from(assignments).where(eq(assignments.id, id));
  if (!a) return null;
  return { a, state: stateOf(a, await interruptionsOf(q, [id])) };
}

export function reportsOfAssignment(q: Queryable, assignmentId: string): Promise<ReportRow[]> {
  return q.select().from(cpReports).where(eq(cpReports.assignmentId, assignmentId)).orderBy(desc(cpReports.month));
}

export async function findReport(q: Queryable, id: string): Promise<ReportRow | null> {
  const [row] = await q.select().from(cpReports).where(eq(cpReports.id, id));
  return row ?? null;
}

export async function reportOfMonth(q: Queryable, assignmentId: string, month: string): Promise<ReportRow | null> {
  const [row] = await q.select().from(cpReports).where(and(eq(cpReports.assignmentId, assignmentId), eq(cpReports.month, month)));
  return row ?? null;
}

/** A report's lines and its receipts (without their bytes). */
export async function reportLines(q: Queryable, reportId: string) {
  // One after another: this also runs inside transactions, which have one connection.
  const meetings = await q.select().from(cpReportMeetings).where(eq(cpReportMeetings.reportId, reportId)).orderBy(asc(cpReportMeetings.date), asc(cpReportMeetings.id));
  const cancellations = await q
    .select()
    .from(cpReportCancellations)
    .where(eq(cpReportCancellations.reportId, reportId))
    .orderBy(asc(cpReportCancellations.date), asc(cpReportCancellations.id));
  const expenses = await q.select().from(cpReportExpenses).where(eq(cpReportExpenses.reportId, reportId)).orderBy(asc(cpReportExpenses.id));
  const receipts = await q
    .select({ id: cpReportReceipts.id, fileName: cpReportReceipts.fileName, contentType: cpReportReceipts.contentType, sizeBytes: cpReportReceipts.sizeBytes })
    .from(cpReportReceipts)
    .where(eq(cpReportReceipts.reportId, reportId))
    .orderBy(asc(cpReportReceipts.createdAt), asc(cpReportReceipts.id));
  return { meetings, cancellations, expenses, receipts };
}
export type ReportLinesRows = Awaited<ReturnType<typeof reportLines>>;

/** Replace a report's lines with the saved ones; receipts no expense refers to any more are removed. */
export async function replaceLines(
  tx: Tx,
  reportId: string,
  input: {
    meetings: ReadonlyArray<{ date: string; minutes: number; activity: string }>;
    cancellations: ReadonlyArray<{ date: string; cancelledBy: 'person' | 'contact_person'; note: string | null }>;
    expenses: ReadonlyArray<{ amountOre: number; description: string; receiptId: string | null }>;
  },
): Promise<void> {
  await tx.delete(cpReportMeetings).where(eq(cpReportMeetings.reportId, reportId));
  await tx.delete(cpReportCancellations).where(eq(cpReportCancellations.reportId, reportId));
  await tx.delete(cpReportExpenses).where(eq(cpReportExpenses.reportId, reportId));
  if (input.meetings.length) await tx.insert(cpReportMeetings).values(input.meetings.map((m) => ({ reportId, ...m })));
  if (input.cancellations.length) await tx.insert(cpReportCancellations).values(input.cancellations.map((c) => ({ reportId, ...c })));
  if (input.expenses.length) await tx.insert(cpReportExpenses).values(input.expenses.map((e) => ({ reportId, ...e })));
  const kept = input.expenses.map((e) => e.receiptId).filter((x): x is string => x !== null);
  await tx
    .delete(cpReportReceipts)
    .where(and(eq(cpReportReceipts.reportId, reportId), kept.length ? sql`${cpReportReceipts.id} not in (${sql.join(kept.map((k) => sql`${k}::uuid`), sql`, `)})` : sql`true`));
}

/** The ids of the report's receipts (an expense may refer only to one of these). */
export async function receiptIdsOf(q: Queryable, reportId: string): Promise<string[]> {
  const rows = await q.select({ id: cpReportReceipts.id }).from(cpReportReceipts).where(eq(cpReportReceipts.reportId, reportId));
  return rows.map((r) => r.id);
}

export async function receiptFile(q: Queryable, reportId: string, receiptId: string) {
  const [row] = await q
    .select()
    .from(cpReportReceipts)
    .where(and(eq(cpReportReceipts.id, receiptId), eq(cpReportReceipts.reportId, reportId)));
  return row ?? null;
}

/** Names for a report's pages: the contact person's full name and the person's first name. */
export async function reportNames(q: Queryable, assignmentId: string) {
  const [row] = await q
    .select({ cpFirst: contactPersons.firstName, cpLast: contactPersons.lastName, personFirstName: persons.firstName, personId: persons.id })
    .from(assignments)
    .innerJoin(contactPersons, eq(contactPersons.id, assignments.contactPersonId))
    .innerJoin(cases, eq(cases.id, assignments.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(eq(assignments.id, assignmentId));
  return { contactPersonName: `${row.cpFirst} ${row.cpLast}`, personFirstName: row.personFirstName, personId: row.personId };
}

export async function userName(q: Queryable, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await q.select({ n: users.displayName }).from(users).where(eq(users.id, id));
  return row?.n ?? null;
}

/** Submitted reports waiting for approval (within a unit, or everywhere), oldest first, with their counts. */
export async function submittedReports(q: Queryable, unitFilter: SQL | undefined) {
  const meetingCount = sql<number>`(select count(*)::int from ${cpReportMeetings} where ${cpReportMeetings.reportId} = ${cpReports.id})`;
  const expenseSum = sql<number>`(select coalesce(sum(${cpReportExpenses.amountOre}), 0)::int from ${cpReportExpenses} where ${cpReportExpenses.reportId} = ${cpReports.id})`;
  const rows = await q
    .select({
      r: cpReports,
      a: assignments,
      cpFirst: contactPersons.firstName,
      cpLast: contactPersons.lastName,
      personFirstName: persons.firstName,
      meetings: meetingCount,
      expensesOre: expenseSum,
    })
    .from(cpReports)
    .innerJoin(assignments, eq(assignments.id, cpReports.assignmentId))
    .innerJoin(contactPersons, eq(contactPersons.id, cpReports.contactPersonId))
    .innerJoin(cases, eq(cases.id, assignments.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(and(eq(cpReports.status, 'submitted'), unitFilter))
    .orderBy(asc(cpReports.submittedAt), asc(cpReports.id));
  const interruptions = await interruptionsOf(
    q,
    rows.map((r) => r.a.id),
  );
  return rows.map((r) => ({ ...r, meetings: Number(r.meetings), expensesOre: Number(r.expensesOre), state: stateOf(r.a, interruptions) }));
}

/**
 * What the due-reports rule needs: started assignments that ran within the look-back (optionally of one unit or one
 * contact person) with their interruptions, names, and the statuses of their reports in that window.
 */
export async function dueInputs(q: Queryable, today: string, filter: { unitId?: string | null; contactPersonId?: string }) {
  const earliest = addMonthsTo(today.slice(0, 7), -DUE_LOOK_BACK_MONTHS);
  const conds: SQL[] = [isNotNull(assignments.startDate), or(isNull(assignments.endDate), gte(assignments.endDate, firstDayOf(earliest)))!];
  if (filter.unitId !== undefined) conds.push(filter.unitId ? eq(assignments.providerUnitId, filter.unitId) : sql`false`);
  if (filter.contactPersonId) conds.push(eq(assignments.contactPersonId, filter.contactPersonId));
  const rows = await q
    .select({ a: assignments, cpFirst: contactPersons.firstName, cpLast: contactPersons.lastName, personFirstName: persons.firstName })
    .from(assignments)
    .innerJoin(contactPersons, eq(contactPersons.id, assignments.contactPersonId))
    .innerJoin(cases, eq(cases.id, assignments.caseId))
    .innerJoin(persons, eq(persons.id, cases.personId))
    .where(and(...conds));
  const ids = rows.map((r) => r.a.id);
  const [interruptions, reports] = await allOf(
    q,
    () => interruptionsOf(q, ids),
    () =>
      ids.length
        ? q
            .select({ assignmentId: cpReports.assignmentId, month: cpReports.month, status: cpReports.status })
            .from(cpReports)
            .where(and(inArray(cpReports.assignmentId, ids), gte(cpReports.month, earliest)))
        : Promise.resolve([]),
  );
  const states = rows.map((r) => stateOf(r.a, interruptions));
  const list: DueAssignment[] = rows.map((r, i) => ({ id: r.a.id, contactPersonId: r.a.contactPersonId, ...states[i] }));
  const names = new Map(rows.map((r) => [r.a.id, { contactPersonName: `${r.cpFirst} ${r.cpLast}`, personFirstName: r.personFirstName }]));
  // The same assignments as rows, for the contact person's own start page (started, not ended before the look-back).
  const started = rows.map((r, i) => ({ a: r.a, personFirstName: r.personFirstName, state: states[i] }));
  return { assignments: list, reports, names, started };
}

/** Per assignment that ran in `month`: that month's report status ('none' without one) and the approved expenses. */
export interface MonthReportStatus {
  assignmentId: string;
  contactPersonId: string;
  reportId: string | null;
  status: ReportStatus | 'none';
  /** The expenses of an approved report (öre); 0 when the report is not approved. */
  approvedExpensesOre: number;
}

/**
 * What payroll reads for a month: every assignment that had started by the month's end and had not ended before its
 * first day, with the status of its report for the month and, when approved, the sum of its expenses (öre).
 */
export async function approvedReportsForMonth(q: Queryable, month: string): Promise<MonthReportStatus[]> {
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  const expenseSum = sql<number>`(select coalesce(sum(${cpReportExpenses.amountOre}), 0)::int from ${cpReportExpenses} where ${cpReportExpenses.reportId} = ${cpReports.id})`;
  const rows = await q
    .select({ assignmentId: assignments.id, contactPersonId: assignments.contactPersonId, reportId: cpReports.id, status: cpReports.status, expensesOre: expenseSum })
    .from(assignments)
    .leftJoin(cpReports, and(eq(cpReports.assignmentId, assignments.id), eq(cpReports.month, month)))
    .where(and(isNotNull(assignments.startDate), lte(assignments.startDate, last), or(isNull(assignments.endDate), gte(assignments.endDate, first))))
    .orderBy(asc(assignments.id));
  return rows.map((r) => ({
    assignmentId: r.assignmentId,
    contactPersonId: r.contactPersonId,
    reportId: r.reportId,
    status: r.status ?? 'none',
    approvedExpensesOre: r.status === 'approved' ? Number(r.expensesOre) : 0,
  }));
}
