import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { changeCase } from './change-case';
import { requireResponsible } from './responsible';
import type { assignBody, CaseOut } from './schema';

/** The enhetschef gives the case to another handläggare of the same unit. */
export function assignCase(ctx: UseCaseContext, caseId: string, input: z.output<typeof assignBody>): Promise<CaseOut> {
  return changeCase(ctx, {
    caseId,
    version: input.version,
    permission: 'case:assign',
    action: 'case.assign',
    apply: async ({ c }, tx) => {
      const r = await requireResponsible(tx, input.responsibleUserId, 'responsibleUserId', c.unitId);
      return { responsibleUserId: r.id };
    },
    details: ({ c }) => ({ from: c.responsibleUserId, to: input.responsibleUserId }),
  });
}
