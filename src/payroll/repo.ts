// Queries of the payroll month: the configuration, the assignments of a month with everything the rules and the
// file need (one query per table, so 50 000 assignments are a handful of statements), the locked months before a
// month, which of their assignments may have changed since they were locked, and what was paid for them.
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { formatIdentityNumber } from '../people/identity-number';
import { cases } from '../intake/tables';
import { contactPersons } from '../contact-persons/tables';
import { rateLevels } from '../payments/tables';
import { daysInMonthOf } from '../payments/rules';
import { levelsOfYear } from '../payments/repo';
import { assignmentInterruptions, assignments } from '../assignments/tables';
import { cpReportExpenses, cpReports } from '../portal/tables';
import type { Amounts, AssignmentMonth, ReportState } from './rules';
import { payrollCostCentres, payrollLines, payrollMonths, payrollSettings } from './tables';
import { allOf } from '../platform/db/transaction';

export type PayrollSettingsRow = typeof payrollSettings.$inferSelect;

/** The configuration row (the defaults when it has not been written yet). */
export async function payrollSettingsOf(q: Queryable): Promise<PayrollSettingsRow> {
  const [row] = await q.select().from(payrollSettings).where(eq(payrollSettings.id, 1));
  return (
    row ?? {
      id: 1,
      unreportedPolicy: 'hold',
      approverMayLock: false,
      payCodeArvode: 'ARV',
      payCodeOmkostnad: 'OMK',
      payCodeUtlagg: 'UTL',
      payCodeCorrection: 'KORR',
      defaultCostCentre: '',
      version: 0,
      updatedAt: new Date(0),
    }
  );
}

/** One assignment in one month, with what the file shows of it. */
export interface MonthRow extends AssignmentMonth {
  unitId: string;
  caseNumber: string;
  identityNumber: string;
  name: string;
  levelCode: string;
  levelName: string;
  costCentre: string;
  reportId: string | null;
  approvedBy: string | null;
}

const firstOf = (month: string) => `${month}-01`;
const lastOf = (month: string) => `${month}-${String(daysInMonthOf(month)).padStart(2, '0')}`;

/** Assignments that ran in the month: started on or before its last day, not ended before its first. */
function activeWhere(month: string): SQL {
  return and(isNotNull(assignments.startDate), lte(assignments.startDate, lastOf(month)), or(isNull(assignments.endDate), gte(assignments.endDate, firstOf(month)))) as SQL;
}

/**
 * The assignments of `month` as the rules take them: those that ran in it, or exactly `only` (an earlier month's
 * candidates for a correction, which may no longer run in it).
 */
export async function loadAssignmentMonths(q: Queryable, month: string, only?: readonly string[]): Promise<MonthRow[]> {
  if (only && only.length === 0) return [];
  const which = only ? sql`${assignments.id} = any(${`{${only.join(',')}}`}::uuid[])` : activeWhere(month);
  const [settings, rows, levels] = await allOf(q,
    () => payrollSettingsOf(q),
    () =>
q
      .select({
        id: assignments.id,
        contactPersonId: assignments.contactPersonId,
        unitId: assignments.providerUnitId,
        start: assignments.startDate,
        end: assignments.endDate,
        rateLevel: assignments.rateLevel,
        noticeDate: assignments.payrollNoticeDate,
        caseNumber: cases.caseNumber,
        identityNumber: contactPersons.identityNumber,
        firstName: contactPersons.firstName,
        lastName: contactPersons.lastName,
        costCentre: payrollCostCentres.costCentre,
      })
      .from(assignments)
      .innerJoin(cases, eq(cases.id, assignments.caseId))
      .innerJoin(contactPersons, eq(contactPersons.id, assignments.contactPersonId))
      .leftJoin(payrollCostCentres, eq(payrollCostCentres.unitId, assignments.providerUnitId))
      .where(which),
    () => levelsOfYear(q, Number(month.slice(0, 4))));
  if (rows.length === 0) return [];
  // Interruptions overlapping the month, and the month's reports with their expenses, of the same assignments.
  const ofSame = only ? sql`${assignments.id} = any(${`{${only.join(',')}}`}::uuid[])` : activeWhere(month);
  const [interruptions, reports] = await allOf(q,
    () =>
q
      .select({ assignmentId: assignmentInterruptions.assignmentId, from: assignmentInterruptions.fromDate, resumed: assignmentInterruptions.resumedDate })
      .from(assignmentInterruptions)
      .innerJoin(assignments, eq(assignments.id, assignmentInterruptions.assignmentId))
      .where(and(ofSame, lte(assignmentInterruptions.fromDate, lastOf(month)), or(isNull(assignmentInterruptions.resumedDate), sql`${assignmentInterruptions.resumedDate} > ${firstOf(month)}`)))
      .orderBy(asc(assignmentInterruptions.fromDate)),
    () =>
q
      .select({
        id: cpReports.id,
        assignmentId: cpReports.assignmentId,
        status: cpReports.status,
        approvedBy: cpReports.approvedBy,
        expenses: sql<string>`coalesce((select sum(${cpReportExpenses.amountOre}) from ${cpReportExpenses} where ${cpReportExpenses.reportId} = ${cpReports.id}), 0)`,
      })
      .from(cpReports)
      .innerJoin(assignments, eq(assignments.id, cpReports.assignmentId))
      .where(and(eq(cpReports.month, month), ofSame)));
  const levelOf = new Map(levels.map((l) => [l.code, l]));
  const interruptionsOf = new Map<string, { from: string; resumed: string | null }[]>();
  for (const i of interruptions) {
    const list = interruptionsOf.get(i.assignmentId) ?? [];
    list.push({ from: i.from, resumed: i.resumed });
    interruptionsOf.set(i.assignmentId, list);
  }
  const reportOf = new Map(reports.map((r) => [r.assignmentId, r]));
  return rows.map((r) => {
    const level = levelOf.get(r.rateLevel);
    const report = reportOf.get(r.id);
    const state: ReportState = report ? report.status : 'missing';
    return {
      assignmentId: r.id,
      contactPersonId: r.contactPersonId,
      start: r.start,
      end: r.end,
      interruptions: interruptionsOf.get(r.id) ?? [],
      rate: level ? { arvode: level.arvode, omkostnad: level.omkostnad } : null,
      noticeSent: r.noticeDate !== null,
      report: { state, expenses: state === 'approved' ? Number(report?.expenses ?? 0) : 0 },
      unitId: r.unitId,
      caseNumber: r.caseNumber,
      identityNumber: formatIdentityNumber(r.identityNumber, 'personnummer'),
      name: `${r.lastName}, ${r.firstName}`,
      levelCode: r.rateLevel,
      levelName: level?.name ?? r.rateLevel,
      costCentre: r.costCentre ?? settings.defaultCostCentre,
      reportId: report?.id ?? null,
      approvedBy: state === 'approved' ? (report?.approvedBy ?? null) : null,
    };
  });
}

