// Export of a unit's IVO quarter (issue 13 item 1): CSV, .xlsx and a printable PDF of the sheets, and the council's
// statistics report as CSV or PDF. Made from the frozen snapshot once the quarter is submitted (the same bytes every
// time; the SHA-256 is logged), from the record otherwise. Every person in the file is an audited read.
import { createHash } from 'node:crypto';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { renderPdf } from '../platform/documents/pdf';
import { fileTime, ivoCsv, ivoPdf, ivoXlsx, statisticsCsv, statisticsPdf, statisticsRows } from './ivo-files';
import { ivoUnitOf, quarterData, readEntries } from './ivo-quarter';

export type IvoFileFormat = 'csv' | 'xlsx' | 'pdf';
export type StatisticsFormat = 'csv' | 'pdf';

export const IVO_CONTENT_TYPES: Record<IvoFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function exportIvoQuarter(ctx: UseCaseContext, quarter: string, format: IvoFileFormat, unitId: string | undefined) {
  return writeUseCase(ctx, async (tx) => {
    const unit = await ivoUnitOf(ctx, tx, unitId);
    const { data, frozen } = await quarterData(tx, unit, quarter, ctx.actor.id);
    const at = fileTime(data, frozen?.at ?? null);
    const bytes = format === 'csv' ? ivoCsv(data) : format === 'xlsx' ? await ivoXlsx(data, at) : await renderPdf(ivoPdf(data, at));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await recordAudit(tx, ctx, [
      { action: 'ivo.export', entityType: 'ivo_quarter', entityId: null, details: { quarter, format, sha256, unitId: unit.id, reports: data.reports.length } },
      ...readEntries('ivo.export', data, { format }),
    ]);
    return { bytes, sha256, contentType: IVO_CONTENT_TYPES[format], fileName: `ivo-ej-verkstallda-${quarter}.${format}` };
  });
}

export function exportIvoStatistics(ctx: UseCaseContext, quarter: string, format: StatisticsFormat, unitId: string | undefined) {
  return writeUseCase(ctx, async (tx) => {
    const unit = await ivoUnitOf(ctx, tx, unitId);
    const { data, frozen } = await quarterData(tx, unit, quarter, ctx.actor.id);
    const at = fileTime(data, frozen?.at ?? null);
    const bytes = format === 'csv' ? statisticsCsv(data) : await renderPdf(statisticsPdf(data, at));
    // Counts and days only: no person is in the file.
    await recordAudit(tx, ctx, { action: 'ivo.statistics', entityType: 'ivo_quarter', entityId: null, details: { quarter, format, unitId: unit.id, lines: statisticsRows(data).length } });
    return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), contentType: IVO_CONTENT_TYPES[format], fileName: `statistik-ej-verkstallda-${quarter}.${format}` };
  });
}
