// The dashboard's queries: aggregates over case_facts, assignments, the register and the locked payroll lines.
// Every date rule comes from the pure rules (executionDeadline through dashboard-rules.ts); SQL only counts.
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../platform/db/connect';
import { addDays } from '../platform/calendar';
import { executionDeadline } from '../decisions/rules';
import { statusSql } from '../contact-persons/repo';
import { contactPersons } from '../contact-persons/tables';
import type { Histogram } from './dashboard-rules';

export interface DashboardFilter {
  /** null: every unit (only for the whole municipality's scope); a uuid; or 'none' when the user has no unit. */
  unit: string | null | 'none';
  route: 'LSS' | 'SOL' | null;
  from: string;
  to: string;
}

async function rows<T>(q: Queryable, query: SQL): Promise<T[]> {
  const r = (await q.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

/** Which cases (case_facts rows, alias cf) the figures count. */
function casesWhere(f: DashboardFilter): SQL {
  const unit = f.unit === 'none' ? sql`false` : f.unit ? sql`cf.unit_id = ${f.unit}::uuid` : sql`true`;
  const route = f.route ? sql`exists (select 1 from cases c where c.id = cf.case_id and c.route = ${f.route})` : sql`true`;
  return sql`${unit} and ${route}`;
}

const favourable = sql`cf.decision_outcome in ('granted', 'partly_granted')`;

export async function requestsPerMonth(q: Queryable, f: DashboardFilter): Promise<Map<string, number>> {
  const r = await rows<{ month: string; n: number }>(
    q,
    sql`select to_char(cf.received_date, 'YYYY-MM') as month, count(*)::int as n from case_facts cf
        where ${casesWhere(f)} and cf.received_date between ${f.from}::date and ${f.to}::date group by 1`,
  );
  return new Map(r.map((x) => [x.month, Number(x.n)]));
}

/** Days waited per month as a histogram (days → cases): request → decision by the decision's month. */
export async function waitingToDecision(q: Queryable, f: DashboardFilter): Promise<Map<string, Histogram>> {
  return histograms(
    q,
    sql`select to_char(cf.decision_date, 'YYYY-MM') as month, (cf.decision_date - cf.received_date)::int as value, count(*)::int as n
        from case_facts cf where ${casesWhere(f)} and cf.decision_outcome is not null
        and cf.decision_date between ${f.from}::date and ${f.to}::date group by 1, 2`,
  );
}

/** Favourable decision → execution, by the execution's month. */
export async function waitingToExecution(q: Queryable, f: DashboardFilter): Promise<Map<string, Histogram>> {
  return histograms(
    q,
    sql`select to_char(cf.executed_date, 'YYYY-MM') as month, (cf.executed_date - cf.decision_date)::int as value, count(*)::int as n
        from case_facts cf where ${casesWhere(f)} and ${favourable}
        and cf.executed_date between ${f.from}::date and ${f.to}::date group by 1, 2`,
  );
}

async function histograms(q: Queryable, query: SQL): Promise<Map<string, Histogram>> {
  const out = new Map<string, { value: number; count: number }[]>();
  for (const r of await rows<{ month: string; value: number; n: number }>(q, query)) {
    const list = out.get(r.month) ?? [];
    list.push({ value: Number(r.value), count: Number(r.n) });
    out.set(r.month, list);
  }
  return out;
}

/**
 * Favourable decisions made in the period, by month: those whose three months are over on `today` or that were
 * executed (the others cannot be judged yet), and of them those executed by their deadline. Decisions ended
 * without being executed are left out. Each decision date's deadline is `executionDeadline`'s, handed to SQL as a
 * table (one row per day of the period).
 */
export async function executedInTime(q: Queryable, f: DashboardFilter, today: string): Promise<Map<string, { decisions: number; inTime: number }>> {
  const days: { d: string; deadline: string }[] = [];
  for (let d = f.from; d <= f.to; d = addDays(d, 1)) days.push({ d, deadline: executionDeadline(d) });
  const r = await rows<{ month: string; decisions: number; in_time: number }>(
    q,
    sql`with deadlines as (select (x->>'d')::date as d, (x->>'deadline')::date as deadline from jsonb_array_elements(${JSON.stringify(days)}::jsonb) x)
        select to_char(cf.decision_date, 'YYYY-MM') as month,
          count(*) filter (where cf.executed_date is not null or dl.deadline < ${today}::date)::int as decisions,
          count(*) filter (where cf.executed_date <= dl.deadline)::int as in_time
        from case_facts cf join deadlines dl on dl.d = cf.decision_date
        where ${casesWhere(f)} and ${favourable} and not (cf.executed_date is null and cf.ended_date is not null)
        group by 1`,
  );
  return new Map(r.map((x) => [x.month, { decisions: Number(x.decisions), inTime: Number(x.in_time) }]));
}

/** Orders sent, not executed, not ended, counted by the day they were sent on or after (the age bands' bounds). */
export async function openOrdersSince(q: Queryable, f: DashboardFilter, bounds: readonly string[]): Promise<number[]> {
  const cols = bounds.map((b, i) => sql`count(*) filter (where cf.ordered_date >= ${b}::date)::int as ${sql.raw(`c${i + 1}`)}`);
  const [r] = await rows<Record<string, number>>(
    q,
    sql`select ${sql.join([sql`count(*)::int as c0`, ...cols], sql`, `)} from case_facts cf
        where ${casesWhere(f)} and ${favourable} and cf.ordered_date is not null and cf.executed_date is null and cf.ended_date is null`,
  );
  return [0, ...bounds].map((_, i) => Number(r[`c${i}`]));
}

/** Favourable decisions not executed nor ended, decided before each cutoff (deadline before that day). */
export async function unexecutedDecidedBefore(q: Queryable, f: DashboardFilter, cutoffs: readonly string[]): Promise<number[]> {
  const cols = cutoffs.map((c, i) => sql`count(*) filter (where cf.decision_date < ${c}::date)::int as ${sql.raw(`c${i}`)}`);
  const [r] = await rows<Record<string, number>>(
    q,
    sql`select ${sql.join(cols, sql`, `)} from case_facts cf
        where ${casesWhere(f)} and ${favourable} and cf.executed_date is null and cf.ended_date is null and cf.decision_date < ${cutoffs[cutoffs.length - 1]}::date`,
  );
  return cutoffs.map((_, i) => Number(r[`c${i}`]));
}

/** The register by status (statusSql: deriveCpStatus in SQL), with capacity and places taken for the free places. */
export function contactPersonGroups(q: Queryable, today: string) {
  return rows<{ status: string; capacity: number; load: number; n: number }>(
    q,
    sql`select s.status, s.capacity, s.load, count(*)::int as n from (
          select ${statusSql(today)} as status, ${contactPersons.capacity} as capacity, ${contactPersons.currentLoad} as load from ${contactPersons}) s
        group by 1, 2, 3`,
  );
}

/**
 * Assignments running on each day (started on or before it, not ended before it), of the unit's cases or provided
 * by it: one pass over the assignments with one count per day (a join of days × assignments was 10× slower).
 */
export async function activeAssignmentsOn(q: Queryable, f: DashboardFilter, days: readonly string[]): Promise<Map<string, number>> {
  const unit =
    f.unit === 'none' ? sql`false` : f.unit ? sql`(a.provider_unit_id = ${f.unit}::uuid or a.case_id in (select c.id from cases c where c.unit_id = ${f.unit}::uuid))` : sql`true`;
  const route = f.route ? sql`exists (select 1 from cases c where c.id = a.case_id and c.route = ${f.route})` : sql`true`;
  const cols = days.map((d, i) => sql`count(*) filter (where a.start_date <= ${d}::date and (a.end_date is null or a.end_date >= ${d}::date))::int as ${sql.raw(`c${i}`)}`);
  const [r] = await rows<Record<string, number>>(
    q,
    sql`select ${sql.join(cols, sql`, `)} from assignments a
        where ${unit} and ${route} and a.start_date <= ${days[days.length - 1]}::date`,
  );
  return new Map(days.map((d, i) => [d, Number(r[`c${i}`])]));
}

/** The locked months' payroll lines (regular and corrections), summed per payroll month, in öre. */
export async function payPerMonth(q: Queryable, f: DashboardFilter, months: readonly string[]) {
  const unit = f.unit === 'none' ? sql`false` : f.unit ? sql`l.unit_id = ${f.unit}::uuid` : sql`true`;
  const route = f.route ? sql`exists (select 1 from units u where u.id = l.unit_id and u.route = ${f.route})` : sql`true`;
  const r = await rows<{ month: string; arvode: number; omkostnad: number; expenses: number }>(
    q,
    sql`select l.month, sum(l.arvode)::bigint as arvode, sum(l.omkostnad)::bigint as omkostnad, sum(l.expenses)::bigint as expenses
        from payroll_lines l where ${unit} and ${route} and l.month between ${months[0]} and ${months[months.length - 1]} group by 1`,
  );
  return new Map(r.map((x) => [x.month, { arvode: Number(x.arvode), omkostnad: Number(x.omkostnad), expenses: Number(x.expenses) }]));
}
