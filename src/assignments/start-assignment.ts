import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeAssignment } from './change-assignment';
import { throwIfAny } from './change-offer';
import { startProblems, startRefusal } from './rules';
import type { AssignmentOut, startBody } from './schema';

/**
 * Verkställ: the first day the assignment ran. Both must have signed the agreement; the date is not in the future,
 * not before the later signature and within the agreement's period. The case's executed_date follows (case_facts).
 */
export function startAssignment(ctx: UseCaseContext, id: string, input: z.output<typeof startBody>): Promise<AssignmentOut> {
  return changeAssignment(ctx, {
    assignmentId: id,
    version: input.version,
    check: ({ s }, today) => throwIfAny(startRefusal(s), startProblems(s, input, today)),
    apply: () => ({ startDate: input.startDate }),
    audit: ({ a }) => ({ action: 'assignment.start', details: { decisionId: a.decisionId } }),
  });
}
