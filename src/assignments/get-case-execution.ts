import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { loadCase } from '../intake/load-case';
import { currentDecision } from '../orders/repo';
import { presentCaseExecution } from './present';
import { executionOfCase } from './repo';
import type { CaseExecutionOut } from './schema';

/**
 * The execution as the handläggare sees it on the case page (case:read): who started (first name only), when, the
 * avbrott and the end. Nothing more of the contact person.
 */
export function getCaseExecution(ctx: UseCaseContext, caseId: string): Promise<CaseExecutionOut> {
  return readUseCase(ctx, async (q) => {
    const { c } = await loadCase(q, ctx, caseId);
    const rows = await executionOfCase(q, c.id);
    const current = await currentDecision(q, c.id);
    if (rows.length > 0) {
      await recordAudit(q, ctx, { action: 'assignment.case_read', entityType: 'case', entityId: c.id, personId: c.personId, details: { count: rows.length } });
    }
    return presentCaseExecution(rows, current?.d.id ?? null, ctx.clock.today());
  });
}
