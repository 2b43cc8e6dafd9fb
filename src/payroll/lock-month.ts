// Locking a payroll month: the lines as computed now are frozen (with every field the file shows), the month never
// changes again, and what changes later is paid as a correction line in the next open month. Months are locked in
// order. Segregation of duties (item 6): who approved a report the month pays may not lock it unless configured.
import { eq, sql } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { computeMonth, type ComputedLine } from './compute-month';
import { latestLocked, payrollSettingsOf, type PayrollMonthRow, type PayrollSettingsRow } from './repo';
import { exportedLines, lockSegregationConflicts, shiftMonth, sumLines, totalOf } from './rules';
import { payrollMonths } from './tables';

/** Why `month` may not be locked by the actor now (an error to throw), or null. */
export async function lockRefusal(q: Queryable, actorId: string, row: PayrollMonthRow | null, lines: readonly ComputedLine[], settings: PayrollSettingsRow): Promise<AppError | null> {
  if (!row) return new AppError('PAYROLL_MONTH_NOT_OPEN');
  if (row.status === 'locked') return new AppError('PAYROLL_MONTH_LOCKED');
  const latest = await latestLocked(q);
  if (latest && latest.month > row.month) return new AppError('PAYROLL_MONTH_BEFORE_LOCKED');
  if (latest && shiftMonth(latest.month, 1) !== row.month) {
    return new AppError('PAYROLL_MONTH_OUT_OF_ORDER', { message: `Lönemånaderna låses i tur och ordning. Lås ${shiftMonth(latest.month, 1)} först.` });
  }
  const approvers = lines.filter((l) => l.reportId !== null && l.approvedBy !== null).map((l) => ({ reportId: l.reportId as string, approvedBy: l.approvedBy }));
  if (lockSegregationConflicts(actorId, approvers, settings.approverMayLock).length > 0) return new AppError('PAYROLL_LOCK_SEGREGATION');
  return null;
}

/** Rows per INSERT: one JSON parameter each (a multi-row VALUES list would bind 25 parameters per line). */
const CHUNK = 5000;

export function lockMonth(ctx: UseCaseContext, month: string, input: { version: number }) {
  return writeUseCase(ctx, async (tx) => {
    const [row] = await tx.select().from(payrollMonths).where(eq(payrollMonths.month, month)).for('update');
    if (row && row.status === 'open' && row.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const settings = await payrollSettingsOf(tx);
    const lines = row?.status === 'open' ? await computeMonth(tx, month, settings) : [];
    const refusal = await lockRefusal(tx, ctx.actor.id, row ?? null, lines, settings);
    if (refusal) throw refusal;
    for (let i = 0; i < lines.length; i += CHUNK) {
      const json = JSON.stringify(
        lines.slice(i, i + CHUNK).map((l, j) => ({
          month,
          kind: l.kind,
          for_month: l.forMonth,
          assignment_id: l.assignmentId,
          contact_person_id: l.contactPersonId,
          arvode: l.amounts.arvode,
          omkostnad: l.amounts.omkostnad,
          expenses: l.amounts.expenses,
          blocked: l.blocked,
          paid_days: l.paidDays,
          days_in_month: l.daysInMonth,
          report_id: l.reportId,
          identity_number: l.identityNumber,
          name: l.name,
          case_number: l.caseNumber,
          level_code: l.levelCode,
          level_name: l.levelName,
          pay_codes: l.payCodes,
          cost_centre: l.costCentre,
          unit_id: l.unitId,
          sort_order: i + j,
        })),
      );
      await tx.execute(sql`
        insert into payroll_lines (month, kind, for_month, assignment_id, contact_person_id, arvode, omkostnad, expenses, blocked, paid_days,
          days_in_month, report_id, identity_number, name, case_number, level_code, level_name, pay_codes, cost_centre, unit_id, sort_order)
        select month, kind, for_month, assignment_id, contact_person_id, arvode, omkostnad, expenses, blocked, paid_days,
          days_in_month, report_id, identity_number, name, case_number, level_code, level_name, pay_codes, cost_centre, unit_id, sort_order
        from jsonb_to_recordset(${json}::jsonb) as x(month text, kind text, for_month text, assignment_id uuid, contact_person_id uuid, arvode int,
          omkostnad int, expenses int, blocked text, paid_days int, days_in_month int, report_id uuid, identity_number text, name text,
          case_number text, level_code text, level_name text, pay_codes jsonb, cost_centre text, unit_id uuid, sort_order int)`);
    }
    const lockedAt = ctx.clock.now();
    const [locked] = await tx
      .update(payrollMonths)
      .set({ status: 'locked', lockedAt, lockedBy: ctx.actor.id, version: sql`${payrollMonths.version} + 1` })
      .where(eq(payrollMonths.month, month))
      .returning();
    const exported = exportedLines(lines);
    await recordAudit(tx, ctx, {
      action: 'payroll.month_lock',
      entityType: 'payroll_month',
      details: { month, lines: lines.length, exported: exported.length, blocked: lines.filter((l) => l.blocked !== null).length, totalOre: totalOf(sumLines(exported)) },
    });
    return { month, status: locked.status, version: locked.version };
  });
}
