// Opening a payroll month (lön or the coordinator): from then on the month page shows its lines as they stand, until
// it is locked. Months follow each other: none before the latest locked month, none that has not begun.
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError, fieldError } from '../platform/errors';
import { latestLocked } from './repo';
import { monthProblem } from './rules';
import { payrollMonths } from './tables';

export function openMonth(ctx: UseCaseContext, input: { month: string }) {
  const problem = monthProblem(input.month, ctx.clock.today());
  if (problem) throw fieldError('month', problem);
  return writeUseCase(ctx, async (tx) => {
    const latest = await latestLocked(tx);
    if (latest && latest.month === input.month) throw new AppError('PAYROLL_MONTH_LOCKED');
    if (latest && latest.month > input.month) throw new AppError('PAYROLL_MONTH_BEFORE_LOCKED');
    const [row] = await tx
      .insert(payrollMonths)
      .values({ month: input.month, status: 'open', openedAt: ctx.clock.now(), openedBy: ctx.actor.id })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('PAYROLL_MONTH_ALREADY_OPEN');
    await recordAudit(tx, ctx, { action: 'payroll.month_open', entityType: 'payroll_month', details: { month: row.month } });
    return { month: row.month, status: row.status, version: row.version };
  });
}
