import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { levelsOfYear } from '../payments/repo';
import { loadOrderHead } from './load-assignment';
import { inProviderScope, presentOrderOffers } from './present';
import { offersOfOrder, type OrderHead } from './repo';
import type { OrderOffersOut } from './schema';

/** The order's offers with their answers, meetings and assignments, and the rate levels an agreement may use. */
export async function offersPage(q: Queryable, ctx: UseCaseContext, head: OrderHead): Promise<OrderOffersOut> {
  const today = ctx.clock.today();
  const rows = await offersOfOrder(q, head.o.id);
  const levels = await levelsOfYear(q, Number(today.slice(0, 4)));
  const canWrite = inProviderScope(ctx.actor, 'assignment:write', { providerUnitId: head.o.providerUnitId, createdBy: head.o.sentBy });
  return presentOrderOffers(head, rows, levels, today, canWrite);
}

/** GET /api/orders/:orderId/offers — the "Matchning och uppdrag" section of the order page. */
export function listOffers(ctx: UseCaseContext, orderId: string): Promise<OrderOffersOut> {
  return readUseCase(ctx, async (q) => {
    const head = await loadOrderHead(q, ctx, orderId, 'assignment:read');
    const out = await offersPage(q, ctx, head);
    await recordAudit(q, ctx, { action: 'offer.list', entityType: 'order', entityId: head.o.id, personId: head.personId, details: { orderId: head.o.id } });
    return out;
  });
}
