// The coordinator (report:approve in the assignment's unit) approves a submitted report — with a note on why the
// meetings deviate from the agreement, when they do — or returns it with a comment saying what to fix. Approved
// reports are what payroll pays. A stale version (someone else acted first) is 409.
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeVersioned } from '../platform/db/change-versioned';
import type { AuditEntry } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { personOfReport, reportPage } from './get-report';
import { reportNotFound, staffCovers } from './portal-access';
import { agreedFor } from './present';
import { assignmentWithState, findReport, reportLines, type ReportRow } from './repo';
import { returnProblems, reviewRefusal, type Deviation } from './rules';
import type { approveReportBody, ReportOut, returnReportBody } from './schema';
import { cpReports } from './tables';

interface Current {
  r: ReportRow;
  deviation: Deviation | null;
  personId: string;
}

function review(
  ctx: UseCaseContext,
  id: string,
  version: number,
  o: { check?: () => void; apply: (c: Current) => Partial<typeof cpReports.$inferInsert>; audit: (c: Current, u: ReportRow) => AuditEntry },
): Promise<ReportOut> {
  return changeVersioned<typeof cpReports, ReportOut, Current>(ctx, {
    table: cpReports,
    id,
    version,
    load: async (tx) => {
      const r = await findReport(tx, id);
      if (!r || !staffCovers(ctx.actor, 'report:approve', r.providerUnitId)) throw reportNotFound();
      const aw = (await assignmentWithState(tx, r.assignmentId))!;
      const held = (await reportLines(tx, r.id)).meetings.length;
      return { r, deviation: agreedFor(r.month, aw.state, aw.a.meetingsPerMonth, held).deviation, personId: await personOfReport(tx, r) };
    },
    versionOf: (c) => c.r.version,
    check: (c) => {
      const refusal = reviewRefusal(c.r.status);
      if (refusal) throw new AppError(refusal);
      o.check?.();
    },
    apply: (c) => o.apply(c),
    audit: (c, u) => o.audit(c, u),
    present: (u, tx) => reportPage(tx, ctx, u, 'staff'),
  });
}

export function approveReport(ctx: UseCaseContext, id: string, input: z.output<typeof approveReportBody>): Promise<ReportOut> {
  const now = ctx.clock.now();
  return review(ctx, id, input.version, {
    apply: (c) => ({ status: 'approved', approvedAt: now, approvedBy: ctx.actor.id, deviationNote: input.deviationNote ?? c.r.deviationNote, updatedAt: now }),
    audit: (c, u) => ({ action: 'report.approve', entityType: 'cp_report', entityId: u.id, personId: c.personId, details: { month: u.month, deviation: c.deviation, noted: Boolean(u.deviationNote) } }),
  });
}

export function returnReport(ctx: UseCaseContext, id: string, input: z.output<typeof returnReportBody>): Promise<ReportOut> {
  const now = ctx.clock.now();
  return review(ctx, id, input.version, {
    check: () => {
      const problems = returnProblems(input);
      if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
    },
    apply: () => ({ status: 'returned', returnedAt: now, returnedBy: ctx.actor.id, returnComment: input.comment, updatedAt: now }),
    audit: (c, u) => ({ action: 'report.return', entityType: 'cp_report', entityId: u.id, personId: c.personId, details: { month: u.month } }),
  });
}
