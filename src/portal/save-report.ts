// The contact person saves their report (a draft) or submits it with the attestation. Editable until approved: a
// returned report is fixed and submitted again; a submitted one changed without submitting is withdrawn to a draft.
// Dates outside the month or the assignment, bad amounts, a receipt that is not the report's: refused, nothing
// stored. Two tabs saving the same version: the first wins, the second gets 409 (the row's version).
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeVersioned } from '../platform/db/change-versioned';
import { AppError } from '../platform/errors';
import type { AssignmentState } from '../assignments/rules';
import { personOfReport, reportPage } from './get-report';
import { requireOwnReport } from './portal-access';
import { assignmentWithState, findReport, receiptIdsOf, replaceLines, reportDueDay, type ReportRow } from './repo';
import { editRefusal, reportLate, reportProblems, reportTotals, statusAfterSave, submitProblems } from './rules';
import type { ReportOut, saveReportBody } from './schema';
import { cpReports } from './tables';

interface Current {
  r: ReportRow;
  state: AssignmentState;
  personId: string;
  dueDay: number;
}

export async function saveReport(ctx: UseCaseContext, id: string, input: z.output<typeof saveReportBody>): Promise<ReportOut> {
  await requireOwnReport(ctx, id);
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  const totals = reportTotals(input);
  return changeVersioned<typeof cpReports, ReportOut, Current>(ctx, {
    table: cpReports,
    id,
    version: input.version,
    load: async (tx) => {
      const r = (await findReport(tx, id))!;
      const aw = (await assignmentWithState(tx, r.assignmentId))!;
      return { r, state: aw.state, personId: await personOfReport(tx, r), dueDay: await reportDueDay(tx) };
    },
    versionOf: (c) => c.r.version,
    check: async (c, tx) => {
      const refusal = editRefusal(c.r.status);
      if (refusal) throw new AppError(refusal);
      const problems = reportProblems(input, c.r.month, c.state, today);
      if (input.submit) problems.push(...submitProblems(input));
      const receipts = new Set(await receiptIdsOf(tx, id));
      input.expenses.forEach((e, i) => {
        if (e.receiptId && !receipts.has(e.receiptId)) problems.push({ path: `expenses.${i}.receiptId`, message: 'Kvittot finns inte i rapporten längre. Ladda upp det igen.' });
      });
      if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
    },
    apply: (c) => ({
      status: statusAfterSave(c.r.status, input.submit),
      message: input.message,
      updatedAt: now,
      ...(input.submit ? { submittedAt: now, submittedOn: today, firstSubmittedOn: c.r.firstSubmittedOn ?? today, submittedBy: ctx.actor.id } : {}),
    }),
    afterUpdate: (_u, tx) => replaceLines(tx, id, input),
    audit: (c, u) =>
      input.submit
        ? {
            action: 'report.submit',
            entityType: 'cp_report',
            entityId: id,
            personId: c.personId,
            details: { month: u.month, late: reportLate(u, c.dueDay, today), meetings: totals.meetings, expenses: input.expenses.length, expensesOre: totals.expensesOre },
          }
        : {
            action: 'report.save',
            entityType: 'cp_report',
            entityId: id,
            personId: c.personId,
            details: { month: u.month, status: u.status, meetings: totals.meetings, cancellations: totals.cancellations, expenses: input.expenses.length },
          },
    present: (u, tx) => reportPage(tx, ctx, u, 'contact_person'),
  });
}
