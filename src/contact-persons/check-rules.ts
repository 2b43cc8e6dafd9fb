// The registerkontroll rule versions (dated data): the administrator lists them and adds a new version
// without a code change. Adding a version closes the open one the day before the new one starts.
import type { z } from 'zod';
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { UseCaseContext } from '../platform/context';
import { readUseCase, writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { addDays } from '../platform/calendar';
import { fieldError } from '../platform/errors';
import type { checkRuleBody } from './schema';
import { cpCheckRules } from './tables';

export function listCheckRules(ctx: UseCaseContext) {
  return readUseCase(ctx, async (q) => ({ items: await q.select().from(cpCheckRules).orderBy(asc(cpCheckRules.law), asc(cpCheckRules.validFrom)) }));
}

export function addCheckRule(ctx: UseCaseContext, input: z.output<typeof checkRuleBody>) {
  if (input.validTo && input.validTo < input.validFrom) throw fieldError('validTo', 'Slutdatumet kan inte vara före startdatumet.');
  return writeUseCase(ctx, async (tx) => {
      const [same] = await tx.select({ id: cpCheckRules.id }).from(cpCheckRules).where(and(eq(cpCheckRules.law, input.law), eq(cpCheckRules.validFrom, input.validFrom)));
      if (same) throw fieldError('validFrom', 'Det finns redan en version av regeln från det datumet.');
      await tx
        .update(cpCheckRules)
        .set({ validTo: addDays(input.validFrom, -1) })
        .where(and(eq(cpCheckRules.law, input.law), isNull(cpCheckRules.validTo), lt(cpCheckRules.validFrom, input.validFrom)));
      const [row] = await tx
        .insert(cpCheckRules)
        .values({ ...input, validTo: input.validTo ?? null, requiredRegisters: [...new Set(input.requiredRegisters)] })
        .returning();
      await recordAudit(tx, ctx, { action: 'admin.check_rule', entityType: 'cp_check_rule', entityId: row.id, details: { law: row.law, validFrom: row.validFrom } });
      return listCheckRulesIn(tx);
  });
}

async function listCheckRulesIn(q: Parameters<Parameters<typeof readUseCase>[1]>[0]) {
  return { items: await q.select().from(cpCheckRules).orderBy(asc(cpCheckRules.law), asc(cpCheckRules.validFrom)) };
}
