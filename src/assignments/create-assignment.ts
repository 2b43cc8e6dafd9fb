import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { rateOn } from '../payments/repo';
import { decisions } from '../decisions/tables';
import { eq } from 'drizzle-orm';
import { changeOffer, throwIfAny } from './change-offer';
import { agreementProblems, createRefusal } from './rules';
import type { createAssignmentBody, OrderOffersOut } from './schema';
import { assignments } from './tables';

export const NO_RATE_MESSAGE = 'Nivån finns inte i arvodestabellen för året uppdraget börjar. Välj en annan nivå eller be administratören lägga in årets tabell.';

/**
 * The assignment from an offer that went ahead at the matchningsmöte: the agreement's terms (rate level from the rate
 * table of the period's start, how often, activities, period within the decision's). The offer stays open: it holds
 * the contact person's place until the assignment ends.
 */
export function createAssignment(ctx: UseCaseContext, offerId: string, input: z.output<typeof createAssignmentBody>): Promise<OrderOffersOut> {
  return changeOffer(ctx, {
    offerId,
    version: input.version,
    check: ({ f, meeting, assignment }) => throwIfAny(createRefusal(f, meeting, assignment !== null)),
    apply: () => ({}),
    afterUpdate: async (tx, { f }) => {
      const [d] = await tx.select({ startDate: decisions.startDate, endDate: decisions.endDate }).from(decisions).where(eq(decisions.id, f.decisionId));
      throwIfAny(null, agreementProblems(input, d));
      if (!(await rateOn(tx, input.rateLevel, input.periodFrom))) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'rateLevel', message: NO_RATE_MESSAGE }] });
      await tx
        .insert(assignments)
        .values({
          offerId: f.id,
          orderId: f.orderId,
          decisionId: f.decisionId,
          caseId: f.caseId,
          providerUnitId: f.providerUnitId,
          contactPersonId: f.contactPersonId,
          rateLevel: input.rateLevel,
          meetingsPerMonth: input.meetingsPerMonth ?? null,
          frequencyText: input.frequencyText,
          activities: input.activities,
          periodFrom: input.periodFrom,
          periodTo: input.periodTo ?? null,
          agreementDate: input.agreementDate,
          createdBy: ctx.actor.id,
        });
    },
    audit: ({ f }) => ({ action: 'assignment.create', details: { offerId: f.id, rateLevel: input.rateLevel } }),
  });
}
