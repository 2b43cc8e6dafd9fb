// The contact person opens a month's report of their own assignment: the existing one, or a new draft. A month before
// the assignment started, after it ended, or not begun yet is refused (nothing stored). Two tabs opening the same month
// at once get the same report (the unique index decides, the loser reads the winner's row).
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { reportPage, personOfReport } from './get-report';
import { requireOwnAssignment } from './portal-access';
import { assignmentWithState, reportOfMonth } from './repo';
import { reportMonthProblem } from './rules';
import type { ReportOut } from './schema';
import { cpReports } from './tables';

export async function openReport(ctx: UseCaseContext, assignmentId: string, month: string): Promise<ReportOut> {
  await requireOwnAssignment(ctx, assignmentId);
  return writeUseCase(ctx, async (tx) => {
    const aw = (await assignmentWithState(tx, assignmentId))!;
    const existing = await reportOfMonth(tx, assignmentId, month);
    if (existing) return reportPage(tx, ctx, existing, 'contact_person');
    const problem = reportMonthProblem(aw.state, month, ctx.clock.today());
    if (problem) throw new AppError('REPORT_MONTH_NOT_REPORTABLE', { message: problem, fields: [{ path: 'month', message: problem }] });
    const now = ctx.clock.now();
    const [created] = await tx
      .insert(cpReports)
      .values({ assignmentId, contactPersonId: aw.a.contactPersonId, providerUnitId: aw.a.providerUnitId, month, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    const r = created ?? (await reportOfMonth(tx, assignmentId, month))!;
    if (created) await recordAudit(tx, ctx, { action: 'report.create', entityType: 'cp_report', entityId: r.id, personId: await personOfReport(tx, r), details: { assignmentId, month } });
    return reportPage(tx, ctx, r, 'contact_person');
  });
}
