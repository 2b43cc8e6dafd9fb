// The payroll configuration row every deployment starts with (hold unreported lines, approvers may not lock,
// placeholder lönearter the municipality replaces with its payroll system's codes).
import type { Queryable } from '../platform/db/connect';
import { payrollSettings } from './tables';

export async function seedPayrollSettings(db: Queryable): Promise<void> {
  await db.insert(payrollSettings).values({ id: 1 }).onConflictDoNothing();
}
