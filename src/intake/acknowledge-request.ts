import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { AppError, fieldError } from '../platform/errors';
import { changeCase } from './change-case';
import { requirePastDate } from './load-case';
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
      if (c.acknowledgedDate) throw new AppError('CASE_ALREADY_ACKNOWLEDGED');
      if (!c.applicationDate) {
        throw new AppError('VALIDATION_FAILED', {
          message: 'Det här är en aktualisering. Registrera ansökan när personen har ansökt. Sedan kan du bekräfta den.',
        });
      }
      requirePastDate('acknowledgedDate', input.acknowledgedDate, ctx.clock.today(), { date: c.applicationDate, label: 'ansökan' });
      if (c.route === 'LSS') {
        if (!input.personkretsDocumentation) throw fieldError('personkretsDocumentation', 'Ange om det finns underlag som visar personkretsen.');
        if (input.personkretsDocumentation === 'missing' && input.personkretsGroup) {
          throw fieldError('personkretsGroup', 'Personkrets kan bara anges när underlaget finns.');
        }
      }
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
