// The payroll months opened so far, newest first, and the latest locked one (the next month to lock follows it).
import { desc } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { payrollMonths } from './tables';

export function listMonths(ctx: UseCaseContext) {
  return readUseCase(ctx, async (q) => {
    const rows = await q.select().from(payrollMonths).orderBy(desc(payrollMonths.month)).limit(120);
    return {
      months: rows.map((r) => ({ month: r.month, status: r.status, lockedAt: r.lockedAt?.toISOString() ?? null })),
      latestLocked: rows.find((r) => r.status === 'locked')?.month ?? null,
    };
  });
}
