import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import { allOf, readUseCase } from '../platform/db/transaction';
import { caseScope, myCases, onFacts } from './scope';
import { settingsOf } from '../platform/settings';
import { listCases as query } from './repo';
import { presentCaseSummary } from './present';
import type { caseListOut, caseListQuery } from './schema';

/**
 * "Mina ärenden" (scope=mine) or the whole unit's cases (scope=unit, within the actor's scope). Sorting and
 * filtering by status use `case_status(case_facts, today)` with today from the injected clock.
 */
export function listCases(ctx: UseCaseContext, q: z.output<typeof caseListQuery>): Promise<z.output<typeof caseListOut>> {
  return readUseCase(ctx, async (tx) => {
    // On the facts table's copy of unit and responsible: the rows a status sort or filter needs are found by index.
    const where = q.scope === 'mine' ? myCases(ctx.actor, onFacts) : caseScope(ctx.actor, 'case:read', onFacts);
    const today = ctx.clock.today();
    const [{ rows, total }, m] = await allOf(tx,
      // Each case shown is audited by the list's own statement (one entry per case, with its person).
      () => query(tx, where, { sort: q.sort, order: q.order, limit: q.pageSize, offset: (q.page - 1) * q.pageSize, today, status: q.status }, { who: ctx, action: 'case.list', entityType: 'case' }),
      () => settingsOf(ctx, tx));
    return { items: rows.map((r) => presentCaseSummary(r, today, m)), total, page: q.page, pageSize: q.pageSize };
  });
}
