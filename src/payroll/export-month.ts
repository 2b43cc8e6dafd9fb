// The payroll file of a locked month, as CSV for Excel or .xlsx: built from the frozen lines only (what has an
// amount), logged with who, when, which format and the SHA-256 of the bytes — the same month always gives the same
// bytes, so a file can be proven to be the one Kontakt made. Every contact person in it is an audited read.
import { createHash } from 'node:crypto';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { sql } from 'drizzle-orm';
import { recordAudit, recordAuditOfRows } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { fileLine } from './present';
import { payrollCsv, payrollXlsx } from './payroll-file';
import { frozenLines, monthRow, type FrozenLine } from './repo';
import { exportedLines } from './rules';
import { payrollExports, payrollLines } from './tables';

export type ExportFormat = 'csv' | 'xlsx';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file's bytes for a locked month (no log: the use case below logs). */
async function monthFile(exported: readonly FrozenLine[], month: string, lockedAt: Date, format: ExportFormat): Promise<Buffer> {
  const rows = exported.map(fileLine);
  return format === 'csv' ? payrollCsv(rows) : await payrollXlsx(month, rows, lockedAt);
}

export function exportMonth(ctx: UseCaseContext, month: string, format: ExportFormat) {
  return writeUseCase(ctx, async (tx) => {
    const row = await monthRow(tx, month);
    if (!row) throw new AppError('PAYROLL_MONTH_NOT_OPEN');
    if (row.status !== 'locked' || !row.lockedAt) throw new AppError('PAYROLL_MONTH_NOT_LOCKED');
    const exported = exportedLines(await frozenLines(tx, month));
    const bytes = await monthFile(exported, month, row.lockedAt, format);
    const count = exported.length;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await tx.insert(payrollExports).values({ month, format, sha256, bytes: bytes.length, lineCount: count, exportedBy: ctx.actor.id, exportedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, { action: 'payroll.export', entityType: 'payroll_month', details: { month, format, sha256, lines: count } });
    // Every contact person in the file, line by line in the file's order: one statement over the exported lines' ids.
    const ids = `{${exported.map((l) => l.id).join(',')}}`;
    await recordAuditOfRows(tx, ctx, { action: 'payroll.export', entityType: 'contact_person' }, {
      from: sql`unnest(${ids}::uuid[]) with ordinality as x(id, n) join ${payrollLines} pl on pl.id = x.id`,
      entityId: sql`pl.contact_person_id`,
      details: sql`jsonb_build_object('month', pl.month, 'format', ${format}::text, 'assignmentId', pl.assignment_id)`,
      orderBy: sql`x.n`,
    });
    return { bytes, sha256, contentType: CONTENT_TYPES[format], fileName: `lon-${month}.${format}` };
  });
}
