import type { UseCaseContext } from '../platform/context';
import { inReadUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { getMunicipality } from '../platform/settings';
import { loadCase } from './load-case';
import { presentCase } from './present';
import type { CaseOut } from './schema';

export function getCase(ctx: UseCaseContext, id: string): Promise<CaseOut> {
  return inReadUseCase(ctx.db, async (tx) => {
    const r = await loadCase(tx, ctx, id);
    const m = await getMunicipality(tx);
    await recordAudit(tx, ctx, { action: 'case.read', entityType: 'case', entityId: id, personId: r.c.personId });
    return presentCase(ctx.actor, r, ctx.clock.today(), m);
  });
}
