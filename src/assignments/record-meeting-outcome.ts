import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeOffer, throwIfAny } from './change-offer';
import { outcomeProblems, outcomeRefusal } from './rules';
import type { meetingOutcomeBody, OrderOffersOut } from './schema';
import { matchingMeetings } from './tables';

/**
 * The matchningsmöte's outcome. Go ahead: the agreement can be made. No chemistry: the offer closes with the reason,
 * the place returns, and the contact person is not offered for this order again (excludedForOrder).
 */
export function recordMeetingOutcome(ctx: UseCaseContext, offerId: string, input: z.output<typeof meetingOutcomeBody>): Promise<OrderOffersOut> {
  return changeOffer(ctx, {
    offerId,
    version: input.version,
    check: ({ f, meeting }, today) => throwIfAny(outcomeRefusal(f, meeting), meeting ? outcomeProblems(meeting, input, today) : []),
    apply: () => (input.outcome === 'no_chemistry' ? { closedDate: input.outcomeDate, closedReason: 'no_chemistry' as const, closedNote: input.note } : {}),
    afterUpdate: async (tx, { meeting }) => {
      await tx
        .update(matchingMeetings)
        .set({ outcome: input.outcome, outcomeDate: input.outcomeDate, outcomeNote: input.note, version: sql`${matchingMeetings.version} + 1`, updatedAt: ctx.clock.now() })
        .where(eq(matchingMeetings.id, meeting!.id));
    },
    audit: () => ({ action: 'offer.meeting_outcome', details: { outcome: input.outcome } }),
  });
}
