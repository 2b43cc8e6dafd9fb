// Person merge (registered twice): every row of every table that references persons moves to the kept record, the
// other is marked merged into it (hidden from search) — one transaction, both logged. The referencing columns are read
// from the database's foreign keys, so a table a later stage adds moves too (tested against information_schema).
// Two different valid personnummer are two people: refused before anything is written.
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import type { z } from 'zod';
import type { UseCaseContext } from '../platform/context';
import type { Queryable } from '../platform/db/connect';
import { writeUseCase } from '../platform/db/transaction';
import { recordAudit } from '../platform/audit/record';
import { AppError } from '../platform/errors';
import { persons } from '../people/tables';
import { mergeRefusal } from './disposal-rules';
import type { mergePersonsBody, mergePersonsOut } from './merge-schema';

/** Every single-column foreign key to persons.id: (table, column). */
export async function columnsReferencingPersons(q: Queryable): Promise<{ table: string; column: string }[]> {
  const r = (await q.execute(sql`
    select cl.relname as "table", a.attname as "column"
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_namespace n on n.oid = cl.relnamespace and n.nspname = current_schema()
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.confrelid = 'persons'::regclass and cardinality(c.conkey) = 1
    order by 1, 2`)) as unknown as { rows: { table: string; column: string }[] };
  return r.rows;
}

const REFUSAL_CODE = {
  same_person: 'PERSON_MERGE_SAME',
  already_merged: 'PERSON_MERGE_ALREADY_MERGED',
  different_personnummer: 'PERSON_MERGE_DIFFERENT_PERSONNUMMER',
} as const;

export function mergePersons(ctx: UseCaseContext, input: z.output<typeof mergePersonsBody>): Promise<z.infer<typeof mergePersonsOut>> {
  return writeUseCase(ctx, async (tx) => {
    const [keep] = await tx.select().from(persons).where(eq(persons.id, input.keepPersonId)).for('update');
    const [merge] = await tx.select().from(persons).where(eq(persons.id, input.mergePersonId)).for('update');
    if (!keep || !merge) throw new AppError('NOT_FOUND');
    const refusal = mergeRefusal(keep, merge);
    if (refusal) throw new AppError(REFUSAL_CODE[refusal]);
    const moved: Record<string, number> = {};
    for (const { table, column } of await columnsReferencingPersons(tx)) {
      const t = sql.raw(pg.escapeIdentifier(table));
      const c = sql.raw(pg.escapeIdentifier(column));
      const r = (await tx.execute(sql`update ${t} set ${c} = ${keep.id}::uuid where ${c} = ${merge.id}::uuid returning 1`)) as unknown as { rows: unknown[] };
      moved[`${table}.${column}`] = r.rows.length;
    }
    await tx
      .update(persons)
      .set({ mergedIntoId: keep.id, mergedAt: ctx.clock.now(), version: sql`${persons.version} + 1`, updatedAt: ctx.clock.now() })
      .where(eq(persons.id, merge.id));
    // Protection follows the person: if either record had skyddad identitet, the kept one has it.
    if (merge.protectedIdentity && !keep.protectedIdentity)
      await tx.update(persons).set({ protectedIdentity: true, version: sql`${persons.version} + 1`, updatedAt: ctx.clock.now() }).where(eq(persons.id, keep.id));
    await recordAudit(tx, ctx, [
      { action: 'person.merge', entityType: 'person', entityId: keep.id, personId: keep.id, details: { role: 'kept', otherPersonId: merge.id, moved } },
      { action: 'person.merge', entityType: 'person', entityId: merge.id, personId: merge.id, details: { role: 'merged', otherPersonId: keep.id, moved } },
    ]);
    return { keptPersonId: keep.id, mergedPersonId: merge.id, moved };
  });
}
