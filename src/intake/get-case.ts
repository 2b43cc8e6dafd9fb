import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { settingsOf } from '../platform/settings';
import { loadCase } from './load-case';
import { presentCase } from './present';
import type { CaseOut } from './schema';

export function getCase(ctx: UseCaseContext, id: string): Promise<CaseOut> {
  return readUseCase(ctx, async (tx) => {
    const r = await loadCase(tx, ctx, id);
    const m = await settingsOf(ctx, tx);
    await recordAudit(tx, ctx, { action: 'case.read', entityType: 'case', entityId: id, personId: r.c.personId });
    return presentCase(ctx.actor, r, ctx.clock.today(), m);
  });
}
