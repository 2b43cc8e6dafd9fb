import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { scopeWhere } from '../platform/policy/scope';
import { orders } from '../orders/tables';
import { presentWaiting } from './present';
import { offersOf, waitingOrders, weightsOf } from './repo';
import type { WaitingListOut } from './schema';

/**
 * The waiting list: every confirmed order in the actor's scope whose decision waits for a contact person (or a
 * replacement after an avbrott), nearest deadline first, with the wishes and the offers made.
 */
export function listWaitingList(ctx: UseCaseContext): Promise<WaitingListOut> {
  return readUseCase(ctx, async (q) => {
    const today = ctx.clock.today();
    const where = scopeWhere(ctx.actor, 'assignment:read', { unitId: orders.providerUnitId, responsibleUserId: orders.sentBy });
    const rows = await waitingOrders(q, where, today);
    const offerRows = await offersOf(
      q,
      rows.map((r) => r.orderId),
    );
    const w = await weightsOf(q);
    const items = rows
      .map((r) =>
        presentWaiting(
          r,
          offerRows.filter((o) => o.orderId === r.orderId),
          today,
          w,
        ),
      )
      .sort((a, b) => (a.executionDeadline < b.executionDeadline ? -1 : a.executionDeadline > b.executionDeadline ? 1 : a.caseNumber.localeCompare(b.caseNumber)));
    await recordAudit(
      q,
      ctx,
      rows.map((r) => ({ action: 'matching.waiting_list' as const, entityType: 'order' as const, entityId: r.orderId, personId: r.personId })),
    );
    return { items, pastDeadline: items.filter((i) => i.pastDeadline).length };
  });
}
