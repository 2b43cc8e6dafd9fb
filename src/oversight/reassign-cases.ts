// Bulk reassignment (a handläggare leaves): the enhetschef lists a handläggare's cases in the unit and moves all or
// the chosen ones to another handläggare of the unit. One transaction; one audit entry per case moved. A chosen case
// that is not the handläggare's (or outside the unit) refuses the whole move: nothing is half-written.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { readUseCase, writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { persons } from '../people/tables';
import { cases } from '../intake/tables';
import { caseScope } from '../intake/scope';
import { caseFacts, caseFactsColumns, factsOf, statusOf } from '../intake/case-status';
import { requireResponsible } from '../intake/responsible';
import { reassignProblems } from './disposal-rules';
import type { reassignBody, reassignCasesOut, reassignOut } from './reassign-schema';

export function listCasesOfHandlaggare(ctx: UseCaseContext, fromUserId: string): Promise<z.infer<typeof reassignCasesOut>> {
  return readUseCase(ctx, async (q) => {
    const rows = await q
      .select({ c: cases, f: caseFactsColumns, first: persons.firstName, last: persons.lastName, prot: persons.protectedIdentity })
      .from(cases)
      .innerJoin(caseFacts, eq(caseFacts.caseId, cases.id))
      .innerJoin(persons, eq(persons.id, cases.personId))
      .where(and(caseScope(ctx.actor, 'case:assign'), eq(cases.responsibleUserId, fromUserId)))
      .orderBy(asc(cases.receivedDate), asc(cases.caseNumber));
    await recordAudit(
      q,
      ctx,
      rows.map((r) => ({ action: 'case.list' as const, entityType: 'case' as const, entityId: r.c.id, personId: r.c.personId })),
    );
    const today = ctx.clock.today();
    return {
      items: rows.map((r) => ({
        id: r.c.id,
        caseNumber: r.c.caseNumber,
        personName: `${r.first} ${r.last}`,
        protectedIdentity: r.prot,
        receivedDate: r.c.receivedDate,
        ...statusOf(factsOf(r.f), today),
      })),
    };
  });
}

export function reassignCases(ctx: UseCaseContext, input: z.output<typeof reassignBody>): Promise<z.infer<typeof reassignOut>> {
  return writeUseCase(ctx, async (tx) => {
    const unitId = ctx.actor.unitId;
    if (!unitId) throw new AppError('FORBIDDEN');
    await requireResponsible(tx, input.toUserId, 'toUserId', unitId);
    // Lock the handläggare's cases in the unit (and any chosen case in scope), so a concurrent change waits.
    const found = await tx
      .select({ id: cases.id, caseNumber: cases.caseNumber, personId: cases.personId, responsibleUserId: cases.responsibleUserId })
      .from(cases)
      .where(and(caseScope(ctx.actor, 'case:assign'), input.all ? eq(cases.responsibleUserId, input.fromUserId) : inArray(cases.id, input.caseIds)))
      .orderBy(asc(cases.caseNumber))
      .for('update');
    const chosen = input.all ? found.map((c) => c.id) : [...new Set(input.caseIds)];
    const problems = reassignProblems(chosen, found, input.fromUserId, input.toUserId);
    if (problems.length) throw new AppError('VALIDATION_FAILED', { fields: problems });
    if (chosen.length === 0) return { moved: 0, caseNumbers: [] };
    await tx
      .update(cases)
      .set({ responsibleUserId: input.toUserId, version: sql`${cases.version} + 1`, updatedAt: ctx.clock.now() })
      .where(inArray(cases.id, chosen));
    const moved = found.filter((c) => chosen.includes(c.id));
    await recordAudit(
      tx,
      ctx,
      moved.map((c) => ({
        action: 'case.reassign' as const,
        entityType: 'case' as const,
        entityId: c.id,
        personId: c.personId,
        details: { from: input.fromUserId, to: input.toUserId, count: moved.length },
      })),
    );
    return { moved: moved.length, caseNumbers: moved.map((c) => c.caseNumber) };
  });
}
