import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { loadInvestigation } from './load-investigation';
import { presentInvestigation } from './present';
import type { InvestigationOut } from './schema';

/** The case's investigation: bookings, the form, and the eligibility warnings computed for today. */
export function getInvestigation(ctx: UseCaseContext, caseId: string): Promise<InvestigationOut> {
  return readUseCase(ctx, async (q) => {
    const l = await loadInvestigation(q, ctx, caseId, 'case:read');
    await recordAudit(q, ctx, { action: 'investigation.read', entityType: 'case', entityId: caseId, personId: l.r.c.personId });
    return presentInvestigation(ctx.actor, l);
  });
}
