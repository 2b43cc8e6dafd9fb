import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeAssignment } from './change-assignment';
import { throwIfAny } from './change-offer';
import { signProblems, signRefusal } from './rules';
import type { AssignmentOut, signBody } from './schema';

/** Record when the person and the contact person signed the uppdragsavtal (each once). */
export function signAgreement(ctx: UseCaseContext, id: string, input: z.output<typeof signBody>): Promise<AssignmentOut> {
  const set = {
    ...(input.personSignedDate ? { personSignedDate: input.personSignedDate } : {}),
    ...(input.contactPersonSignedDate ? { contactPersonSignedDate: input.contactPersonSignedDate } : {}),
  };
  return changeAssignment(ctx, {
    assignmentId: id,
    version: input.version,
    check: ({ s }, today) => throwIfAny(signRefusal(s), signProblems(s, input, today)),
    apply: () => set,
    audit: () => ({ action: 'assignment.sign', details: { fields: Object.keys(set) } }),
  });
}
