import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeCase } from './change-case';
import { throwProblems } from './problems';
import { documentationProblems } from './rules';
import type { CaseOut, documentationReceivedBody } from './schema';

/** The missing personkrets documentation has arrived: the warning on the case ends. */
export function recordDocumentationReceived(ctx: UseCaseContext, caseId: string, input: z.output<typeof documentationReceivedBody>): Promise<CaseOut> {
  return changeCase(ctx, {
    caseId,
    version: input.version,
    permission: 'case:write',
    action: 'case.documentation_received',
    apply: ({ c }) => {
      throwProblems(documentationProblems(c, input, ctx.clock.today()));
      return { documentationReceivedDate: input.receivedDate, personkretsGroup: input.personkretsGroup ?? null };
    },
  });
}
