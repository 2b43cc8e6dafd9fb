import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { updateVersioned } from '../platform/db/versioned';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { loadInvestigation } from './load-investigation';
import { factsOfInvestigation, presentInvestigation } from './present';
import { throwProblems } from './problems';
import { assessInvestigation, completionProblems, investigationRefusal } from './rules';
import type { completeBody, InvestigationOut } from './schema';
import { investigations } from './tables';

/**
 * Mark the investigation complete: refused with a field problem per unanswered source, unanswered SoL criterion
 * and warning without a written reason (completionProblems in rules.ts). The warnings and reasons stay on record.
 */
export function completeInvestigation(ctx: UseCaseContext, caseId: string, input: z.output<typeof completeBody>): Promise<InvestigationOut> {
  return writeUseCase(ctx, async (tx) => {
    const l = await loadInvestigation(tx, ctx, caseId, 'investigation:write');
    throwProblems([investigationRefusal(l.facts)]);
    const inv = l.inv;
    if (!inv) throw new AppError('INVESTIGATION_NOT_STARTED');
    if (inv.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (inv.completedDate) throw new AppError('INVESTIGATION_COMPLETED');
    const { warnings } = assessInvestigation(factsOfInvestigation(inv), l.r.c.route, l.age, l.config);
    throwProblems(completionProblems(inv, l.r.c.route, warnings, l.config.solCriteria));
    await updateVersioned(tx, investigations, inv.id, inv.version, { completedDate: ctx.clock.today(), updatedBy: ctx.actor.id, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'investigation.complete',
      entityType: 'case',
      entityId: caseId,
      personId: l.r.c.personId,
      details: { warnings: warnings.map((w) => w.code) },
    });
    return presentInvestigation(ctx.actor, await loadInvestigation(tx, ctx, caseId, 'investigation:write'));
  });
}
