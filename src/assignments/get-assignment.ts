import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { levelsOfYear, rateOn } from '../payments/repo';
import { loadAssignment, personOfCase } from './load-assignment';
import { inProviderScope, presentAssignment } from './present';
import { assignmentDetail, factsOfDecision } from './repo';
import type { AssignmentOut } from './schema';

/** One assignment with its amounts (the rate of the period's start), the decision's progress and the abilities. */
export async function assignmentPage(q: Queryable, ctx: UseCaseContext, id: string): Promise<AssignmentOut> {
  const r = (await assignmentDetail(q, id))!;
  const a = r.a;
  return presentAssignment(r, {
    today: ctx.clock.today(),
    canWrite: inProviderScope(ctx.actor, 'assignment:write', a),
    siblings: await factsOfDecision(q, a.decisionId),
    rate: await rateOn(q, a.rateLevel, a.periodFrom),
    levels: await levelsOfYear(q, Number(a.periodFrom.slice(0, 4))),
  });
}

/** GET /api/assignments/:id */
export function getAssignment(ctx: UseCaseContext, id: string): Promise<AssignmentOut> {
  return readUseCase(ctx, async (q) => {
    const a = await loadAssignment(q, ctx, id, 'assignment:read');
    const out = await assignmentPage(q, ctx, a.id);
    await recordAudit(q, ctx, { action: 'assignment.read', entityType: 'assignment', entityId: a.id, personId: await personOfCase(q, a.caseId) });
    return out;
  });
}
