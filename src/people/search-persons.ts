import type { UseCaseContext } from '../platform/context';
import { readUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { classifySearch } from './identity-number';
import { presentPersonSummary } from './present';
import { searchPersons as query } from './repo';
import { PERSON_SEARCH_LIMIT, type PersonSummaryOut } from './schema';


/** Search by (partial) identity number or name prefix. Every person shown is a read in the log. */
export function searchPersons(ctx: UseCaseContext, text: string): Promise<{ items: PersonSummaryOut[] }> {
  return readUseCase(ctx, async (tx) => {
    const rows = await query(tx, classifySearch(text), PERSON_SEARCH_LIMIT);
    await recordAudit(
      tx,
      ctx,
      rows.map((p) => ({ action: 'person.search' as const, entityType: 'person' as const, entityId: p.id, personId: p.id })),
    );
    return { items: rows.map(presentPersonSummary) };
  });
}
