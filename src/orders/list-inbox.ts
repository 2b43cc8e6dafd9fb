import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { scopeWhere } from '../platform/policy/scope';
import { settingsOf } from '../platform/settings';
import { presentOrderSummary } from './present';
import { listInbox as query } from './repo';
import { orderOverdueCutoff } from './rules';
import type { InboxOut, inboxQuery } from './schema';
import { orders } from './tables';

/**
 * The provider's inbox: orders sent to the actor's unit that are neither confirmed nor returned with a question,
 * oldest first, each with its confirm deadline and whether it is overdue.
 */
export function listInbox(ctx: UseCaseContext, q: z.output<typeof inboxQuery>): Promise<InboxOut> {
  return readUseCase(ctx, async (tx) => {
    const m = await settingsOf(ctx, tx);
    const n = m.orderConfirmWithinWorkingDays;
    const today = ctx.clock.today();
    const where = scopeWhere(ctx.actor, 'order:read', { unitId: orders.providerUnitId, responsibleUserId: orders.sentBy });
    const { rows, total, overdue } = await query(tx, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize, overdueBefore: orderOverdueCutoff(today, n) });
    await recordAudit(
      tx,
      ctx,
      rows.map((r) => ({ action: 'order.list' as const, entityType: 'order' as const, entityId: r.o.id, personId: r.personId })),
    );
    return { items: rows.map((r) => presentOrderSummary(r, today, n)), total, overdue, page: q.page, pageSize: q.pageSize };
  });
}
