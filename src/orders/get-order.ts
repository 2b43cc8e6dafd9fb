import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { settingsOf } from '../platform/settings';
import { loadProviderOrder } from './load-order';
import { presentOrder } from './present';
import { orderDetail } from './repo';
import type { OrderOut } from './schema';

/** One order as the provider sees it: only the order's content (the kontaktsekreterare reads no case). */
export function getOrder(ctx: UseCaseContext, id: string): Promise<OrderOut> {
  return readUseCase(ctx, async (tx) => {
    const o = await loadProviderOrder(tx, ctx, id, 'order:read');
    const detail = (await orderDetail(tx, o.id))!;
    const m = await settingsOf(ctx, tx);
    await recordAudit(tx, ctx, { action: 'order.read', entityType: 'order', entityId: o.id, personId: detail.personId, details: { via: 'inbox' } });
    return presentOrder(ctx.actor, detail, ctx.clock.today(), m.orderConfirmWithinWorkingDays);
  });
}
