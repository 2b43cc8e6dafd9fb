import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { rateOn } from '../payments/repo';
import { decisions } from '../decisions/tables';
import { changeAssignment } from './change-assignment';
import { throwIfAny } from './change-offer';
import { NO_RATE_MESSAGE } from './create-assignment';
import { agreementProblems, agreementRefusal } from './rules';
import type { agreementBody, AssignmentOut } from './schema';

/** Change the agreement's terms: only until someone has signed (then the signed text is what holds). */
export function changeAgreement(ctx: UseCaseContext, id: string, input: z.output<typeof agreementBody>): Promise<AssignmentOut> {
  const set = {
    rateLevel: input.rateLevel,
    meetingsPerMonth: input.meetingsPerMonth ?? null,
    frequencyText: input.frequencyText,
    activities: input.activities,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo ?? null,
    agreementDate: input.agreementDate,
  };
  return changeAssignment(ctx, {
    assignmentId: id,
    version: input.version,
    check: ({ s }) => throwIfAny(agreementRefusal(s)),
    apply: () => set,
    afterUpdate: async (tx, { a }) => {
      const [d] = await tx.select({ startDate: decisions.startDate, endDate: decisions.endDate }).from(decisions).where(eq(decisions.id, a.decisionId));
      throwIfAny(null, agreementProblems(input, d));
      if (!(await rateOn(tx, input.rateLevel, input.periodFrom))) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'rateLevel', message: NO_RATE_MESSAGE }] });
    },
    audit: ({ a }) => ({ action: 'assignment.agreement', details: { fields: Object.keys(set).filter((k) => set[k as keyof typeof set] !== a[k as keyof typeof set]) } }),
  });
}
