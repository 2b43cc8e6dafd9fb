import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { canOnCase } from '../platform/policy/permissions';
import { settingsOf } from '../platform/settings';
import { loadCase } from '../intake/load-case';
import { decisionOutcomeLabel } from '../decisions/rules';
import { presentOrder } from './present';
import { currentDecision, latestOrderOfCase, orderDetail, orderOfDecision, providerUnits } from './repo';
import { isFavourable, scopeText, sendRefusal } from './rules';
import { defaultProviderUnit } from './send-order';
import type { CaseOrderOut } from './schema';

/**
 * The order part of the case page: the case's current favourable decision, the order sent for it (else the case's
 * latest order), the units that can receive one and whether the handläggare may send.
 */
export function getCaseOrder(ctx: UseCaseContext, caseId: string): Promise<CaseOrderOut> {
  return readUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, ctx, caseId);
    const current = await currentDecision(tx, c.c.id);
    const favourable = current && isFavourable(current.d.outcome) ? current.d : null;
    const row = (favourable && (await orderOfDecision(tx, favourable.id))) || (await latestOrderOfCase(tx, c.c.id));
    const canSend = canOnCase(ctx.actor, 'order:send', c.c) && sendRefusal(current?.d ?? null, favourable !== null && row?.decisionId === favourable.id) === null;
    const units = canSend ? await providerUnits(tx) : [];
    const m = await settingsOf(ctx, tx);
    const detail = row ? await orderDetail(tx, row.id) : null;
    if (detail) await recordAudit(tx, ctx, { action: 'order.read', entityType: 'order', entityId: detail.o.id, personId: c.c.personId, details: { via: 'case' } });
    return {
      decision: favourable
        ? {
            id: favourable.id,
            outcomeLabel: decisionOutcomeLabel[favourable.outcome],
            decisionDate: favourable.decisionDate,
            scope: scopeText(favourable.scopeUnit, favourable.scopeAmount, favourable.level),
            startDate: favourable.startDate,
            endDate: favourable.endDate,
          }
        : null,
      order: detail ? presentOrder(ctx.actor, detail, ctx.clock.today(), m.orderConfirmWithinWorkingDays) : null,
      providerUnits: units,
      defaultProviderUnitId: canSend ? defaultProviderUnit(c.c.unitId, units) : null,
      abilities: { canSend },
    };
  });
}
