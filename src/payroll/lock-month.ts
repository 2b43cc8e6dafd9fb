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
import { payrollLines, payrollMonths } from './tables';

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

/** A PostgreSQL array literal of uuids, ints or plain text (quoted: names may hold commas, quotes and backslashes). */
const uuids = (xs: readonly (string | null)[]) => `{${xs.map((x) => x ?? 'NULL').join(',')}}`;
const ints = (xs: readonly number[]) => `{${xs.join(',')}}`;
const texts = (xs: readonly (string | null)[]) => `{${xs.map((x) => (x === null ? 'NULL' : `"${x.replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;

/**
 * The month's lines frozen in one INSERT … SELECT over unnest(arrays): one array parameter per column instead of a
 * JSON object (or 21 bound parameters) per line. The pay codes are one of two objects (regular, correction).
 */
async function insertLines(tx: Queryable, month: string, lines: readonly ComputedLine[]): Promise<void> {
  if (lines.length === 0) return;
  const col = <T>(f: (l: ComputedLine) => T) => lines.map(f);
  await tx.execute(sql`
    insert into ${payrollLines} (month, kind, for_month, assignment_id, contact_person_id, arvode, omkostnad, expenses, blocked, paid_days,
      days_in_month, report_id, identity_number, name, case_number, level_code, level_name, pay_codes, cost_centre, unit_id, sort_order)
    select ${month}, x.kind, x.for_month, x.assignment_id, x.contact_person_id, x.arvode, x.omkostnad, x.expenses, x.blocked, x.paid_days,
      x.days_in_month, x.report_id, x.identity_number, x.name, x.case_number, x.level_code, x.level_name, x.pay_codes::jsonb, x.cost_centre, x.unit_id,
      x.sort_order::int - 1
    from unnest(${texts(col((l) => l.kind))}::text[], ${texts(col((l) => l.forMonth))}::text[], ${uuids(col((l) => l.assignmentId))}::uuid[],
      ${uuids(col((l) => l.contactPersonId))}::uuid[], ${ints(col((l) => l.amounts.arvode))}::int[], ${ints(col((l) => l.amounts.omkostnad))}::int[],
      ${ints(col((l) => l.amounts.expenses))}::int[], ${texts(col((l) => l.blocked))}::text[], ${ints(col((l) => l.paidDays))}::int[],
      ${ints(col((l) => l.daysInMonth))}::int[], ${uuids(col((l) => l.reportId))}::uuid[], ${texts(col((l) => l.identityNumber))}::text[],
      ${texts(col((l) => l.name))}::text[], ${texts(col((l) => l.caseNumber))}::text[], ${texts(col((l) => l.levelCode))}::text[],
      ${texts(col((l) => l.levelName))}::text[], ${texts(col((l) => JSON.stringify(l.payCodes)))}::text[], ${texts(col((l) => l.costCentre))}::text[],
      ${uuids(col((l) => l.unitId))}::uuid[])
      with ordinality as x(kind, for_month, assignment_id, contact_person_id, arvode, omkostnad, expenses, blocked, paid_days, days_in_month, report_id,
        identity_number, name, case_number, level_code, level_name, pay_codes, cost_centre, unit_id, sort_order)`);
}

export function lockMonth(ctx: UseCaseContext, month: string, input: { version: number }) {
  return writeUseCase(ctx, async (tx) => {
    const [row] = await tx.select().from(payrollMonths).where(eq(payrollMonths.month, month)).for('update');
    if (row && row.status === 'open' && row.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const settings = await payrollSettingsOf(tx);
    const lines = row?.status === 'open' ? await computeMonth(tx, month, settings) : [];
    const refusal = await lockRefusal(tx, ctx.actor.id, row ?? null, lines, settings);
    if (refusal) throw refusal;
    await insertLines(tx, month, lines);
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
