// The shape every edit of a versioned row shares, in one transaction: load the row (within the actor's
// scope), refuse a stale version, check the rules, write the columns with the version the user saw, audit,
// present. Intake's `changeCase`, the admin edits and the person edits are built on it.
import { AppError } from '../errors';
import { recordAudit, type AuditEntry, type AuditWho } from '../audit/record';
import { eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Queryable, Tx } from './connect';
import { writeUseCase, type UniqueField } from './transaction';
import { updateVersioned, type VersionedTable } from './versioned';

export interface ChangeVersioned<T extends VersionedTable, Current, Out> {
  table: T;
  id: T['$inferSelect']['id'];
  /** The version the user saw (sent back with the form). */
  version: number;
  /** The current row and whatever the rules need, or an AppError (404 outside scope, 403). Default: the row by id, or 404. */
  load?: (tx: Tx) => Promise<Current>;
  /** The version of what `load` returned (default: its `version`). */
  versionOf?: (current: Current) => number;
  /** The rules: throw an AppError when the change is not allowed. */
  check?: (current: Current, tx: Tx) => void | Promise<void>;
  /** The columns to set (the version is bumped by the update). */
  apply: (current: Current, tx: Tx) => Partial<T['$inferInsert']> | Promise<Partial<T['$inferInsert']>>;
  /** Further writes the change brings with it (same transaction, before the audit entry). */
  afterUpdate?: (updated: T['$inferSelect'], tx: Tx, current: Current) => Promise<void>;
  audit: (current: Current, updated: T['$inferSelect'], set: Partial<T['$inferInsert']>) => AuditEntry | AuditEntry[];
  present: (updated: T['$inferSelect'], tx: Tx, current: Current) => Out | Promise<Out>;
  /** Unique columns the edit may collide on (409 with a field message). */
  unique?: UniqueField[];
}

export function changeVersioned<T extends VersionedTable, Out, Current = T['$inferSelect']>(ctx: AuditWho & { db: Db }, o: ChangeVersioned<T, Current, Out>): Promise<Out> {
  return writeUseCase(
    ctx,
    async (tx) => {
      const current = o.load ? await o.load(tx) : ((await rowById(tx, o.table, o.id)) as Current);
      const seen = o.versionOf ? o.versionOf(current) : (current as { version: number }).version;
      if (seen !== o.version) throw new AppError('VERSION_CONFLICT');
      await o.check?.(current, tx);
      const set = await o.apply(current, tx);
      const updated = await updateVersioned(tx, o.table, o.id, o.version, set);
      await o.afterUpdate?.(updated, tx, current);
      await recordAudit(tx, ctx, o.audit(current, updated, set));
      return o.present(updated, tx, current);
    },
    { unique: o.unique },
  );
}

async function rowById<T extends VersionedTable>(q: Queryable, table: T, id: T['$inferSelect']['id']): Promise<T['$inferSelect']> {
  const [row] = await q.select().from(table as PgTable).where(eq(table.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return row as T['$inferSelect'];
}
