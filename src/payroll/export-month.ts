// The payroll file of a locked month, as CSV for Excel or .xlsx: built from the frozen lines only (what has an
// amount), logged with who, when, which format and the SHA-256 of the bytes — the same month always gives the same
// bytes, so a file can be proven to be the one Kontakt made. Every contact person in it is an audited read.
import { createHash } from 'node:crypto';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit, type AuditEntry } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { fileLine, fromFrozen } from './present';
import { payrollCsv, payrollXlsx } from './payroll-file';
import { frozenLines, monthRow } from './repo';
import { exportedLines } from './rules';
import { payrollExports } from './tables';

export type ExportFormat = 'csv' | 'xlsx';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file's bytes for a locked month (no log: the use case below logs). */
async function monthFile(lines: Awaited<ReturnType<typeof frozenLines>>, month: string, lockedAt: Date, format: ExportFormat): Promise<{ bytes: Buffer; count: number }> {
  const rows = exportedLines(lines.map(fromFrozen)).map(fileLine);
  const bytes = format === 'csv' ? payrollCsv(rows) : await payrollXlsx(month, rows, lockedAt);
  return { bytes, count: rows.length };
}

export function exportMonth(ctx: UseCaseContext, month: string, format: ExportFormat) {
  return writeUseCase(ctx, async (tx) => {
    const row = await monthRow(tx, month);
    if (!row) throw new AppError('PAYROLL_MONTH_NOT_OPEN');
    if (row.status !== 'locked' || !row.lockedAt) throw new AppError('PAYROLL_MONTH_NOT_LOCKED');
    const lines = await frozenLines(tx, month);
    const { bytes, count } = await monthFile(lines, month, row.lockedAt, format);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await tx.insert(payrollExports).values({ month, format, sha256, bytes: bytes.length, lineCount: count, exportedBy: ctx.actor.id, exportedAt: ctx.clock.now() });
    const entries: AuditEntry[] = [
      { action: 'payroll.export', entityType: 'payroll_month', details: { month, format, sha256, lines: count } },
      ...exportedLines(lines.map(fromFrozen)).map(
        (l): AuditEntry => ({ action: 'payroll.export', entityType: 'contact_person', entityId: l.contactPersonId, details: { month, format, assignmentId: l.assignmentId } }),
      ),
    ];
    await recordAudit(tx, ctx, entries);
    return { bytes, sha256, contentType: CONTENT_TYPES[format], fileName: `lon-${month}.${format}` };
  });
}
