import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { changeCase } from './change-case';
import { requirePastDate } from './load-case';
import { documentationMissing } from './rules';
import type { CaseOut, documentationReceivedBody } from './schema';

/** The missing personkrets documentation has arrived: the warning on the case ends. */
export function recordDocumentationReceived(ctx: UseCaseContext, caseId: string, input: z.output<typeof documentationReceivedBody>): Promise<CaseOut> {
  return changeCase(ctx, {
    caseId,
    version: input.version,
    permission: 'case:write',
    action: 'case.documentation_received',
    apply: ({ c }) => {
      if (!documentationMissing(c)) throw new AppError('DOCUMENTATION_NOT_MISSING');
      requirePastDate('receivedDate', input.receivedDate, ctx.clock.today(), { date: c.receivedDate, label: 'ansökan kom in' });
      return { documentationReceivedDate: input.receivedDate, personkretsGroup: input.personkretsGroup ?? null };
    },
  });
}
