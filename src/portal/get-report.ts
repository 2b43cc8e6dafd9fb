// One monthly report, for its contact person (portal) or for the coordinator of the assignment's unit. Every read is
// audited with the person whose assignment it is.
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { requireOwnReport, reportNotFound, staffCovers } from './portal-access';
import { presentReport, type Audience } from './present';
import { assignmentWithState, findReport, reportDueDay, reportLines, reportNames, userName, type ReportRow } from './repo';
import type { ReportOut } from './schema';

/** The report as `audience` sees it (the caller has checked access). */
export async function reportPage(q: Queryable, ctx: UseCaseContext, r: ReportRow, audience: Audience): Promise<ReportOut> {
  const aw = await assignmentWithState(q, r.assignmentId);
  if (!aw) throw new AppError('NOT_FOUND');
  const [lines, names, dueDay, approvedBy] = await Promise.all([reportLines(q, r.id), reportNames(q, r.assignmentId), reportDueDay(q), userName(q, r.approvedBy)]);
  return presentReport(
    { r, lines, state: aw.state, meetingsPerMonth: aw.a.meetingsPerMonth, names, approvedBy, dueDay, today: ctx.clock.today(), mayReview: staffCovers(ctx.actor, 'report:approve', r.providerUnitId) },
    audience,
  );
}

/** The person whose assignment the report is (for the audit entry). */
export async function personOfReport(q: Queryable, r: ReportRow): Promise<string> {
  return (await reportNames(q, r.assignmentId)).personId;
}

export async function getOwnReport(ctx: UseCaseContext, id: string): Promise<ReportOut> {
  await requireOwnReport(ctx, id);
  return readUseCase(ctx, async (q) => {
    const r = (await findReport(q, id))!;
    const out = await reportPage(q, ctx, r, 'contact_person');
    await recordAudit(q, ctx, { action: 'report.read', entityType: 'cp_report', entityId: r.id, personId: await personOfReport(q, r), details: { assignmentId: r.assignmentId, month: r.month, status: r.status } });
    return out;
  });
}

export async function getStaffReport(ctx: UseCaseContext, id: string): Promise<ReportOut> {
  return readUseCase(ctx, async (q) => {
    const r = await findReport(q, id);
    if (!r || !staffCovers(ctx.actor, 'report:read', r.providerUnitId)) throw reportNotFound();
    const out = await reportPage(q, ctx, r, 'staff');
    await recordAudit(q, ctx, { action: 'report.read', entityType: 'cp_report', entityId: r.id, personId: await personOfReport(q, r), details: { assignmentId: r.assignmentId, month: r.month, status: r.status } });
    return out;
  });
}
