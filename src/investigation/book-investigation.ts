import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { addDays } from '../platform/calendar';
import { AppError } from '../platform/errors';
import { loadInvestigation } from './load-investigation';
import { presentInvestigation } from './present';
import { isUniqueViolation, throwProblems } from './problems';
import { currentBooking, ensureInvestigation } from './repo';
import { BOOKING_MAX_DAYS_AHEAD, bookingProblems, investigationRefusal } from './rules';
import type { bookBody, InvestigationOut } from './schema';
import { investigationBookings } from './tables';

/**
 * Book the investigation meeting. The first booking starts the investigation (its row, startedDate = today): the
 * case is "under utredning" from then. A case has at most one current booking: a second is refused (rebook it).
 */
export async function bookInvestigation(ctx: UseCaseContext, caseId: string, input: z.output<typeof bookBody>): Promise<InvestigationOut> {
  try {
    return await writeUseCase(ctx, async (tx) => {
      const before = await loadInvestigation(tx, ctx, caseId, 'investigation:write');
      const today = ctx.clock.today();
      throwProblems([investigationRefusal(before.facts), before.inv?.completedDate ? { code: 'INVESTIGATION_COMPLETED' } : null]);
      throwProblems(bookingProblems(input, today, before.personKnown, addDays(today, BOOKING_MAX_DAYS_AHEAD)));
      if (await currentBooking(tx, caseId)) throw new AppError('BOOKING_EXISTS');
      const [b] = await tx
        .insert(investigationBookings)
        .values({ caseId, ...input, bookedBy: ctx.actor.id })
        .returning({ id: investigationBookings.id });
      await ensureInvestigation(tx, caseId, today, ctx.actor.id);
      await recordAudit(tx, ctx, { action: 'investigation.book', entityType: 'case', entityId: caseId, personId: before.r.c.personId, details: { bookingId: b.id, kind: input.kind } });
      return presentInvestigation(ctx.actor, await loadInvestigation(tx, ctx, caseId, 'investigation:write'));
    });
  } catch (e) {
    // Two "book" at once: the partial unique index keeps one current booking.
    if (isUniqueViolation(e, 'investigation_bookings_one_current')) throw new AppError('BOOKING_EXISTS');
    throw e;
  }
}
