import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeAssignment } from './change-assignment';
import { throwIfAny } from './change-offer';
import { interruptProblems, interruptRefusal, resumeProblems, resumeRefusal } from './rules';
import type { AssignmentOut, interruptBody, resumeBody } from './schema';
import { assignmentInterruptions } from './tables';

/** Avbrott: from a day, with a reason. The history is kept: each avbrott is its own row, resumed later. */
export function interruptAssignment(ctx: UseCaseContext, id: string, input: z.output<typeof interruptBody>): Promise<AssignmentOut> {
  let interruptionId = '';
  return changeAssignment(ctx, {
    assignmentId: id,
    version: input.version,
    check: ({ s }, today) => throwIfAny(interruptRefusal(s), interruptProblems(s, input, today)),
    apply: () => ({}),
    afterUpdate: async (tx, { a }) => {
      const [row] = await tx
        .insert(assignmentInterruptions)
        .values({ assignmentId: a.id, fromDate: input.fromDate, reason: input.reason, createdBy: ctx.actor.id })
        .returning({ id: assignmentInterruptions.id });
      interruptionId = row.id;
    },
    audit: () => ({ action: 'assignment.interrupt', details: { interruptionId } }),
  });
}

/** Återuppta: the open avbrott gets the day the assignment runs again. */
export function resumeAssignment(ctx: UseCaseContext, id: string, input: z.output<typeof resumeBody>): Promise<AssignmentOut> {
  return changeAssignment(ctx, {
    assignmentId: id,
    version: input.version,
    check: ({ s }, today) => throwIfAny(resumeRefusal(s), resumeProblems(s, input, today)),
    apply: () => ({}),
    afterUpdate: async (tx, { a }) => {
      await tx
        .update(assignmentInterruptions)
        .set({ resumedDate: input.resumedDate, updatedAt: ctx.clock.now() })
        .where(and(eq(assignmentInterruptions.assignmentId, a.id), isNull(assignmentInterruptions.resumedDate)));
    },
    audit: ({ interruptions }) => ({ action: 'assignment.resume', details: { interruptionId: interruptions.find((i) => i.resumedDate === null)!.id } }),
  });
}
