import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeOffer, throwIfAny } from './change-offer';
import { closeProblems, closeRefusal } from './rules';
import type { closeOfferBody, OrderOffersOut } from './schema';

/** The coordinator withdraws the offer, or the contact person said no: the offer closes and the place returns. */
export function closeOffer(ctx: UseCaseContext, offerId: string, input: z.output<typeof closeOfferBody>): Promise<OrderOffersOut> {
  return changeOffer(ctx, {
    offerId,
    version: input.version,
    check: ({ f, assignment }, today) => throwIfAny(closeRefusal(f, assignment !== null), closeProblems(f, input, today)),
    apply: () => ({ closedDate: input.closedDate, closedReason: input.reason, closedNote: input.note }),
    audit: () => ({ action: 'offer.close', details: { reason: input.reason } }),
  });
}
