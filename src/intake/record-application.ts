import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { changeCase } from './change-case';
import { requirePastDate } from './load-case';
import type { CaseOut, recordApplicationBody } from './schema';

/** A referral (aktualisering) becomes an application when the person, after contact, applies. */
export function recordApplication(ctx: UseCaseContext, caseId: string, input: z.output<typeof recordApplicationBody>): Promise<CaseOut> {
  return changeCase(ctx, {
    caseId,
    version: input.version,
    permission: 'case:write',
    action: 'case.application_recorded',
    apply: ({ c }) => {
      if (c.applicationDate) throw new AppError('APPLICATION_ALREADY_RECORDED');
      requirePastDate('applicationDate', input.applicationDate, ctx.clock.today(), { date: c.receivedDate, label: 'aktualiseringen' });
      return { applicationDate: input.applicationDate };
    },
  });
}
