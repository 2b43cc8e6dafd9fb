// The enhetschef's dashboard (issue 13 item 2): key figures of one unit (or, for the whole municipality's scope, of
// any or every unit), filtered by legal route and period. Aggregates only; the read itself is audited.
import { asc, eq } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError, fieldError } from '../platform/errors';
import { scopeOf } from '../platform/policy/permissions';
import { units } from '../platform/tables';
import { addDays, addMonths } from '../platform/calendar';
import { CP_STATUSES, cpStatusLabel, freeCapacity, type CpStatus } from '../contact-persons/rules';
import {
  dashboardPeriodProblem,
  defaultPeriod,
  executionDeadlineCutoff,
  lssStatisticsDue,
  medianOf,
  monthsOfPeriod,
  ORDER_AGE_BANDS,
  p90Of,
  sentOnOrAfter,
  shareOf,
  type Histogram,
} from './dashboard-rules';
import {
  activeAssignmentsOn,
  caseFigures,
  contactPersonGroupsOf,
  payPerMonth,
  type DashboardFilter,
} from './dashboard-repo';
import type { DashboardOut, DashboardQuery } from './dashboard-schema';

export function getDashboard(ctx: UseCaseContext, query: DashboardQuery): Promise<DashboardOut> {
  const today = ctx.clock.today();
  const period = defaultPeriod(today);
  const from = query.from ?? period.from;
  const to = query.to ?? (query.from && query.from > today ? query.from : period.to);
  const problem = dashboardPeriodProblem(from, to);
  if (problem) throw fieldError(problem.path, problem.message);
  const scope = scopeOf(ctx.actor, 'dashboard:read');
  // A unit-scoped user sees their own unit's figures only; asking for another unit is refused, not silently swapped.
  if (scope !== 'all' && query.unitId && query.unitId !== ctx.actor.unitId) throw new AppError('FORBIDDEN');
  const unit: DashboardFilter['unit'] = scope === 'all' ? (query.unitId ?? null) : (ctx.actor.unitId ?? 'none');
  const f: DashboardFilter = { unit, route: query.route ?? null, from, to };
  const months = monthsOfPeriod(from, to);

  return readUseCase(ctx, async (q) => {
    const unitRows = await q
      .select({ id: units.id, name: units.name, route: units.route })
      .from(units)
      .where(scope === 'all' ? eq(units.active, true) : eq(units.id, ctx.actor.unitId ?? '00000000-0000-0000-0000-000000000000'))
      .orderBy(asc(units.name));
    if (scope === 'all' && query.unitId && !unitRows.some((u) => u.id === query.unitId)) throw new AppError('NOT_FOUND');

    const bandBounds = ORDER_AGE_BANDS.filter((b) => Number.isFinite(b.maxDays)).map((b) => sentOnOrAfter(today, b.maxDays));
    // Past the deadline: decided before the cutoff of today; within 30 days: deadline today … today + 30.
    const cutoffs = [executionDeadlineCutoff(today), executionDeadlineCutoff(addDays(today, 31))];
    // Each month's last day, or today for the current month (a later month shows nothing yet).
    const monthEnds = months.map((m) => {
      const last = addDays(addMonths(`${m}-01`, 1), -1);
      // biome-ignore lint/complexity/useMathMinMax: ISO date strings, compared as text (Math.min would make NaN).
      return last < today ? last : today;
    });

    const [figures, cpGroups, active, pay] = await Promise.all([
      caseFigures(q, f, today, bandBounds, cutoffs),
      contactPersonGroupsOf(q, ctx.db, today),
      activeAssignmentsOn(q, f, monthEnds),
      payPerMonth(q, f, months),
    ]);

    const { requests, toDecision, toExecution, inTime, ordersSince, unexecuted } = figures;
    // ordersSince = [all, sent ≥ today−30, ≥ today−60, ≥ today−90]: each band is the difference of two bounds.
    const [all, ...since] = ordersSince;
    const within = [...since, all];
    const openOrdersByAge = ORDER_AGE_BANDS.map((b, i) => ({ band: b.key, label: b.label, count: within[i] - (i > 0 ? within[i - 1] : 0) }));

    const cp = new Map<CpStatus, { count: number; freePlaces: number }>(CP_STATUSES.map((s) => [s, { count: 0, freePlaces: 0 }]));
    for (const g of cpGroups) {
      const status = g.status as CpStatus;
      const entry = cp.get(status)!;
      entry.count += Number(g.n);
      // An available contact person's free places are freeCapacity's (its status is statusSql's, the same rule).
      if (status === 'available') {
        entry.freePlaces += Number(g.n) * freeCapacity({ approvedDate: today, endedDate: null, recruitmentStarted: true, pauses: [], capacity: Number(g.capacity), activeAssignments: Number(g.load) }, today);
      }
    }

    const waiting = (m: Map<string, Histogram>) =>
      months.map((month) => {
        const h = m.get(month) ?? [];
        return { month, count: h.reduce((s, b) => s + b.count, 0), median: medianOf(h), p90: p90Of(h) };
      });

    await recordAudit(q, ctx, {
      action: 'dashboard.read',
      entityType: 'unit',
      entityId: unit === 'none' ? null : unit,
      details: { unitId: unit === 'none' ? null : unit, route: f.route, from, to },
    });

    return {
      today,
      filters: { unitId: unit === 'none' ? null : unit, route: f.route, from, to },
      units: unitRows,
      lssStatistics: lssStatisticsDue(today),
      requestsPerMonth: months.map((month) => ({ month, count: requests.get(month) ?? 0 })),
      waitingToDecision: waiting(toDecision),
      waitingToExecution: waiting(toExecution),
      executedInTime: months.map((month) => {
        const x = inTime.get(month) ?? { decisions: 0, inTime: 0 };
        return { month, decisions: x.decisions, inTime: x.inTime, share: shareOf(x.inTime, x.decisions) };
      }),
      openOrdersByAge,
      pastDeadline: { now: unexecuted[0], next30Days: unexecuted[1] - unexecuted[0] },
      contactPersons: CP_STATUSES.map((s) => ({ status: s, label: cpStatusLabel[s], ...cp.get(s)! })),
      activeAssignments: months.map((month, i) => ({ month, count: active.get(monthEnds[i]) ?? 0 })),
      payPerMonth: months.map((month) => {
        const p = pay.get(month) ?? { arvode: 0, omkostnad: 0, expenses: 0 };
        return { month, ...p, total: p.arvode + p.omkostnad + p.expenses };
      }),
    };
  });
}
