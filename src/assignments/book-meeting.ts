import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeOffer, throwIfAny } from './change-offer';
import { bookingProblems, bookingRefusal } from './rules';
import type { bookMeetingBody, OrderOffersOut } from './schema';
import { matchingMeetings } from './tables';

/**
 * Book the matchningsmöte of an accepted offer. Rebooking keeps the earlier meeting (cancelled_at + the reason, which
 * is then required) and adds the new one.
 */
export function bookMeeting(ctx: UseCaseContext, offerId: string, input: z.output<typeof bookMeetingBody>): Promise<OrderOffersOut> {
  let meetingId = '';
  return changeOffer(ctx, {
    offerId,
    version: input.version,
    check: ({ f, meeting, assignment }) =>
      throwIfAny(bookingRefusal(f, meeting, assignment !== null), [
        ...bookingProblems(f, input),
        ...(meeting && !input.cancelReason ? [{ path: 'cancelReason', message: 'Skriv varför mötet bokas om.' }] : []),
      ]),
    apply: () => ({}),
    afterUpdate: async (tx, { f, meeting }) => {
      if (meeting) await tx.update(matchingMeetings).set({ cancelledAt: ctx.clock.now(), cancelReason: input.cancelReason }).where(eq(matchingMeetings.id, meeting.id));
      const [m] = await tx
        .insert(matchingMeetings)
        .values({ offerId: f.id, date: input.date, time: input.time, place: input.place, participants: input.participants, createdBy: ctx.actor.id })
        .returning({ id: matchingMeetings.id });
      meetingId = m.id;
    },
    audit: ({ meeting }) => ({ action: 'offer.meeting_book', details: { meetingId, rebooked: meeting !== null } }),
  });
}
