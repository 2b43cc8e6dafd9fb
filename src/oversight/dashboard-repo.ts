// The dashboard's queries: aggregates over case_facts, assignments, the register and the locked payroll lines.
// Every date rule comes from the pure rules (executionDeadline through dashboard-rules.ts); SQL only counts.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../platform/db/connect';
import { addDays } from '../platform/calendar';
import { executionDeadline } from '../decisions/rules';
import { statusSql } from '../contact-persons/repo';
import { contactPersons, cpRemindersVersion } from '../contact-persons/tables';
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

export interface CaseFigures {
  requests: Map<string, number>;
  /** Days waited per month as a histogram (days → cases): request → decision by the decision's month. */
  toDecision: Map<string, Histogram>;
  /** Favourable decision → execution, by the execution's month. */
  toExecution: Map<string, Histogram>;
  inTime: Map<string, { decisions: number; inTime: number }>;
  /** Open orders: all, then those sent on or after each bound. */
  ordersSince: number[];
  /** Favourable decisions neither executed nor ended, decided before each cutoff. */
  unexecuted: number[];
}

/**
 * Every figure the dashboard takes from the case facts, in one statement over the cases in the filter (read once by
 * the unit's index, then counted six ways), as rows (figure, month or index, value, count, count):
 * - requests per month; days request → decision by the decision's month; days favourable decision → execution by
 *   the execution's month (histograms: the percentiles are the pure rules');
 * - favourable decisions made in the period, by month: those whose three months are over on `today` or that were
 *   executed (the others cannot be judged yet), and of them those executed by their deadline; decisions ended without
 *   being executed are left out. Each decision date's deadline is `executionDeadline`'s, handed to SQL as a table (one
 *   row per day of the period);
 * - orders sent, not executed, not ended, counted by the day they were sent on or after (the age bands' bounds);
 * - favourable decisions not executed nor ended, decided before each cutoff (deadline before that day).
 */
export async function caseFigures(q: Queryable, f: DashboardFilter, today: string, bounds: readonly string[], cutoffs: readonly string[]): Promise<CaseFigures> {
  const days: { d: string; deadline: string }[] = [];
  for (let d = f.from; d <= f.to; d = addDays(d, 1)) days.push({ d, deadline: executionDeadline(d) });
  const since = bounds.map((b, i) => sql`select 'orders', ${sql.raw(`'${i + 1}'`)}, 0, count(*) filter (where ordered_date >= ${b}::date)::int, 0 from open_orders`);
  const before = cutoffs.map((c, i) => sql`select 'unexecuted', ${sql.raw(`'${i}'`)}, 0, count(*) filter (where decision_date < ${c}::date)::int, 0 from unexecuted`);
  const r = await rows<{ k: string; m: string; v: number; n: number; n2: number }>(
    q,
    sql`with cf as materialized (
          select cf.received_date, cf.decision_date, cf.decision_outcome, cf.ordered_date, cf.executed_date, cf.ended_date,
            cf.decision_outcome in ('granted', 'partly_granted') as favourable
          from case_facts cf where ${casesWhere(f)}),
        deadlines as (select (x->>'d')::date as d, (x->>'deadline')::date as deadline from jsonb_array_elements(${JSON.stringify(days)}::jsonb) x),
        open_orders as (select ordered_date from cf where favourable and ordered_date is not null and executed_date is null and ended_date is null),
        unexecuted as (select decision_date from cf where favourable and executed_date is null and ended_date is null and decision_date < ${cutoffs[cutoffs.length - 1]}::date)
        select 'requests' as k, to_char(received_date, 'YYYY-MM') as m, 0 as v, count(*)::int as n, 0 as n2 from cf
          where received_date between ${f.from}::date and ${f.to}::date group by 2
        union all
        select 'decision', to_char(decision_date, 'YYYY-MM'), (decision_date - received_date)::int, count(*)::int, 0 from cf
          where decision_outcome is not null and decision_date between ${f.from}::date and ${f.to}::date group by 2, 3
        union all
        select 'execution', to_char(executed_date, 'YYYY-MM'), (executed_date - decision_date)::int, count(*)::int, 0 from cf
          where favourable and executed_date between ${f.from}::date and ${f.to}::date group by 2, 3
        union all
        select 'in_time', to_char(cf.decision_date, 'YYYY-MM'), 0,
            count(*) filter (where cf.executed_date is not null or dl.deadline < ${today}::date)::int,
            count(*) filter (where cf.executed_date <= dl.deadline)::int
          from cf join deadlines dl on dl.d = cf.decision_date
          where favourable and not (cf.executed_date is null and cf.ended_date is not null) group by 2
        union all
        select 'orders', '0', 0, count(*)::int, 0 from open_orders
        ${sql.join([...since, ...before].map((x) => sql` union all ${x}`), sql``)}`,
  );
  const out: CaseFigures = {
    requests: new Map(),
    toDecision: new Map(),
    toExecution: new Map(),
    inTime: new Map(),
    ordersSince: [0, ...bounds].map(() => 0),
    unexecuted: cutoffs.map(() => 0),
  };
  const bin = (m: Map<string, Histogram>, month: string, value: number, count: number) => {
    const list = (m.get(month) ?? []) as { value: number; count: number }[];
    list.push({ value, count });
    m.set(month, list);
  };
  for (const x of r) {
    const n = Number(x.n);
    if (x.k === 'requests') out.requests.set(x.m, n);
    else if (x.k === 'decision') bin(out.toDecision, x.m, Number(x.v), n);
    else if (x.k === 'execution') bin(out.toExecution, x.m, Number(x.v), n);
    else if (x.k === 'in_time') out.inTime.set(x.m, { decisions: n, inTime: Number(x.n2) });
    else if (x.k === 'orders') out.ordersSince[Number(x.m)] = n;
    else if (x.k === 'unexecuted') out.unexecuted[Number(x.m)] = n;
  }
  return out;
}

