// Receipts (a photo or a PDF) of a report's expenses, stored in the database. The type is read from the content with
// file-type (JPEG, PNG, HEIC/HEIF, PDF), never from the name or the Content-Type header; at most 10 MB (the route's
// body limit says so before the file is read whole). Served only to the contact person who owns the report and to
// staff with report:read in the assignment's unit; every upload and every opening is audited.
import { fileTypeFromBuffer } from 'file-type';
import { eq, sql } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { readUseCase, writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { personOfReport } from './get-report';
import { denyPortal, reportNotFound, requireOwnReport, staffCovers } from './portal-access';
import { findReport, receiptFile } from './repo';
import { editRefusal, receiptProblem } from './rules';
import type { ReceiptOut } from './schema';
import { cpReportReceipts, cpReports } from './tables';

/** Receipts one report may hold (each expense has at most one). */
const MAX_RECEIPTS = 30;

/** A file name for people: no path, no control characters, at most 200 characters. */
export function cleanFileName(raw: string | undefined): string {
  let name = '';
  try {
    name = decodeURIComponent(raw ?? '');
  } catch {
    name = '';
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  name = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return name || 'kvitto';
}

export async function uploadReceipt(ctx: UseCaseContext, reportId: string, fileName: string, body: unknown): Promise<ReceiptOut> {
  await requireOwnReport(ctx, reportId);
  const bytes = body instanceof Uint8Array ? body : null;
  if (!bytes) throw new AppError('REPORT_RECEIPT_REFUSED', { message: 'Välj bilden eller PDF-filen med kvittot och skicka den som en fil.' });
  const type = await fileTypeFromBuffer(bytes);
  const problem = receiptProblem(type?.mime, bytes.byteLength);
  if (problem) throw new AppError('REPORT_RECEIPT_REFUSED', { message: problem });
  const contentType = type!.mime;
  return writeUseCase(ctx, async (tx) => {
    const [r] = await tx.select().from(cpReports).where(eq(cpReports.id, reportId)).for('update');
    const refusal = editRefusal(r.status);
    if (refusal) throw new AppError(refusal);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(cpReportReceipts).where(eq(cpReportReceipts.reportId, reportId));
    if (Number(n) >= MAX_RECEIPTS) throw new AppError('REPORT_RECEIPT_REFUSED', { message: `En rapport kan ha högst ${MAX_RECEIPTS} kvitton.` });
    const [row] = await tx
      .insert(cpReportReceipts)
      .values({ reportId, contentType, fileName, sizeBytes: bytes.byteLength, data: bytes, uploadedBy: ctx.actor.id, createdAt: ctx.clock.now() })
      .returning({ id: cpReportReceipts.id, fileName: cpReportReceipts.fileName, contentType: cpReportReceipts.contentType, sizeBytes: cpReportReceipts.sizeBytes });
    await recordAudit(tx, ctx, { action: 'report.receipt_upload', entityType: 'cp_report_receipt', entityId: row.id, personId: await personOfReport(tx, r), details: { reportId, contentType, sizeBytes: bytes.byteLength } });
    return row;
  });
}

export interface ReceiptFile {
  data: Buffer;
  contentType: string;
  fileName: string;
}

/** The contact person's own receipt. A receipt that is not in their report is 404 and audited. */
export async function getOwnReceipt(ctx: UseCaseContext, reportId: string, receiptId: string): Promise<ReceiptFile> {
  await requireOwnReport(ctx, reportId);
  const found = await readReceipt(ctx, reportId, receiptId);
  if (!found) return denyPortal(ctx, 'receipt', receiptId);
  return found;
}

/** A receipt for staff with report:read in the assignment's unit. */
export async function getStaffReceipt(ctx: UseCaseContext, reportId: string, receiptId: string): Promise<ReceiptFile> {
  const r = await findReport(ctx.db, reportId);
  if (!r || !staffCovers(ctx.actor, 'report:read', r.providerUnitId)) throw reportNotFound();
  const found = await readReceipt(ctx, reportId, receiptId);
  if (!found) throw new AppError('NOT_FOUND', { message: 'Kvittot finns inte.' });
  return found;
}

function readReceipt(ctx: UseCaseContext, reportId: string, receiptId: string): Promise<ReceiptFile | null> {
  return readUseCase(ctx, async (q) => {
    const f = await receiptFile(q, reportId, receiptId);
    if (!f) return null;
    const r = (await findReport(q, reportId))!;
    await recordAudit(q, ctx, { action: 'report.receipt_read', entityType: 'cp_report_receipt', entityId: f.id, personId: await personOfReport(q, r), details: { reportId } });
    return { data: Buffer.from(f.data), contentType: f.contentType, fileName: f.fileName };
  });
}
