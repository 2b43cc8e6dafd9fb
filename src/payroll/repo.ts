// Queries of the payroll month: the configuration, the assignments of a month with everything the rules and the
// file need (one statement for the whole month, its rows as one JSON value), the locked months before a
// month, which of their assignments may have changed since they were locked, and what was paid for them.
import { and, desc, eq, gte, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { formatIdentityNumber } from '../people/identity-number';
import { cases } from '../intake/tables';
import { contactPersons } from '../contact-persons/tables';
import { rateLevels } from '../payments/tables';
import { daysInMonthOf } from '../payments/rules';
import { levelsOfYear } from '../payments/repo';
import { assignmentInterruptions, assignments } from '../assignments/tables';
import { cpReportExpenses, cpReports } from '../portal/tables';
import type { Amounts, AssignmentMonth, BlockReason, ReportState } from './rules';
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

/** One assignment-month as the statement below returns it: positions of `json_build_array`. */
type MonthTuple = [
  id: string,
  contactPersonId: string,
  unitId: string,
  start: string | null,
  end: string | null,
  rateLevel: string,
  noticeSent: boolean,
  caseNumber: string,
  identityNumber: string,
  firstName: string,
  lastName: string,
  costCentre: string | null,
  reportId: string | null,
  reportStatus: Exclude<ReportState, 'missing'> | null,
  approvedBy: string | null,
  expenses: number,
  interruptions: [from: string, resumed: string | null][] | null,
];

/**
 * A result of many rows as one JSON text value. The embedded engine's driver allocates an ArrayBuffer per field of
 * every row (50 000 assignment-months × 17 fields took seconds and most of the garbage collector's time); one value
 * parsed by JSON.parse takes a tenth of that, on PostgreSQL too. `query` names its row `x` (and, when `ordered`,
 * its place `o`).
 */
async function jsonRows<T>(q: Queryable, query: SQL, opts: { ordered?: boolean } = {}): Promise<T[]> {
  const agg = opts.ordered ? sql`json_agg(r.x order by r.o)` : sql`json_agg(r.x)`;
  const result = (await q.execute(sql`select ${agg}::text as json from (${query}) r`)) as unknown as { rows: { json: string | null }[] };
  const json = result.rows[0]?.json;
  return json ? (JSON.parse(json) as T[]) : [];
}

/**
 * The assignments of `month` as the rules take them: those that ran in it, or exactly `only` (an earlier month's
 * candidates for a correction, which may no longer run in it). One statement: each assignment with its case, contact
 * person, cost centre, the month's report with its expenses summed and its interruptions overlapping the month.
 */
export async function loadAssignmentMonths(q: Queryable, month: string, only?: readonly string[]): Promise<MonthRow[]> {
  if (only && only.length === 0) return [];
  const which = only ? sql`${assignments.id} = any(${`{${only.join(',')}}`}::uuid[])` : activeWhere(month);
  const first = firstOf(month);
  const last = lastOf(month);
  const expenses = sql`(select ${cpReportExpenses.reportId} as report_id, sum(${cpReportExpenses.amountOre})::int as amount
      from ${cpReportExpenses} join ${cpReports} on ${cpReports.id} = ${cpReportExpenses.reportId} and ${cpReports.month} = ${month}
      group by ${cpReportExpenses.reportId})`;
  const interruptions = sql`(select json_agg(json_build_array(i.from_date, i.resumed_date) order by i.from_date)
      from ${assignmentInterruptions} i
      where i.assignment_id = ${assignments.id} and i.from_date <= ${last} and (i.resumed_date is null or i.resumed_date > ${first}))`;
  const tuples = sql`select json_build_array(${assignments.id}, ${assignments.contactPersonId}, ${assignments.providerUnitId}, ${assignments.startDate},
        ${assignments.endDate}, ${assignments.rateLevel}, ${assignments.payrollNoticeDate} is not null, ${cases.caseNumber}, ${contactPersons.identityNumber},
        ${contactPersons.firstName}, ${contactPersons.lastName}, ${payrollCostCentres.costCentre}, ${cpReports.id}, ${cpReports.status}, ${cpReports.approvedBy},
        coalesce(e.amount, 0), ${interruptions}) as x
      from ${assignments}
      join ${cases} on ${cases.id} = ${assignments.caseId}
      join ${contactPersons} on ${contactPersons.id} = ${assignments.contactPersonId}
      left join ${payrollCostCentres} on ${payrollCostCentres.unitId} = ${assignments.providerUnitId}
      left join ${cpReports} on ${cpReports.assignmentId} = ${assignments.id} and ${cpReports.month} = ${month}
      left join ${expenses} e on e.report_id = ${cpReports.id}
      where ${which}`;
  const [settings, levels, rows] = await allOf(q,
    () => payrollSettingsOf(q),
    () => levelsOfYear(q, Number(month.slice(0, 4))),
    () => jsonRows<MonthTuple>(q, tuples));
  const levelOf = new Map(levels.map((l) => [l.code, l]));
  return rows.map(([id, contactPersonId, unitId, start, end, rateLevel, noticeSent, caseNumber, identityNumber, firstName, lastName, costCentre, reportId, reportStatus, approvedBy, expenseSum, breaks]) => {
    const level = levelOf.get(rateLevel);
    const state: ReportState = reportStatus ?? 'missing';
    return {
      assignmentId: id,
      contactPersonId,
      start,
      end,
      interruptions: (breaks ?? []).map(([from, resumed]) => ({ from, resumed })),
      rate: level ? { arvode: level.arvode, omkostnad: level.omkostnad } : null,
      noticeSent,
      report: { state, expenses: state === 'approved' ? expenseSum : 0 },
      unitId,
      caseNumber,
      identityNumber: formatIdentityNumber(identityNumber, 'personnummer'),
      name: `${lastName}, ${firstName}`,
      levelCode: rateLevel,
      levelName: level?.name ?? rateLevel,
      costCentre: costCentre ?? settings.defaultCostCentre,
      reportId,
      approvedBy: state === 'approved' ? approvedBy : null,
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

/** A frozen line of a locked month: what the page and the file show (present.ts's ViewLine), and its id. */
export interface FrozenLine {
  id: string;
  assignmentId: string;
  contactPersonId: string;
  kind: 'regular' | 'correction';
  forMonth: string;
  amounts: Amounts;
  blocked: BlockReason | null;
  paidDays: number;
  daysInMonth: number;
  identityNumber: string;
  name: string;
  caseNumber: string;
  levelName: string;
  costCentre: string;
  payCodes: { arvode: string; omkostnad: string; utlagg: string };
}

type FrozenTuple = [
  id: string,
  assignmentId: string,
  contactPersonId: string,
  kind: FrozenLine['kind'],
  forMonth: string,
  arvode: number,
  omkostnad: number,
  expenses: number,
  blocked: FrozenLine['blocked'],
  paidDays: number,
  daysInMonth: number,
  identityNumber: string,
  name: string,
  caseNumber: string,
  levelName: string,
  costCentre: string,
  payCodes: FrozenLine['payCodes'],
];

/** A month's frozen lines in the file's order (one statement, one JSON value: see jsonRows). */
export async function frozenLines(q: Queryable, month: string): Promise<FrozenLine[]> {
  const l = payrollLines;
  const tuples = await jsonRows<FrozenTuple>(
    q,
    sql`select json_build_array(${l.id}, ${l.assignmentId}, ${l.contactPersonId}, ${l.kind}, ${l.forMonth}, ${l.arvode}, ${l.omkostnad}, ${l.expenses},
        ${l.blocked}, ${l.paidDays}, ${l.daysInMonth}, ${l.identityNumber}, ${l.name}, ${l.caseNumber}, ${l.levelName}, ${l.costCentre}, ${l.payCodes}) as x, ${l.sortOrder} as o
      from ${l} where ${l.month} = ${month}`,
    { ordered: true },
  );
  return tuples.map(([id, assignmentId, contactPersonId, kind, forMonth, arvode, omkostnad, expenses, blocked, paidDays, daysInMonth, identityNumber, name, caseNumber, levelName, costCentre, payCodes]) => ({
    id,
    assignmentId,
    contactPersonId,
    kind,
    forMonth,
    amounts: { arvode, omkostnad, expenses },
    blocked,
    paidDays,
    daysInMonth,
    identityNumber,
    name,
    caseNumber,
    levelName,
    costCentre,
    payCodes,
  }));
}