export interface ContactPersonGroup {
  status: string;
  capacity: number;
  load: number;
  n: number;
}

/** The register by status (statusSql: deriveCpStatus in SQL), with capacity and places taken for the free places. */
function contactPersonGroups(q: Queryable, today: string) {
  return rows<ContactPersonGroup>(
    q,
    sql`select s.status, s.capacity, s.load, count(*)::int as n from (
          select ${statusSql(today)} as status, ${contactPersons.capacity} as capacity, ${contactPersons.currentLoad} as load from ${contactPersons}) s
        group by 1, 2, 3`,
  );
}

const keptGroups = new WeakMap<Db, { key: string; value: Promise<ContactPersonGroup[]> }>();

/**
 * The register's groups on `today`, kept per database while cp_reminders_version (counted up at commit by the
 * triggers on contact_persons, its pauses and what recruitment reads: migrations 0022, 0028) and the date are
 * unchanged, as the reminders are (remindersOf): the whole register is not read for every dashboard. The version is
 * read before the rows, so what is kept is never older than its key says.
 */
export async function contactPersonGroupsOf(q: Queryable, db: Db, today: string): Promise<ContactPersonGroup[]> {
  const [v] = await q.select({ version: cpRemindersVersion.version }).from(cpRemindersVersion).where(eq(cpRemindersVersion.id, 1));
  const key = `${v?.version ?? 0} ${today}`;
  const hit = keptGroups.get(db);
  if (hit && hit.key === key) return hit.value;
  const value = contactPersonGroups(q, today);
  keptGroups.set(db, { key, value });
  value.catch(() => {
    if (keptGroups.get(db)?.value === value) keptGroups.delete(db);
  });
  return value;
}

/**
 * Assignments running on each day (started on or before it, not ended before it), of the unit's cases or provided
 * by it: one pass over the assignments with one count per day (a join of days × assignments was 10× slower).
 */
export async function activeAssignmentsOn(q: Queryable, f: DashboardFilter, days: readonly string[]): Promise<Map<string, number>> {
  const last = days[days.length - 1];
  // A unit's assignments: those it provides, and those of its cases provided by another unit — two index paths
  // (an OR of the two read every assignment).
  const of =
    f.unit === 'none'
      ? sql`select a.start_date, a.end_date, a.case_id from assignments a where false`
      : f.unit
        ? sql`select a.start_date, a.end_date, a.case_id from assignments a where a.provider_unit_id = ${f.unit}::uuid and a.start_date <= ${last}::date
              union all
              select a.start_date, a.end_date, a.case_id from cases c join assignments a on a.case_id = c.id
              where c.unit_id = ${f.unit}::uuid and a.provider_unit_id <> ${f.unit}::uuid and a.start_date <= ${last}::date`
        : sql`select a.start_date, a.end_date, a.case_id from assignments a where a.start_date <= ${last}::date`;
  const route = f.route ? sql`exists (select 1 from cases c where c.id = a.case_id and c.route = ${f.route})` : sql`true`;
  const cols = days.map((d, i) => sql`count(*) filter (where a.start_date <= ${d}::date and (a.end_date is null or a.end_date >= ${d}::date))::int as ${sql.raw(`c${i}`)}`);
  const [r] = await rows<Record<string, number>>(q, sql`select ${sql.join(cols, sql`, `)} from (${of}) a where ${route}`);
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
