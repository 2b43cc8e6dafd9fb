import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeOrder } from './change-order';
import { providerActionRefusal } from './rules';
import type { OrderOut, returnOrderBody } from './schema';

/** The provider returns the order with a question: it leaves the inbox until the handläggare answers. */
export function returnOrder(ctx: UseCaseContext, orderId: string, input: z.output<typeof returnOrderBody>): Promise<OrderOut> {
  return changeOrder(ctx, {
    orderId,
    version: input.version,
    side: { provider: 'order:confirm' },
    refusal: providerActionRefusal,
    apply: () => ({ returnedAt: ctx.clock.now(), returnQuestion: input.question }),
    event: { kind: 'returned', date: (_o, today) => today, text: input.question },
    audit: (_c, set) => ({ action: 'order.return', details: { fields: Object.keys(set) } }),
  });
}
