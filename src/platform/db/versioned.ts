// Optimistic locking in one place: UPDATE … WHERE id = ? AND version = ?, bump the version, and
// tell a stale version (409 VERSION_CONFLICT) from a missing row (404) when nothing matched.
import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../errors';
import type { Queryable } from './connect';

export type VersionedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn };

export async function updateVersioned<T extends VersionedTable>(
  db: Queryable,
  table: T,
  id: T['$inferSelect']['id'],
  version: number,
  set: Partial<T['$inferInsert']>,
  opts: { notFoundMessage?: string; extraWhere?: ReturnType<typeof eq> } = {},
): Promise<T['$inferSelect']> {
  const where = and(eq(table.id, id), ...(opts.extraWhere ? [opts.extraWhere] : []));
  const rows = (await db
    .update(table)
    .set({ ...set, version: sql`${table.version} + 1` } as never)
    .where(and(where, eq(table.version, version)))
    .returning()) as T['$inferSelect'][];
  if (rows[0]) return rows[0];
  const [exists] = await db.select({ id: table.id }).from(table as PgTable).where(where);
  if (exists) throw new AppError('VERSION_CONFLICT');
  throw new AppError('NOT_FOUND', opts.notFoundMessage ? { message: opts.notFoundMessage } : {});
}