export type PayrollMonthRow = typeof payrollMonths.$inferSelect;

export async function monthRow(q: Queryable, month: string): Promise<PayrollMonthRow | null> {
  const [row] = await q.select().from(payrollMonths).where(eq(payrollMonths.month, month));
  return row ?? null;
}

/** The latest locked month, or null. */
export async function latestLocked(q: Queryable): Promise<PayrollMonthRow | null> {
  const [row] = await q.select().from(payrollMonths).where(eq(payrollMonths.status, 'locked')).orderBy(desc(payrollMonths.month)).limit(1);
  return row ?? null;
}

/** How far back a later change is still carried into a correction: two years of locked months. */
export const CORRECTION_HORIZON_MONTHS = 24;

/** The locked months before `month` within the horizon, newest first. */
export function lockedMonthsBefore(q: Queryable, month: string, fromMonth: string): Promise<PayrollMonthRow[]> {
  return q
    .select()
    .from(payrollMonths)
    .where(and(eq(payrollMonths.status, 'locked'), lt(payrollMonths.month, month), gte(payrollMonths.month, fromMonth)))
    .orderBy(desc(payrollMonths.month));
}

/**
 * The assignments of a locked month whose pay for it may differ now: something that decides it changed since a day
 * before the lock (the margin covers clocks and transactions that overlapped the lock; a candidate that did not
 * change gives no correction) — the assignment (start, end, payroll notice), an interruption, the level's rate in
 * the month's year, the month's report — and that either ran in the month or was paid for it.
 */
export async function correctionCandidates(q: Queryable, locked: PayrollMonthRow): Promise<string[]> {
  const since = new Date((locked.lockedAt as Date).getTime() - 24 * 3600 * 1000);
  const sinceAt = sql`${since.toISOString()}::timestamptz`;
  const month = locked.month;
  const year = Number(month.slice(0, 4));
  const rows = await q
    .select({ id: assignments.id })
    .from(assignments)
    .where(
      and(
        or(activeWhere(month), sql`exists (select 1 from ${payrollLines} pl where pl.assignment_id = ${assignments.id} and pl.for_month = ${month})`),
        or(
          gte(assignments.updatedAt, since),
          sql`exists (select 1 from ${assignmentInterruptions} i where i.assignment_id = ${assignments.id} and (i.updated_at >= ${sinceAt} or i.created_at >= ${sinceAt}))`,
          sql`exists (select 1 from ${rateLevels} rl where rl.year = ${year} and rl.code = ${assignments.rateLevel} and rl.updated_at >= ${sinceAt})`,
          sql`exists (select 1 from ${cpReports} r where r.assignment_id = ${assignments.id} and r.month = ${month} and r.updated_at >= ${sinceAt})`,
        ),
      ),
    );
  return rows.map((r) => r.id);
}

/** What was paid for `forMonth` per assignment: its lines in every locked month. */
export async function paidFor(q: Queryable, forMonth: string, ids: readonly string[]): Promise<Map<string, Amounts>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({
      assignmentId: payrollLines.assignmentId,
      arvode: sql<string>`sum(${payrollLines.arvode})`,
      omkostnad: sql<string>`sum(${payrollLines.omkostnad})`,
      expenses: sql<string>`sum(${payrollLines.expenses})`,
    })
    .from(payrollLines)
    .where(and(eq(payrollLines.forMonth, forMonth), sql`${payrollLines.assignmentId} = any(${`{${ids.join(',')}}`}::uuid[])`))
    .groupBy(payrollLines.assignmentId);
  return new Map(rows.map((r) => [r.assignmentId, { arvode: Number(r.arvode), omkostnad: Number(r.omkostnad), expenses: Number(r.expenses) }]));
}

/** A month's frozen lines in the file's order. */
export function frozenLines(q: Queryable, month: string) {
  return q.select().from(payrollLines).where(eq(payrollLines.month, month)).orderBy(asc(payrollLines.sortOrder));
}
