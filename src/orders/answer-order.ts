import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeOrder } from './change-order';
import { answerRefusal } from './rules';
import type { answerOrderBody, OrderOut } from './schema';

/**
 * The handläggare answers the provider's question from the case page, which sends the order again: it is back in the
 * inbox with today as its sent date (the confirm clock starts anew; the first sending stays in the order's events).
 */
export function answerOrder(ctx: UseCaseContext, orderId: string, input: z.output<typeof answerOrderBody>): Promise<OrderOut> {
  return changeOrder(ctx, {
    orderId,
    version: input.version,
    side: { case: 'order:send' },
    refusal: answerRefusal,
    apply: (_o, today) => ({ returnedAt: null, returnQuestion: null, sentDate: today }),
    event: { kind: 'answered', date: (_o, today) => today, text: input.answer },
    audit: (_c, set) => ({ action: 'order.answer', details: { fields: Object.keys(set) } }),
  });
}
