import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeAssignment } from './change-assignment';
import { throwIfAny } from './change-offer';
import { endEndsDecision, endProblems, endRefusal } from './rules';
import type { AssignmentOut, endBody } from './schema';
import { offers } from './tables';

/**
 * Avsluta: the last paid day, the reason and a note. The offer closes with 'ended' in the same transaction, so the
 * contact person's place returns (the offers trigger). When the reason does not end the decision, the order waits
 * for a replacement under the same decision: its open places count again (openPlaces), no new decision is needed.
 */
export function endAssignment(ctx: UseCaseContext, id: string, input: z.output<typeof endBody>): Promise<AssignmentOut> {
  return changeAssignment(ctx, {
    assignmentId: id,
    version: input.version,
    check: ({ s }) => throwIfAny(endRefusal(s), endProblems(s, input)),
    apply: () => ({ endDate: input.endDate, endReason: input.reason, endNote: input.note }),
    afterUpdate: async (tx, { a }) => {
      await tx.update(offers).set({ closedDate: input.endDate, closedReason: 'ended', closedNote: input.note, version: sql`${offers.version} + 1`, updatedAt: ctx.clock.now() }).where(eq(offers.id, a.offerId));
    },
    audit: () => ({ action: 'assignment.end', details: { reason: input.reason, endsDecision: endEndsDecision(input.reason) } }),
  });
}
