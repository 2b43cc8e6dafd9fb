// The coordinator's lists: the submitted reports waiting for approval (deviations from the agreement highlighted, late
// ones marked) and the months not reported yet (`dueReports`). Scope: the assignments of the actor's unit
// (report:approve / report:read 'unit'; 'all' would list every unit).
import { eq, sql } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { scopeOf } from '../platform/policy/permissions';
import { formatKronor } from '../payments/rules';
import { agreedFor } from './present';
import { dueInputs, reportDueDay, submittedReports } from './repo';
import { deviationLabel, dueReports, monthLabel, reminderText, reportLate, type DueReport } from './rules';
import type { DueReportsOut, ReportQueueOut } from './schema';
import { cpReports } from './tables';

/** The unit the actor's scope of `permission` covers: undefined = every unit, null = none. */
function unitOf(ctx: UseCaseContext, permission: 'report:read' | 'report:approve'): string | null | undefined {
  return scopeOf(ctx.actor, permission) === 'all' ? undefined : ctx.actor.unitId;
}

export function reportQueue(ctx: UseCaseContext): Promise<ReportQueueOut> {
  const unitId = unitOf(ctx, 'report:approve');
  const today = ctx.clock.today();
  return readUseCase(ctx, async (q) => {
    const [rows, dueDay] = await Promise.all([submittedReports(q, unitId === undefined ? undefined : unitId ? eq(cpReports.providerUnitId, unitId) : sql`false`), reportDueDay(q)]);
    const items = rows.map((x) => {
      const agreed = agreedFor(x.r.month, x.state, x.a.meetingsPerMonth, x.meetings);
      return {
        id: x.r.id,
        version: x.r.version,
        month: x.r.month,
        monthLabel: monthLabel(x.r.month),
        contactPersonName: `${x.cpFirst} ${x.cpLast}`,
        personFirstName: x.personFirstName,
        submittedAt: x.r.submittedAt?.toISOString() ?? null,
        late: reportLate(x.r, dueDay, today),
        meetings: x.meetings,
        expected: agreed.expected,
        expensesText: formatKronor(x.expensesOre),
        deviation: agreed.deviation,
        deviationLabel: agreed.deviation ? deviationLabel[agreed.deviation] : null,
      };
    });
    await recordAudit(q, ctx, { action: 'report.queue', entityType: 'cp_report', details: { count: items.length } });
    return { items };
  });
}

/**
 * Who has not reported a month that is due, as data: the pure rule over the assignments (of one unit, or all) and
 * their reports. The lead can hook it to the notifications outbox (one reminder per contact person and month).
 */
export async function loadDueReports(q: Queryable, today: string, filter: { unitId?: string | null; contactPersonId?: string } = {}) {
  const [inputs, dueDay] = await Promise.all([dueInputs(q, today, filter), reportDueDay(q)]);
  const due: DueReport[] = dueReports(inputs.assignments, inputs.reports, today, { dueDay });
  return due.map((d) => ({ ...d, ...(inputs.names.get(d.assignmentId) ?? { contactPersonName: '', personFirstName: '' }) }));
}

export function listDueReports(ctx: UseCaseContext): Promise<DueReportsOut> {
  const unitId = unitOf(ctx, 'report:read');
  const today = ctx.clock.today();
  return readUseCase(ctx, async (q) => {
    const due = await loadDueReports(q, today, unitId === undefined ? {} : { unitId });
    await recordAudit(q, ctx, { action: 'report.due', entityType: 'cp_report', details: { count: due.length } });
    return {
      items: due.map((d) => ({
        assignmentId: d.assignmentId,
        contactPersonId: d.contactPersonId,
        contactPersonName: d.contactPersonName,
        personFirstName: d.personFirstName,
        month: d.month,
        monthLabel: monthLabel(d.month),
        deadline: d.deadline,
        overdue: d.overdue,
        status: d.status,
        text: reminderText(d),
      })),
    };
  });
}
