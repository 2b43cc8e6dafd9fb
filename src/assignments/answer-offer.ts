import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeOffer, throwIfAny } from './change-offer';
import { answerProblems, answerRefusal } from './rules';
import type { answerOfferBody, OrderOffersOut } from './schema';

/** The person's answer to the offer. A no closes the offer ('declined'): the contact person's place returns. */
export function answerOffer(ctx: UseCaseContext, offerId: string, input: z.output<typeof answerOfferBody>): Promise<OrderOffersOut> {
  return changeOffer(ctx, {
    offerId,
    version: input.version,
    check: ({ f }, today) => throwIfAny(answerRefusal(f), answerProblems(f, input, today)),
    apply: () => ({
      response: input.response,
      responseDate: input.responseDate,
      responseNote: input.note,
      ...(input.response === 'declined' ? { closedDate: input.responseDate, closedReason: 'declined' as const, closedNote: input.note } : {}),
    }),
    audit: () => ({ action: 'offer.answer', details: { response: input.response } }),
  });
}
