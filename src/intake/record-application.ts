import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeCase } from './change-case';
import { throwProblems } from './problems';
import { applicationProblems } from './rules';
import type { CaseOut, recordApplicationBody } from './schema';

/** A referral (aktualisering) becomes an application when the person, after contact, applies. */
export function recordApplication(ctx: UseCaseContext, caseId: string, input: z.output<typeof recordApplicationBody>): Promise<CaseOut> {
  return changeCase(ctx, {
    caseId,
    version: input.version,
    permission: 'case:write',
    action: 'case.application_recorded',
    apply: ({ c }) => {
      throwProblems(applicationProblems(c, input, ctx.clock.today()));
      return { applicationDate: input.applicationDate };
    },
  });
}
