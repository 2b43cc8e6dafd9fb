import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeCase } from './change-case';
import { throwProblems } from './problems';
import { acknowledgementProblems } from './rules';
import type { acknowledgeBody, CaseOut } from './schema';

/**
 * Acknowledge a request by phone or letter. For LSS the handläggare records whether the file
 * holds documentation of the personkrets; if missing, it is tracked on the case until received.
 */
export function acknowledgeRequest(ctx: UseCaseContext, caseId: string, input: z.output<typeof acknowledgeBody>): Promise<CaseOut> {
  return changeCase(ctx, {
    caseId,
    version: input.version,
    permission: 'case:write',
    action: 'case.acknowledge',
    apply: ({ c }) => {
      throwProblems(acknowledgementProblems(c, input, ctx.clock.today()));
      const lss = c.route === 'LSS';
      return {
        acknowledgedDate: input.acknowledgedDate,
        acknowledgementMethod: input.method,
        personkretsDocumentation: lss ? input.personkretsDocumentation! : null,
        personkretsGroup: lss && input.personkretsDocumentation === 'present' ? (input.personkretsGroup ?? null) : null,
      };
    },
    details: () => ({ method: input.method, documentation: input.personkretsDocumentation ?? null }),
  });
}
