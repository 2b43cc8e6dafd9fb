import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { requirePerson } from '../people/repo';
import { casesOfPerson } from './repo';
import { factsOf, statusOf } from './case-status';
import { caseScope } from './scope';
import type { PersonCasesOut } from './schema';

/**
 * The cases of one person that the reader may see (the person page's "Ärenden"), newest first.
 * An unknown person is a 404; a list is logged one row per case shown, as every list of cases.
 */
export function listPersonCases(ctx: UseCaseContext, personId: string): Promise<PersonCasesOut> {
  return readUseCase(ctx, async (tx) => {
    await requirePerson(tx, personId);
    const rows = await casesOfPerson(tx, personId, caseScope(ctx.actor));
    await recordAudit(
      tx,
      ctx,
      rows.map(({ c }) => ({ action: 'case.list' as const, entityType: 'case' as const, entityId: c.id, personId })),
    );
    const today = ctx.clock.today();
    return { items: rows.map(({ c, facts }) => ({ id: c.id, caseNumber: c.caseNumber, route: c.route, receivedDate: c.receivedDate, ...statusOf(factsOf(facts), today) })) };
  });
}
