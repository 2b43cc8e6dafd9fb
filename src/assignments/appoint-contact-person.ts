import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeAssignment } from './change-assignment';
import { throwIfAny } from './change-offer';
import { appointProblems } from './rules';
import type { appointBody, AssignmentOut } from './schema';

/** Record the förordnande: the day the nämnd appointed the contact person for the assignment (once). */
export function appointContactPerson(ctx: UseCaseContext, id: string, input: z.output<typeof appointBody>): Promise<AssignmentOut> {
  return changeAssignment(ctx, {
    assignmentId: id,
    version: input.version,
    check: ({ a, s }, today) => throwIfAny(a.endDate ? { code: 'ASSIGNMENT_ENDED' } : null, a.appointedDate ? [{ path: 'appointedDate', message: `Förordnandet är redan registrerat (${a.appointedDate}).` }] : appointProblems(s, input, today)),
    apply: () => ({ appointedDate: input.appointedDate }),
    audit: () => ({ action: 'assignment.appoint' }),
  });
}
