import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { throwProblems } from '../intake/problems';
import { changeOrder } from './change-order';
import { confirmProblems, orderOverdue, providerActionRefusal } from './rules';
import type { confirmOrderBody, OrderOut } from './schema';

/** The provider confirms receipt: a date not in the future and not before the order was (last) sent. */
export function confirmOrder(ctx: UseCaseContext, orderId: string, input: z.output<typeof confirmOrderBody>): Promise<OrderOut> {
  return changeOrder(ctx, {
    orderId,
    version: input.version,
    side: { provider: 'order:confirm' },
    refusal: providerActionRefusal,
    check: (o, today) => throwProblems(confirmProblems(o, input.confirmedDate, today)),
    apply: () => ({ confirmedDate: input.confirmedDate, confirmedBy: ctx.actor.id }),
    event: { kind: 'confirmed', date: () => input.confirmedDate, text: null },
    audit: ({ o, withinWorkingDays }, set) => ({
      action: 'order.confirm',
      details: { fields: Object.keys(set), overdue: orderOverdue(o, input.confirmedDate, withinWorkingDays) },
    }),
  });
}
